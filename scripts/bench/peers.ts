// Peers measured on the same drafts in the same run: textlint (Markdown, dictionary and style
// rules: the closest to Copydesk's matching and phrase rules), alex, and harper.js (in process).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine.js';
import { files } from './cli.js';

const BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin');

function timed(cmd: string, args: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(join(BIN, cmd), args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status === null || r.error) throw new Error(`${cmd} failed: ${r.error?.message ?? r.stderr.slice(0, 500)}`);
  return ms;
}

/** textlint CLI with the terminology dictionary and write-good rules, over the folder. */
export function textlint(dir: string): number {
  return timed('textlint', ['--no-textlintrc', '--rule', 'terminology', '--rule', 'write-good', '--format', 'json', '.'], dir);
}

/** alex CLI over the folder (retext, unified-engine). */
export function alex(dir: string): number {
  return timed('alex', ['--quiet', '.'], dir);
}

/**
 * harper.js in process (its WebAssembly engine) vs Copydesk's engine in process, on the same
 * texts: the first `limit` drafts, since harper.js takes about a tenth of a second per draft.
 */
export async function harperVsEngine(dir: string, limit = 200): Promise<{ harperMs: number; copydeskMs: number; drafts: number }> {
  const harper = await import('harper.js');
  // Node cannot fetch the .wasm by URL: the inlined build carries it as a data URL.
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new harper.LocalLinter({ binary: binaryInlined });
  await linter.setup();
  const texts = files(dir).slice(0, limit).map((f) => readFileSync(f, 'utf8'));
  let t = performance.now();
  for (const text of texts) await linter.lint(text, { language: 'markdown' });
  const harperMs = performance.now() - t;
  t = performance.now();
  for (const text of texts) lint({ text, kind: 'markdown' });
  return { harperMs, copydeskMs: performance.now() - t, drafts: texts.length };
}
