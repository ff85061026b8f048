import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFiles, readTrusted, shouldWrite, writeCache } from '../../server/src/node/code-cache.js';
import { CLAIM, LEDGER, MT, ROOT, write } from './run-cli.js';

// Issue #8: `copydesk` loads its bundle through V8's code cache. The cache only ever saves time:
// whatever state it is in, the reports are the same, and a cache nobody else may have written is
// the only one loaded.

describe('copydesk: V8 code cache of the CLI bundle', function () {
  this.timeout(60_000);
  let dir: string;
  let pkg: string;
  let drafts: string;
  let home: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-codecache-'));
    // A copy of the two CLI files, so these tests own the folder the cache is written to.
    pkg = join(dir, 'pkg', 'dist');
    mkdirSync(pkg, { recursive: true });
    for (const f of ['cli.cjs', 'cli-main.cjs']) copyFileSync(join(ROOT, 'dist', f), join(pkg, f));
    drafts = join(dir, 'news');
    write(drafts, { '.copydesk.yaml': 'ledger: corrections.yaml\n', 'corrections.yaml': LEDGER, 'a.md': CLAIM, 'b.md': MT, 'c/d.md': CLAIM });
    home = join(dir, 'home');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (env: Record<string, string> = {}, args: string[] = []) => {
    const r = spawnSync(process.execPath, [join(pkg, 'cli.cjs'), 'check', '.', '--format', 'json', ...args], {
      cwd: drafts, encoding: 'utf8', env: { ...process.env, CI: '1', COPYDESK_STATS: '1', XDG_CACHE_HOME: home, ...env },
    });
    const stats = r.stderr.split('\n').find((l) => l.startsWith('copydesk-stats '));
    assert.ok(stats, r.stderr);
    return { code: r.status, stdout: r.stdout, cache: (JSON.parse(stats.slice('copydesk-stats '.length)) as { codeCache: string }).codeCache };
  };
  const beside = () => cacheFiles(join(pkg, 'cli-main.cjs'), { XDG_CACHE_HOME: home })[0];

  it('the first run writes the cache beside the bundle, the next loads it, with the same report', () => {
    const first = run();
    assert.equal(first.cache, 'none');
    assert.equal(first.code, 1);
    assert.ok(existsSync(beside()), 'cache written');
    assert.equal(statSync(beside()).mode & 0o077, 0, 'readable by its owner only');
    const second = run();
    assert.equal(second.cache, 'loaded');
    assert.equal(second.stdout, first.stdout);
    assert.equal(JSON.parse(second.stdout).files.length, 3);
  });

  it('a damaged cache is rejected by V8: the run is the same and the cache is written anew', () => {
    const clean = run();
    writeFileSync(beside(), Buffer.concat([Buffer.from('CDC1'), Buffer.of(1), Buffer.alloc(4096, 7)]), { mode: 0o600 });
    const damaged = run();
    assert.equal(damaged.cache, 'rejected');
    assert.equal(damaged.stdout, clean.stdout);
    assert.equal(run().cache, 'loaded');
  });

  it('a small run leaves a cache; a substantial run adds to it once', () => {
    spawnSync(process.execPath, [join(pkg, 'cli.cjs'), '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home } });
    assert.equal(readTrusted(beside())?.substantial, false, 'written by --version');
    assert.equal(run().cache, 'loaded');
    // Which runs write (a substantial run uses 0.4 s of CPU: too slow to stage here).
    assert.equal(shouldWrite('none', false, false), true);
    assert.equal(shouldWrite('rejected', true, false), true);
    assert.equal(shouldWrite('loaded', false, false), false);
    assert.equal(shouldWrite('loaded', false, true), true);
    assert.equal(shouldWrite('loaded', true, true), false);
    assert.equal(shouldWrite('off', false, true), false);
  });

  it('a file that is not a cache of this format is not handed to V8', () => {
    writeFileSync(join(dir, 'other.v8cache'), 'something else', { mode: 0o600 });
    assert.equal(readTrusted(join(dir, 'other.v8cache')), undefined);
    assert.equal(readTrusted(join(dir, 'missing.v8cache')), undefined);
    assert.equal(readTrusted(dir), undefined, 'a folder');
  });

  it('a cache others may write is never loaded', () => {
    run();
    chmodSync(beside(), 0o666);
    assert.equal(readTrusted(beside()), undefined);
    assert.equal(run().cache, 'none');
  });

  it('COPYDESK_CODE_CACHE=0 neither reads nor writes one', () => {
    const r = run({ COPYDESK_CODE_CACHE: '0' });
    assert.equal(r.cache, 'off');
    assert.deepEqual(readdirSync(pkg).sort(), ['cli-main.cjs', 'cli.cjs']);
  });

  it('checking threads start through the launcher and report the same', () => {
    const one = run({}, ['--workers', '1']);
    const two = run({}, ['--workers', '2']);
    assert.equal(two.stdout, one.stdout);
  });

  it('where the bundle folder takes no cache, the user cache folder does', () => {
    const [near, far] = cacheFiles(join(pkg, 'cli-main.cjs'), { XDG_CACHE_HOME: home });
    assert.equal(far, join(home, 'copydesk', near.split(/[\\/]/).pop()!));
    // A path below a regular file cannot be created, whoever runs the test (root included).
    const blocked = join(dir, 'a-file', 'x.v8cache');
    writeFileSync(join(dir, 'a-file'), '');
    assert.equal(writeCache([blocked, far], Buffer.from('data'), true), far);
    assert.deepEqual(readTrusted(far), { data: Buffer.from('data'), substantial: true });
    assert.equal(writeCache([blocked], Buffer.from('data'), false), undefined);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
});
