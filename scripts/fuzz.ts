/**
 * Soak test of the language server's incremental sync (issue #9.1): random edits — surrogate
 * pairs, combining marks, CRLF and lone CR, RTL, CJK, zero-width characters, quotes, Markdown,
 * front matter fences — sent to dist/server.cjs over stdio until at least N edits (default
 * 100,000) have been checked. After every didChange the server's diagnostics must equal an
 * in-process lint of the client's text, with every range inside the document.
 *
 *   npm run fuzz                       # 100,000 edits
 *   npm run fuzz -- 20000 --seed 42    # fewer edits, a fixed seed (to replay a failure)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TestClient } from '../test/helpers/lsp-client.js';
import { draftArb, stepArb } from '../test/reliability/generators.js';
import { runSyncCase, type SyncStats } from '../test/reliability/sync-harness.js';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
let seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 2 ** 31;
const target = Number(args.find((a, i) => /^\d+$/.test(a) && i !== seedAt + 1) ?? 100_000);

const dir = mkdtempSync(join(tmpdir(), 'copydesk-fuzz-'));
const client = new TestClient();
const stats: SyncStats = { edits: 0, notifications: 0 };
const started = Date.now();
let cases = 0;
let failed = false;
try {
  await client.initialize();
  console.log(`copydesk fuzz: ${target} edits, seed ${seed}`);
  while (stats.edits < target) {
    const batchSeed = seed++;
    await fc.assert(fc.asyncProperty(draftArb, fc.array(stepArb, { minLength: 1, maxLength: 60 }), fc.constantFrom('markdown', 'plaintext', 'markdown'), fc.constantFrom(1, 1, 5),
      async (initial, steps, kind, every) => {
        const uri = pathToFileURL(join(dir, `draft-${cases++}.${kind === 'markdown' ? 'md' : 'txt'}`)).href;
        await runSyncCase(client, uri, initial, steps, stats, kind as 'markdown' | 'plaintext', every);
      }), { numRuns: 50, seed: batchSeed });
    if (client.process.exitCode !== null) throw new Error(`the server died (exit ${client.process.exitCode}): ${client.stderr}`);
    const s = (Date.now() - started) / 1000;
    process.stdout.write(`  ${stats.edits} edits, ${stats.notifications} didChange, ${cases} drafts, ${s.toFixed(0)} s (${Math.round(stats.edits / s)} edits/s), batch seed ${batchSeed}\n`);
  }
  console.log(`ok: ${stats.edits} edits in ${((Date.now() - started) / 1000).toFixed(0)} s, server alive, no divergence`);
} catch (err) {
  failed = true;
  console.error(`FAILED after ${stats.edits} edits:\n${(err as Error).message}`);
} finally {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
