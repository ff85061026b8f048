// Editor latency through the real server over stdio: didOpen → diagnostics (cold), and
// didChange of one character → diagnostics for that version (what a writer waits for).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../../test/helpers/lsp-client.js';
import { draft } from './corpus.js';

export interface EditorFigures { label: string; coldMs: number; p50: number; p95: number; findings: number }

/** Keystrokes typed into the warm-up draft before anything is measured. */
export const WARM_EDITS = Number(process.env.WARM_EDITS ?? 300);
/** Size of the warm-up draft: a short article, opened and typed in for about a minute. */
export const WARM_WORDS = Number(process.env.WARM_WORDS ?? 1000);
/** Keystrokes measured: enough that p95 describes typing, not the first moments after opening. */
export const MEASURED_EDITS = Number(process.env.MEASURED_EDITS ?? 500);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

export async function editorLatency(dir: string, words: number, ledgerYaml: string, label: string, edits = MEASURED_EDITS): Promise<EditorFigures> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
  writeFileSync(join(dir, 'corrections.yaml'), ledgerYaml);
  // Seed 20: a machine translation that repeats the corrected claim, with quotes: every rule has work.
  const text = draft(20, words);
  const uri = pathToFileURL(join(dir, 'draft.md')).href;
  const client = new TestClient();
  try {
    await client.initialize();
    // Warm the server on another draft first, as in an editing session:
    // config and ledger loaded, code compiled by opening a draft and typing in it. Cold open then
    // measures a draft, not the ledger's one-time load, and the edits measure the keystroke path,
    // not the JIT's first pass over it (a fresh server's first keystrokes take a few ms more).
    const warm = pathToFileURL(join(dir, 'warm.md')).href;
    const warmText = draft(8, WARM_WORDS);
    client.open(warm, warmText);
    await client.waitForDiagnostics(warm, 1, 120_000);
    const warmLine = client.docs.get(warm)!.positionAt(Math.floor(warmText.length / 2)).line;
    for (let i = 0; i < WARM_EDITS; i++) {
      const at = { line: warmLine, character: 3 };
      const v = client.edit(warm, i % 2 === 0 ? { start: at, end: at } : { start: at, end: { line: warmLine, character: 4 } }, i % 2 === 0 ? 'x' : '');
      await client.waitForDiagnostics(warm, v, 60_000);
    }
    let t = performance.now();
    client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, 1, 120_000);
    const coldMs = performance.now() - t;
    // Edits in the middle of the draft: insert a letter, then delete it, so the text stays the same size.
    const doc = client.docs.get(uri)!;
    const middle = doc.positionAt(Math.floor(text.length / 2));
    const line = middle.line;
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const insert = i % 2 === 0;
      const at = { line, character: 5 };
      t = performance.now();
      const version = client.edit(uri, insert ? { start: at, end: at } : { start: at, end: { line, character: 6 } }, insert ? 'x' : '');
      await client.waitForDiagnostics(uri, version, 60_000);
      times.push(performance.now() - t);
    }
    return { label, coldMs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), findings: first.length };
  } finally {
    await client.stop();
  }
}
