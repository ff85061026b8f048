import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * The CLI bundle is loaded through V8's code cache. Compiling the 1.3 MB bundle took ~60 ms of
 * every run on the project's machine, and each function compiled again on its first call. With
 * the cache, which holds the functions a whole earlier run compiled, loading takes ~15 ms (hashes
 * included).
 * Node 22 has `module.enableCompileCache()`; Node 20 does not, so this is the same idea by hand.
 *
 * V8 trusts code cache data: it checks the V8 version and flags, but identifies the source only
 * by its length and checks no checksum in release builds. So a cache file carries a hash of the
 * bundle it was made from and one of its data, both checked before V8 sees it, and it is read
 * only from a file the user owns, in a folder the user or root owns, neither writable by anyone
 * else. Where there are no user ids to check (Windows) there is no cache.
 *
 * The cache is an optimisation only: whatever goes wrong with it, the bundle compiles as it
 * always did, and a cache that cannot be written is not an error.
 *
 * Differences from Node's own loader, none of which the bundle relies on: `module` is a plain
 * object (no `require`, `paths` or `children`), the bundle is not in `require.cache`, and
 * `require.main` is the launcher.
 */
export const CODE_CACHE_STATES = ['off', 'none', 'loaded', 'rejected'] as const;
export type CodeCacheState = typeof CODE_CACHE_STATES[number];

/** What the launcher did, for `COPYDESK_STATS` and tests; read through codeCacheState(). */
const STATE = Symbol.for('copydesk.codeCache');
/** The launcher's own path: worker threads start through it too (see launcherPath). */
const LAUNCHER = Symbol.for('copydesk.launcher');
/** Drafts this thread gave a full check (noteFullCheck). */
const FULL_CHECKS = Symbol.for('copydesk.fullChecks');

type Globals = { [STATE]?: CodeCacheState; [LAUNCHER]?: string; [FULL_CHECKS]?: number };
const globals = globalThis as Globals;

export function codeCacheState(): CodeCacheState | undefined {
  return globals[STATE];
}

export function launcherPath(): string | undefined {
  return globals[LAUNCHER];
}

/** Counts a draft this thread checked with every rule (the checking code is compiled then). */
export function noteFullCheck(): void {
  globals[FULL_CHECKS] = (globals[FULL_CHECKS] ?? 0) + 1;
}

/**
 * The cache holds what the main thread of the run that wrote it compiled: a `--version`, a scan
 * for corrected claims or a check whose drafts all went to threads leaves out most of the checking
 * code. A cache file says whether a run whose main thread fully checked this many drafts wrote
 * it; such a run that loaded one that is not writes it once more. (Serialising the cache takes
 * ~10 ms: not done at the end of every run.)
 */
const FULL_RUN_DRAFTS = 20;

/**
 * A cache file: MAGIC, a byte that is 1 when a full run wrote it, three zero bytes, the MD5 of the
 * bundle's bytes, the MD5 of V8's data, then V8's data (at an offset that keeps it 8-byte aligned,
 * so V8 need not copy it). MD5 finds a changed or damaged file; trust comes from ownership.
 */
const MAGIC = Buffer.from('CDC2');
const HASH_BYTES = 16;
const HEADER = 8 + 2 * HASH_BYTES;
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest();

/** Whether a run leaves a cache: when it found none it could use, or it adds much to another run's. */
export function shouldWrite(state: CodeCacheState, cachedByFullRun: boolean, fullRun: boolean): boolean {
  if (state === 'off') return false;
  if (state !== 'loaded') return true;
  return fullRun && !cachedByFullRun;
}

/** Where the cache of `bundle` may be: beside it, else in the user's cache folder (if there is one). */
export function cacheFiles(bundle: string, env: NodeJS.ProcessEnv = process.env): string[] {
  // V8 rejects data of another version or flags; the name keeps two Nodes from evicting each other.
  const name = `${basename(bundle)}.${process.version}-${process.arch}.v8cache`;
  const files = [join(dirname(bundle), name)];
  // (A relative XDG_CACHE_HOME is to be ignored, says the XDG spec: it would name a workspace folder.)
  let base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  if (!base) {
    try { base = join(homedir(), '.cache'); } catch { /* no home folder (an arbitrary uid in a container) */ }
  }
  if (base && isAbsolute(base)) files.push(join(base, 'copydesk', name));
  return files;
}

/** Owned by this user (a folder: or root), and writable by no one else. */
function trusted(st: Stats, orRoot = false): boolean {
  return (st.uid === process.getuid!() || (orRoot && st.uid === 0)) && (st.mode & 0o022) === 0;
}

