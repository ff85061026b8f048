import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TestClient } from '../helpers/lsp-client.js';
import { draftArb, stepArb } from './generators.js';
import { runSyncCase, type SyncStats } from './sync-harness.js';

// A fixed seed keeps npm test (and CI) repeatable; npm run fuzz explores new seeds, and
// COPYDESK_SEED replays one here.
const SEED = process.env.COPYDESK_SEED ? Number(process.env.COPYDESK_SEED) : 20261127;

// Issue #9.1: random incremental edits (surrogate pairs, combining marks, CRLF and lone CR, RTL,
// CJK, zero-width characters, quotes, Markdown, front matter fences) sent to the real server over
// stdio. After each didChange the server's diagnostics must equal an in-process lint of the
// client's text, every range must lie inside the document, and the server must stay alive.
// The long soak (≥ 100,000 edits) is `npm run fuzz` (scripts/fuzz.ts).
const RUNS = Number(process.env.COPYDESK_SYNC_RUNS ?? 100);

describe('reliability: LSP incremental sync under random edits', function () {
  this.timeout(240_000);
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-sync-'));
    client = new TestClient();
    await client.initialize();
  });
  after(async () => { await client.stop(); rmSync(dir, { recursive: true, force: true }); });

  const stats: SyncStats = { edits: 0, notifications: 0 };
  let n = 0;

  for (const kind of ['markdown', 'plaintext'] as const) {
    it(`${kind}: the server's view equals the client's after every step`, async () => {
      await fc.assert(fc.asyncProperty(draftArb, fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (initial, steps) => {
        const uri = pathToFileURL(join(dir, `draft-${n++}.${kind === 'markdown' ? 'md' : 'txt'}`)).href;
        await runSyncCase(client, uri, initial, steps, stats, kind);
      }), { numRuns: RUNS, seed: SEED });
      assert.equal(client.process.exitCode, null, 'server alive');
    });
  }

  it('coalesces bursts of edits and answers for the newest version', async () => {
    await fc.assert(fc.asyncProperty(draftArb, fc.array(stepArb, { minLength: 5, maxLength: 60 }), async (initial, steps) => {
      const uri = pathToFileURL(join(dir, `burst-${n++}.md`)).href;
      await runSyncCase(client, uri, initial, steps, stats, 'markdown', 7);
    }), { numRuns: Math.ceil(RUNS / 3), seed: SEED + 1 });
    assert.equal(client.process.exitCode, null, 'server alive');
    assert.ok(stats.edits >= 2000, `a few thousand edits were sent (${stats.edits})`);
    console.log(`      ${stats.edits} edits in ${stats.notifications} didChange notifications`);
  });
});
