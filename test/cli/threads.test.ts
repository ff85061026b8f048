import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, helperThreads, ThreadPool, workerCount } from '../../server/src/cli/pool.js';
import { availableParallelism } from 'node:os';
import { collectDrafts, displayPath } from '../../server/src/cli/files.js';
import { ProjectCache, type LintJob } from '../../server/src/cli/lint-file.js';
import { CLAIM, CLI, LEDGER, MT, ORIGINAL, copydesk, write } from './run-cli.js';

// Issue #8: the CLI hands drafts to threads in batches (this thread takes part in an archive
// scan), threads run under heap limits and leave out of their reports what this thread knows.
// Whatever the split, the reports are the same as checking in one thread.

describe('copydesk check: checking threads (CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  let files: string[];
  let shown: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-threads-'));
    const drafts: Record<string, string> = { '.copydesk.yaml': 'ledger: corrections.yaml\n', 'corrections.yaml': LEDGER };
    for (let i = 0; i < 150; i++) drafts[`desk-${i % 3}/d${String(i).padStart(3, '0')}.md`] = [ORIGINAL, MT, CLAIM][i % 3];
    write(dir, drafts);
    ({ files, displayPaths: shown } = collectDrafts(['.'], dir));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const job = (only?: string[]): LintJob => ({ cwd: dir, fix: 'none', detail: true, only });
  const alone = (j: LintJob) => checkFiles(files, j, 1, undefined, () => {}, new ProjectCache(), shown);

  /** A pool whose threads have loaded (so that an archive scan hands them work from the start). */
  const loadedPool = async (threads: number, lateStartMinFiles = 0) => {
    const pool = new ThreadPool(CLI, undefined, lateStartMinFiles);
    pool.prestart(threads);
    while (!pool.allReady()) await new Promise((r) => setTimeout(r, 10));
    return pool;
  };

  it('gives the same reports on 2 and 3 threads as in one, full check and archive scan', async () => {
    for (const only of [undefined, ['corrected-claim']]) {
      const expected = await alone(job(only));
      assert.ok(expected.some((r) => r.findings.length > 0));
      for (const workers of [2, 3]) {
        const pool = await loadedPool(only ? workers - 1 : workers);
        assert.deepEqual(await checkFiles(files, job(only), workers, CLI, () => {}, new ProjectCache(), shown, pool), expected, `${workers} threads, only ${only}`);
        assert.equal(pool.threadsUsed, only ? workers - 1 : workers, 'every thread took part');
      }
    }
    // This thread helps with an archive scan only.
    assert.deepEqual([helperThreads(2, {}), helperThreads(2, { only: ['corrected-claim'] }), helperThreads(1, {})], [2, 1, 0]);
  });

  it('uses threads for a full check of thousands of drafts only, for an archive scan of ten thousand', () => {
    const cores = availableParallelism();
    assert.equal(workerCount(2_000, undefined, {}), 1);
    assert.equal(workerCount(5_000, undefined, {}), Math.min(cores, 2));
    assert.equal(workerCount(2_000, undefined, { only: ['corrected-claim'] }), 1);
    assert.equal(workerCount(10_000, undefined, { only: ['corrected-claim'] }), Math.min(cores, 2));
    assert.equal(workerCount(10, 3, {}), 3);
  });

  it('in an archive scan, hands no work to a thread that is ready only when few drafts are left', async () => {
    const expected = await alone(job(['corrected-claim']));
    // Ready from the start, but 150 drafts are fewer than a late start needs: this thread checks all.
    const pool = await loadedPool(1, 1000);
    assert.deepEqual(await checkFiles(files, job(['corrected-claim']), 2, CLI, () => {}, new ProjectCache(), shown, pool), expected);
    assert.equal(pool.threadsUsed, 0);
  });

  it('checks a thread\'s files itself when that thread runs out of memory', async () => {
    const expected = await alone(job());
    // Far too small a heap for the bundle: every thread runs out of memory at once.
    const starved = new ThreadPool(CLI, { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 });
    let progress = 0;
    const reports = await checkFiles(files, job(), 2, CLI, (done) => { progress = done; }, new ProjectCache(), shown, starved);
    assert.deepEqual(reports, expected);
    assert.equal(progress, files.length);
  });

  it('lists drafts with their display paths, and never opens a FIFO named on the command line', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const c = collectDrafts(['.', 'pipe.md'], dir);
    assert.deepEqual(c.displayPaths, c.files.map((f) => displayPath(f, dir)));
    assert.deepEqual(c.irregular, [join(dir, 'pipe.md')]);
    const r = copydesk(['check', 'pipe.md', 'desk-0'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'copydesk: cannot read pipe.md: not a regular file\n');
  });
});
