import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The core runs in the language server, the CLI and (later) a browser worker: it must not reach
// for the editor API, the LSP library or Node's built-ins. Hosts pass in what it needs.
const CORE = join(import.meta.dirname, '..', '..', 'server', 'src', 'core');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (/\.(ts|mts|cts|js|mjs)$/.test(name)) yield p;
  }
}

/** Module specifiers of static imports/exports, dynamic import() and require(). */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

function forbidden(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]) ||
    spec === 'vscode' || spec.startsWith('vscode-languageserver') || spec.startsWith('vscode-languageclient');
}

describe('core purity', () => {
  it('recognises forbidden imports (the check itself can fail)', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';", "import * as path from 'path';", "import type { Connection } from 'vscode-languageserver/node';",
      "const cp = require('child_process');", "const v = await import('vscode');", "export { x } from 'os';", "import 'vscode-languageclient';",
      "import { parse } from 'yaml';", "import { lint } from './engine.js';",
    ].join('\n');
    assert.deepEqual(specifiers(sample).filter(forbidden), ['node:fs', 'path', 'vscode-languageserver/node', 'os', 'vscode-languageclient', 'vscode', 'child_process']);
  });

  it('no file under server/src/core imports vscode, the LSP libraries or Node built-ins', () => {
    const offenders: string[] = [];
    let files = 0;
    for (const file of sources(CORE)) {
      files++;
      for (const spec of specifiers(readFileSync(file, 'utf8'))) if (forbidden(spec)) offenders.push(`${relative(CORE, file)}: ${spec}`);
    }
    assert.ok(files >= 15, `found only ${files} core files`);
    assert.deepEqual(offenders, []);
  });
});
