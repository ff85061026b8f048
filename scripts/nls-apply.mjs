// Moves the user-facing strings of package.json into package.nls.json, leaving "%key%" in their
// place, which VS Code replaces with package.nls.<language>.json's text (package.nls.id.json for
// Indonesian) or package.nls.json's. Also makes sure package.json has "l10n": "./l10n" (the
// extension's own bundles) and ships l10n/*.json and package.nls*.json.
//
//   node scripts/nls-apply.mjs          rewrite package.json and package.nls.json
//   node scripts/nls-apply.mjs --check  exit 1 if package.json still has a string to move
//
// Idempotent: strings already "%key%" stay; package.nls.json keeps its entries and gains new ones.
// Keys come from where a string stands (command.copydesk.fixAll.title, config.copydesk.enable.
// description…); a key already used for another text gets a numbered suffix. All command
// categories share command.category.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const PACKAGE = join(ROOT, 'package.json');
const NLS = join(ROOT, 'package.nls.json');

const isKey = (s) => typeof s === 'string' && /^%[^%\s]+%$/.test(s);

/**
 * Every user-facing string of the manifest: [object, property, key]. Only these places are
 * localised: ids, commands, when-clauses, paths, scopes and enum values stay as they are.
 */
export function nlsSlots(pkg) {
  const slots = [];
  const add = (obj, prop, key) => { if (obj && typeof obj[prop] === 'string' && obj[prop]) slots.push([obj, prop, key]); };
  const addList = (obj, prop, key) => {
    if (!obj || !Array.isArray(obj[prop])) return;
    obj[prop].forEach((_, i) => { if (typeof obj[prop][i] === 'string') slots.push([obj[prop], i, `${key}.${i}`]); });
  };
  add(pkg, 'description', 'description');
  const c = pkg.contributes ?? {};
  for (const cmd of c.commands ?? []) {
    add(cmd, 'title', `command.${cmd.command}.title`);
    add(cmd, 'shortTitle', `command.${cmd.command}.shortTitle`);
    add(cmd, 'category', 'command.category');
  }
  const property = (name, p) => {
    for (const f of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) add(p, f, `config.${name}.${f}`);
    addList(p, 'enumDescriptions', `config.${name}.enumDescriptions`);
    addList(p, 'markdownEnumDescriptions', `config.${name}.markdownEnumDescriptions`);
    for (const [sub, q] of Object.entries(p.properties ?? {})) property(`${name}.${sub}`, q);
    if (p.items && typeof p.items === 'object') property(`${name}.items`, p.items);
  };
  const configs = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
  configs.forEach((cfg, i) => {
    add(cfg, 'title', configs.length > 1 ? `config.title.${i}` : 'config.title');
    for (const [name, p] of Object.entries(cfg.properties ?? {})) property(name, p);
  });
  for (const w of c.walkthroughs ?? []) {
    add(w, 'title', `walkthrough.${w.id}.title`);
    add(w, 'description', `walkthrough.${w.id}.description`);
    for (const s of w.steps ?? []) {
      add(s, 'title', `walkthrough.${w.id}.${s.id}.title`);
      add(s, 'description', `walkthrough.${w.id}.${s.id}.description`);
      add(s.media, 'altText', `walkthrough.${w.id}.${s.id}.altText`);
    }
  }
  for (const t of c.semanticTokenTypes ?? []) add(t, 'description', `semanticTokenType.${t.id}.description`);
  for (const m of c.semanticTokenModifiers ?? []) add(m, 'description', `semanticTokenModifier.${m.id}.description`);
  for (const [container, list] of Object.entries(c.viewsContainers ?? {})) for (const v of list) add(v, 'title', `viewsContainer.${container}.${v.id}.title`);
  for (const list of Object.values(c.views ?? {})) for (const v of list) { add(v, 'name', `view.${v.id}.name`); add(v, 'contextualTitle', `view.${v.id}.contextualTitle`); }
  for (const v of c.viewsWelcome ?? []) add(v, 'contents', `viewsWelcome.${v.view}.contents`);
  for (const s of c.submenus ?? []) add(s, 'label', `submenu.${s.id}.label`);
  for (const l of c.languages ?? []) addList(l, 'aliases', `language.${l.id}.aliases`);
  for (const k of ['untrustedWorkspaces', 'virtualWorkspaces']) add(pkg.capabilities?.[k], 'description', `capabilities.${k}.description`);
  return slots;
}

/** Applies the strings to `nls` (English key → text) and gives back what changed. */
export function applyNls(pkg, nls) {
  let moved = 0;
  for (const [obj, prop, wanted] of nlsSlots(pkg)) {
    const text = obj[prop];
    if (isKey(text)) continue;
    let key = wanted;
    for (let n = 2; key in nls && nls[key] !== text; n++) key = `${wanted}.${n}`;
    nls[key] = text;
    obj[prop] = `%${key}%`;
    moved++;
  }
  if (pkg.l10n === undefined) pkg.l10n = './l10n';
  pkg.files ??= [];
  for (const f of ['l10n/*.json', 'package.nls*.json']) if (!pkg.files.includes(f)) pkg.files.push(f);
  return { moved };
}

/** Inserts "l10n" after "browser" or "main" so the manifest keeps its order. */
function withL10nPlaced(pkg) {
  if (!('l10n' in pkg)) return pkg;
  const { l10n, ...rest } = pkg;
  const out = {};
  const after = 'browser' in rest ? 'browser' : 'main';
  for (const [k, v] of Object.entries(rest)) { out[k] = v; if (k === after) out.l10n = l10n; }
  if (!('l10n' in out)) out.l10n = l10n;
  return out;
}

function main(args) {
  const text = readFileSync(PACKAGE, 'utf8');
  const pkg = JSON.parse(text);
  const nls = existsSync(NLS) ? JSON.parse(readFileSync(NLS, 'utf8')) : {};
  if (args.includes('--check')) {
    const left = nlsSlots(pkg).filter(([obj, prop]) => !isKey(obj[prop]));
    const missing = nlsSlots(pkg).map(([obj, prop]) => obj[prop]).filter(isKey).map((k) => k.slice(1, -1)).filter((k) => !(k in nls));
    for (const [obj, prop, key] of left) process.stderr.write(`package.json: ${JSON.stringify(obj[prop])} is not localised (would be %${key}%)\n`);
    for (const k of missing) process.stderr.write(`package.nls.json: no "${k}"\n`);
    return left.length || missing.length || pkg.l10n !== './l10n' ? 1 : 0;
  }
  const hadL10n = 'l10n' in pkg;
  const { moved } = applyNls(pkg, nls);
  const out = hadL10n ? pkg : withL10nPlaced(pkg);
  const indent = /^\{\r?\n(\s+)"/.exec(text)?.[1] ?? '  ';
  writeFileSync(PACKAGE, JSON.stringify(out, null, indent) + '\n');
  writeFileSync(NLS, JSON.stringify(nls, null, 2) + '\n');
  process.stdout.write(`nls: ${moved} strings moved to package.nls.json (${Object.keys(nls).length} entries).\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
