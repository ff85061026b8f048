// Collects every localisable message into l10n/bundle.l10n.json (English: key → same text, the
// format VS Code reads through package.json's "l10n": "./l10n") and checks the translations.
//
//   npx tsx scripts/l10n-extract.ts           rewrite l10n/bundle.l10n.json
//   npx tsx scripts/l10n-extract.ts --check   exit 1 if it is stale or a message lacks a translation
//
// Messages are the string literals given as first argument to
//   server/src/**/*.ts:  t('…'), context.t('…'), t(`…`) and localize('…') (server/src/core/l10n.ts)
//   client/src/**/*.ts:  l10n.t('…') (vscode.l10n.t)
// plus scripts/l10n-client-pending.json: client strings that do not go through vscode.l10n.t yet.
// The check also covers package.nls.json (scripts/nls-apply.mjs): every key needs package.nls.id.json.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const ENGLISH_BUNDLE = 'l10n/bundle.l10n.json';
/** Translations that must be complete: locale → bundle path. */
export const TRANSLATIONS: Record<string, string> = { id: 'l10n/bundle.l10n.id.json' };
export const CLIENT_PENDING = 'scripts/l10n-client-pending.json';

export interface Message { key: string; file: string; line: number }

function* sources(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield p;
  }
}

/** Reads a JS string literal starting at `at` (a quote or backtick); undefined if not a plain literal. */
export function readLiteral(code: string, at: number): { value: string; end: number } | undefined {
  const quote = code[at];
  if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
  let value = '';
  for (let i = at + 1; i < code.length; i++) {
    const c = code[i];
    if (c === quote) return { value, end: i + 1 };
    if (quote === '`' && c === '$' && code[i + 1] === '{') return undefined; // an interpolation: not a key
    if ((c === '\n' || c === '\r') && quote !== '`') return undefined;
    if (c !== '\\') { value += c; continue; }
    const n = code[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
    if (n in simple) value += simple[n];
    else if (n === 'u') {
      const braced = code[i + 1] === '{';
      const hex = braced ? code.slice(i + 2, code.indexOf('}', i)) : code.slice(i + 1, i + 5);
      value += String.fromCodePoint(parseInt(hex, 16));
      i += braced ? hex.length + 2 : 4;
    } else if (n === 'x') { value += String.fromCharCode(parseInt(code.slice(i + 1, i + 3), 16)); i += 2; }
    else if (n === '\n') { /* line continuation */ }
    else value += n;
  }
  return undefined;
}

/** The message keys in one file's code: first arguments of the marker calls that are literals. */
export function messagesIn(code: string, markers: RegExp): Array<{ key: string; line: number }> {
  const out: Array<{ key: string; line: number }> = [];
  for (const m of code.matchAll(markers)) {
    // Skip comments: a marker after // on its line, or on a /* … */ or JSDoc line.
    const lineStart = code.lastIndexOf('\n', m.index!) + 1;
    const before = code.slice(lineStart, m.index);
    if (/^\s*(?:\*|\/\*)/.test(before) || /(?:^|[^:'"`])\/\//.test(before)) continue;
    let at = m.index! + m[0].length;
    while (/\s/.test(code[at] ?? '')) at++;
    const lit = readLiteral(code, at);
    if (!lit) continue;
    const after = code.slice(lit.end).match(/^\s*([,)+])/);
    if (!after || after[1] === '+') continue; // a concatenation is not a key
    out.push({ key: lit.value, line: code.slice(0, m.index).split('\n').length });
  }
  return out;
}

const SERVER_MARKERS = /(?<![\w$])(?:t|localize)\(/g;
const CLIENT_MARKERS = /\bl10n\.t\(/g;

/** Every message of the project, in file order (a key may appear more than once). */
export function collectMessages(root = ROOT): Message[] {
  const found: Message[] = [];
  const scan = (dir: string, markers: RegExp) => {
    for (const file of sources(join(root, dir))) {
      for (const m of messagesIn(readFileSync(file, 'utf8'), markers)) found.push({ key: m.key, file: relative(root, file), line: m.line });
    }
  };
  scan('server/src', SERVER_MARKERS);
  scan('client/src', CLIENT_MARKERS);
  const pending = join(root, CLIENT_PENDING);
  if (existsSync(pending)) for (const key of JSON.parse(readFileSync(pending, 'utf8')) as string[]) found.push({ key, file: CLIENT_PENDING, line: 0 });
  return found;
}

/** The English bundle: every key → itself, sorted, as VS Code's bundle.l10n.json. */
export function englishBundle(messages: Message[]): Record<string, string> {
  const keys = [...new Set(messages.map((m) => m.key))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, k]));
}

export const bundleText = (bundle: Record<string, string>) => JSON.stringify(bundle, null, 2) + '\n';

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(' ');

export interface CheckResult {
  /** Problems that fail the check. */
  errors: string[];
  /** Worth knowing, not failing: translations of messages that are gone, pending client keys now in the code. */
  warnings: string[];
  english: Record<string, string>;
}

/** The check behind --check (and test/core/l10n.test.ts): no file is written. */
export function checkL10n(root = ROOT): CheckResult {
  const messages = collectMessages(root);
  const english = englishBundle(messages);
  const errors: string[] = [];
  const warnings: string[] = [];
  const path = join(root, ENGLISH_BUNDLE);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current !== bundleText(english)) {
    const have = current ? Object.keys(JSON.parse(current) as object) : [];
    const added = Object.keys(english).filter((k) => !have.includes(k));
    const removed = have.filter((k) => !(k in english));
    errors.push(`${ENGLISH_BUNDLE} is stale (run npx tsx scripts/l10n-extract.ts): ${added.length} new, ${removed.length} gone` +
      [...added.map((k) => `\n  + ${JSON.stringify(k)}`), ...removed.map((k) => `\n  - ${JSON.stringify(k)}`)].join(''));
  }
  const where = new Map<string, Message>();
  for (const m of messages) if (!where.has(m.key)) where.set(m.key, m);
  for (const [locale, file] of Object.entries(TRANSLATIONS)) {
    const p = join(root, file);
    const bundle = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>) : {};
    for (const key of Object.keys(english)) {
      const m = where.get(key)!;
      const at = `${m.file}${m.line ? `:${m.line}` : ''}`;
      const value = bundle[key];
      if (typeof value !== 'string' || !value.trim()) errors.push(`${file}: no ${locale} translation of ${JSON.stringify(key)} (${at})`);
      else if (placeholders(value) !== placeholders(key)) errors.push(`${file}: the translation of ${JSON.stringify(key)} has placeholders {${placeholders(value)}}, not {${placeholders(key)}}`);
    }
    for (const key of Object.keys(bundle)) if (!(key in english)) warnings.push(`${file}: ${JSON.stringify(key)} is no longer a message`);
  }
  // The manifest's strings (package.nls.json, written by scripts/nls-apply.mjs) need translations too.
  const nlsPath = join(root, 'package.nls.json');
  if (existsSync(nlsPath)) {
    const nls = JSON.parse(readFileSync(nlsPath, 'utf8')) as Record<string, string>;
    const pkgPath = join(root, 'package.json');
    const manifest = existsSync(pkgPath) ? readFileSync(pkgPath, 'utf8') : '';
    for (const m of manifest.matchAll(/"%([^%"\s]+)%"/g)) if (!(m[1] in nls)) errors.push(`package.json uses %${m[1]}%, which package.nls.json lacks`);
    for (const locale of Object.keys(TRANSLATIONS)) {
      const file = `package.nls.${locale}.json`;
      const p = join(root, file);
      const translated = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Record<string, string>) : {};
      for (const [key, text] of Object.entries(nls)) {
        const value = translated[key];
        const links = (x: string) => (x.match(/\(command:[^)]*\)/g) ?? []).join(' ');
        if (typeof value !== 'string' || !value.trim()) errors.push(`${file}: no ${locale} translation of "${key}" (${JSON.stringify(text)})`);
        else if (links(value) !== links(text)) errors.push(`${file}: the translation of "${key}" must keep the command links ${links(text)}`);
      }
      for (const key of Object.keys(translated)) if (!(key in nls)) warnings.push(`${file}: "${key}" is no longer in package.nls.json`);
    }
  }
  const inClient = new Set(messages.filter((m) => m.file.startsWith('client/')).map((m) => m.key));
  for (const m of messages) if (m.file === CLIENT_PENDING && inClient.has(m.key)) warnings.push(`${CLIENT_PENDING}: ${JSON.stringify(m.key)} now goes through l10n.t; remove it from the list`);
  return { errors, warnings, english };
}

function main(args: string[]): number {
  if (args.includes('--check')) {
    const { errors, warnings } = checkL10n();
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    for (const e of errors) process.stderr.write(`error: ${e}\n`);
    if (!errors.length) process.stdout.write('l10n: bundles are up to date.\n');
    return errors.length ? 1 : 0;
  }
  const english = englishBundle(collectMessages());
  writeFileSync(join(ROOT, ENGLISH_BUNDLE), bundleText(english));
  const { errors, warnings } = checkL10n();
  for (const w of [...warnings, ...errors]) process.stderr.write(`${w}\n`);
  process.stdout.write(`l10n: wrote ${ENGLISH_BUNDLE} (${Object.keys(english).length} messages).\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