/**
 * The cache file's V8 data, and whether a full run wrote it, when the file is this user's and its
 * folder this user's or root's, neither writable by anyone else, and it was made from exactly the
 * bundle whose MD5 is `bundleHash` and is whole. Opened without following a symbolic link and
 * without blocking (a FIFO put there must not hang the CLI).
 */
export function readTrusted(file: string, bundleHash: Buffer): { data: Buffer; fullRun: boolean } | undefined {
  let fd: number | undefined;
  try {
    const folder = statSync(dirname(file));
    if (!folder.isDirectory() || !trusted(folder, true)) return undefined;
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || !trusted(st) || st.size <= HEADER) return undefined;
    const bytes = readFileSync(fd);
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const data = bytes.subarray(HEADER);
    if (!bytes.subarray(8, 8 + HASH_BYTES).equals(bundleHash) || !bytes.subarray(8 + HASH_BYTES, HEADER).equals(md5(data))) return undefined;
    return { data, fullRun: bytes[MAGIC.length] === 1 };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes the cache to the first place that takes it: a new temporary file (never an existing
 * one, nor through a symbolic link) in a folder this user owns and no one else may write, then
 * renamed over the cache (readers never see half). A missing cache folder is made only inside a
 * folder of this user's own (`sudo` keeping HOME must not leave root's folders in a user's
 * ~/.cache). `data` is made only once a place is found: where none is, nothing is serialised.
 */
export function writeCache(files: readonly string[], bundleHash: Buffer, data: () => Buffer, fullRun: boolean): string | undefined {
  const uid = process.getuid!();
  for (const file of files) {
    const folder = dirname(file);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    let fd: number | undefined;
    try {
      let st = statSync(folder, { throwIfNoEntry: false });
      if (!st) {
        if (statSync(dirname(folder)).uid !== uid) continue;
        mkdirSync(folder, { mode: 0o700 });
        st = statSync(folder);
      }
      if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022) !== 0) continue;
      fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
      const body = data();
      const header = Buffer.alloc(HEADER);
      MAGIC.copy(header);
      header[MAGIC.length] = fullRun ? 1 : 0;
      bundleHash.copy(header, 8);
      md5(body).copy(header, 8 + HASH_BYTES);
      writeFileSync(fd, Buffer.concat([header, body]));
      closeSync(fd);
      fd = undefined;
      renameSync(temp, file);
      return file;
    } catch {
      if (fd !== undefined) {
        // Only a temporary file this process made is removed.
        try { closeSync(fd); } catch { /* already failing */ }
        try { rmSync(temp, { force: true }); } catch { /* gone already */ }
      }
    }
  }
  return undefined;
}

/**
 * Runs a CommonJS bundle as Node would (same wrapper, require, __filename), compiled from the code
 * cache when one is there, and leaves a cache for the next run (main thread only, at exit).
 * `COPYDESK_CODE_CACHE=0` turns it off.
 */
export function runWithCodeCache(bundle: string, launcher: string, env: NodeJS.ProcessEnv = process.env): void {
  globals[LAUNCHER] = launcher;
  const off = env.COPYDESK_CODE_CACHE === '0' || typeof process.getuid !== 'function';
  let files: string[] = [];
  let cached: ReturnType<typeof readTrusted>;
  let bundleHash = Buffer.alloc(0);
  let script: Script;
  try {
    const bytes = readFileSync(bundle);
    if (!off) {
      bundleHash = md5(bytes);
      files = cacheFiles(bundle, env);
      for (const file of files) if ((cached = readTrusted(file, bundleHash))) break;
    }
    // The shebang line becomes an empty one, so lines in stack traces stay the bundle's.
    script = new Script(wrap(bytes.toString('utf8').replace(/^#!.*/, '')), { filename: bundle, cachedData: cached?.data });
  } catch (err) {
    // A thread's failure reaches the pool as an error event; the main thread exits 2, as for any
    // error that is not about the drafts (1 means findings).
    if (!isMainThread) throw err;
    process.stderr.write(`copydesk: cannot load the CLI bundle: ${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const state: CodeCacheState = off ? 'off' : !cached ? 'none' : script.cachedDataRejected ? 'rejected' : 'loaded';
  globals[STATE] = state;
  if (!off && isMainThread) {
    process.once('exit', () => {
      const fullRun = (globals[FULL_CHECKS] ?? 0) >= FULL_RUN_DRAFTS;
      if (!shouldWrite(state, cached?.fullRun ?? false, fullRun)) return;
      try { writeCache(files, bundleHash, () => script.createCachedData(), fullRun); } catch { /* only an optimisation */ }
    });
  }
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
