import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
    // (Whatever the umask: a folder others may write takes no cache.)
    chmodSync(pkg, 0o755);
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
    const s = JSON.parse(stats.slice('copydesk-stats '.length)) as { codeCache: string; threadCodeCache: string[] };
    return { code: r.status, stdout: r.stdout, cache: s.codeCache, threads: s.threadCodeCache };
  };
  const hash = () => createHash('md5').update(readFileSync(join(pkg, 'cli-main.cjs'))).digest();
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

  it('a damaged cache, or one of another bundle of the same length, is never handed to V8', () => {
    const clean = run();
    const file = beside();
    const good = readFileSync(file);
    // One byte of V8's data changed: its hash no longer matches; the run is the same.
    const damaged = Buffer.from(good);
    damaged[damaged.length - 100] ^= 0xff;
    writeFileSync(file, damaged, { mode: 0o600 });
    const after = run();
    assert.equal(after.cache, 'none');
    assert.equal(after.stdout, clean.stdout);
    assert.equal(run().cache, 'loaded', 'written anew');
    // The bundle changed, its length not (V8 alone would take the old cache for it).
    const main = join(pkg, 'cli-main.cjs');
    const text = readFileSync(main, 'utf8');
    assert.ok(text.includes('"0.1.0"'));
    writeFileSync(main, text.replace('"0.1.0"', '"9.9.9"'));
    const version = spawnSync(process.execPath, [join(pkg, 'cli.cjs'), '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home } });
    assert.equal(version.stdout.trim(), '9.9.9');
  });

  it('data V8 itself refuses (made for this bundle, but not a cache) is rejected, and replaced', () => {
    const clean = run();
    const file = beside();
    const good = readFileSync(file);
    const junk = Buffer.alloc(good.length - 40, 7);
    const header = Buffer.from(good.subarray(0, 40));
    createHash('md5').update(junk).digest().copy(header, 24);
    writeFileSync(file, Buffer.concat([header, junk]), { mode: 0o600 });
    const rejected = run();
    assert.equal(rejected.cache, 'rejected');
    assert.equal(rejected.stdout, clean.stdout);
    assert.equal(run().cache, 'loaded');
  });

  it('a FIFO where the cache should be does not hang the CLI', () => {
    execFileSync('mkfifo', [beside()]);
    const r = spawnSync(process.execPath, [join(pkg, 'cli.cjs'), '--version'], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, XDG_CACHE_HOME: home } });
    assert.equal(r.status, 0, r.stderr);
  });

  it('a short run leaves a cache; a run that checks many drafts writes it once more', () => {
    spawnSync(process.execPath, [join(pkg, 'cli.cjs'), '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home } });
    const bundle = hash();
    assert.equal(readTrusted(beside(), bundle)?.fullRun, false, 'written by --version');
    assert.equal(run({}, ['--rule', 'corrected-claim']).cache, 'loaded');
    assert.equal(readTrusted(beside(), bundle)?.fullRun, false, 'a scan is not a full run');
    const many: Record<string, string> = {};
    for (let i = 0; i < 25; i++) many[`desk/d${i}.md`] = CLAIM;
    write(drafts, many);
    assert.equal(run().cache, 'loaded');
    assert.equal(readTrusted(beside(), bundle)?.fullRun, true, 'written again by the full check');
    assert.equal(shouldWrite('loaded', true, true), false);
    assert.equal(shouldWrite('rejected', true, false), true);
    assert.equal(shouldWrite('off', false, true), false);
  });

  it('a file that is not a cache of this format is not handed to V8', () => {
    const bundle = hash();
    writeFileSync(join(dir, 'other.v8cache'), 'something else entirely, longer than a header', { mode: 0o600 });
    assert.equal(readTrusted(join(dir, 'other.v8cache'), bundle), undefined);
    assert.equal(readTrusted(join(dir, 'missing.v8cache'), bundle), undefined);
    assert.equal(readTrusted(dir, bundle), undefined, 'a folder');
  });

  it('a cache others may write, or in a folder others may write, is never loaded', () => {
    run();
    chmodSync(beside(), 0o666);
    assert.equal(readTrusted(beside(), hash()), undefined);
    assert.equal(run().cache, 'none');
    chmodSync(beside(), 0o600);
    assert.equal(run().cache, 'loaded');
    chmodSync(pkg, 0o777);
    try {
      const before = readFileSync(beside());
      assert.equal(run().cache, 'none');
      assert.ok(readFileSync(beside()).equals(before), 'nor written there');
    } finally {
      chmodSync(pkg, 0o755);
    }
  });

  it('COPYDESK_CODE_CACHE=0 neither reads nor writes one', () => {
    const r = run({ COPYDESK_CODE_CACHE: '0' });
    assert.equal(r.cache, 'off');
    assert.deepEqual(readdirSync(pkg).sort(), ['cli-main.cjs', 'cli.cjs']);
    assert.equal(existsSync(home), false);
  });

  it('without its bundle the CLI says so and exits 2 (not 1, which means findings)', () => {
    rmSync(join(pkg, 'cli-main.cjs'));
    const r = spawnSync(process.execPath, [join(pkg, 'cli.cjs'), 'check', '.'], { cwd: drafts, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot load the CLI bundle: ENOENT/);
  });

  it('checking threads start through the launcher, load the cache, and report the same', () => {
    const one = run({}, ['--workers', '1']);
    const two = run({}, ['--workers', '2']);
    assert.equal(two.stdout, one.stdout);
    // (A thread still loading when the last draft is done is stopped and not counted.)
    assert.ok(two.threads.length >= 1 && two.threads.every((t) => t === 'loaded'), String(two.threads));
    const off = run({ COPYDESK_CODE_CACHE: '0' }, ['--workers', '2']).threads;
    assert.ok(off.length >= 1 && off.every((t) => t === 'off'), String(off));
  });

  it('where the bundle folder takes no cache, the user cache folder does; with neither, nothing is serialised', () => {
    const [near, far] = cacheFiles(join(pkg, 'cli-main.cjs'), { XDG_CACHE_HOME: home });
    assert.equal(far, join(home, 'copydesk', near.split(/[\\/]/).pop()!));
    assert.ok(cacheFiles(join(pkg, 'cli-main.cjs'), { XDG_CACHE_HOME: 'relative/cache' }).every((f) => !f.startsWith('relative')), 'a relative XDG_CACHE_HOME is ignored');
    const bundle = hash();
    // A path below a regular file cannot be created, whoever runs the test (root included).
    const blocked = join(dir, 'a-file', 'x.v8cache');
    writeFileSync(join(dir, 'a-file'), '');
    let made = 0;
    const data = () => { made++; return Buffer.from('data'); };
    // The cache folder is made only inside an existing folder of the user's (home/ here).
    assert.equal(writeCache([far], bundle, data, true), undefined);
    mkdirSync(home);
    assert.equal(writeCache([blocked, far], bundle, data, true), far);
    assert.deepEqual(readTrusted(far, bundle), { data: Buffer.from('data'), fullRun: true });
    assert.equal(statSync(join(home, 'copydesk')).mode & 0o077, 0, 'a folder of its own user');
    assert.equal(writeCache([blocked], bundle, data, false), undefined);
    // A folder of another user is never written to (not even by root).
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs, { mode: 0o755 });
    chownSync(theirs, 65534, 65534);
    assert.equal(writeCache([join(theirs, 'x.v8cache')], bundle, data, false), undefined);
    assert.deepEqual(readdirSync(theirs), []);
    assert.equal(made, 1, 'no place, no serialising');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
});
