/**
 * Loads Copydesk's grammars into vscode-textmate (with vscode-oniguruma's WASM regex engine) the way
 * VS Code does: a base grammar per host (the Markdown stand-in in base/, or syntaxes/plaintext) and
 * the injection grammars wired through `getInjections`, from the same `contributes.grammars` entries
 * the extension ships.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as textmateModule from 'vscode-textmate';
import * as onigurumaModule from 'vscode-oniguruma';
import { CONTRIBUTES } from '../../syntaxes/generate.js';

/** Both packages are CommonJS bundles flagged __esModule: a default import is undefined under tsx's CJS path. */
function interop<T>(ns: T): T {
  return (ns as { default?: T }).default ?? ns;
}
export const vsctm = interop(textmateModule);
export const oniguruma = interop(onigurumaModule);

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export type Host = 'md' | 'txt';
/** One token: its text and the Copydesk scopes on it (scopes ending in `.copydesk`), outermost first. */
export type Tok = [text: string, scopes: string[]];
export interface LineTokens { text: string; tokens: Array<{ text: string; scopes: string[] }> }

const HOST_SCOPE: Record<Host, string> = { md: 'text.html.markdown', txt: 'text.plain' };

/** Grammar files by scope name: the shipped ones from CONTRIBUTES, plus the Markdown stand-in. */
export function grammarPaths(): Map<string, string> {
  const paths = new Map<string, string>();
  for (const g of CONTRIBUTES.grammars) paths.set(g.scopeName, join(root, g.path));
  paths.set('text.html.markdown', join(here, 'base/markdown.tmLanguage.json'));
  return paths;
}

/** Injection scope names per host scope, from `injectTo`, exactly as VS Code builds them. */
export function injectionsFor(scopeName: string): string[] {
  return CONTRIBUTES.grammars.filter((g) => 'injectTo' in g && g.injectTo?.includes(scopeName)).map((g) => g.scopeName);
}

let registryPromise: Promise<textmateModule.Registry> | undefined;

export function registry(): Promise<textmateModule.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const paths = grammarPaths();
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const path = paths.get(scopeName);
        // source.yaml and text.html.derivative are not available here: their includes are skipped, as
        // vscode-textmate does for any missing grammar.
        return path ? vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
      },
      getInjections: (scopeName: string) => injectionsFor(scopeName),
    });
  })();
  return registryPromise;
}

/** Tokenizes a whole document, line by line, keeping all scopes. */
export async function tokenizeFull(host: Host, text: string): Promise<LineTokens[]> {
  const grammar = await (await registry()).loadGrammar(HOST_SCOPE[host]);
  if (!grammar) throw new Error(`no grammar for ${HOST_SCOPE[host]}`);
  let stack = vsctm.INITIAL;
  const out: LineTokens[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    const tokens = r.tokens
      .map((t) => ({ text: line.slice(t.startIndex, Math.min(t.endIndex, line.length)), scopes: t.scopes }))
      .filter((t) => t.text.length > 0);
    out.push({ text: line, tokens });
  }
  return out;
}

const isCopydesk = (s: string) => s.endsWith('.copydesk');

/**
 * Tokenizes and keeps only Copydesk scopes, merging neighbouring tokens whose Copydesk scopes are
 * equal: the result is one [text, scopes] pair per run of identically scoped text, per line.
 */
export async function tokenize(host: Host, text: string): Promise<Tok[][]> {
  return (await tokenizeFull(host, text)).map((line) => {
    const merged: Tok[] = [];
    for (const t of line.tokens) {
      const scopes = t.scopes.filter(isCopydesk);
      const last = merged[merged.length - 1];
      if (last && last[1].join(' ') === scopes.join(' ')) last[0] += t.text;
      else merged.push([t.text, scopes]);
    }
    return merged;
  });
}
