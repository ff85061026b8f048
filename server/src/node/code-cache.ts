import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * The CLI bundle is loaded through V8's code cache. Compiling the 1.3 MB bundle took ~60 ms of
 * every run on the project's machine, and each function compiled again on its first call (the
 * first 2,000-draft archive scan spent ~10 ms of its time on that). With the cache, which holds the
 * functions a whole earlier run compiled, loading takes ~10 ms. Node 22 has
 * `module.enableCompileCache()`; Node 20 does not, so this is the same idea by hand.
 *
 * The cache is an optimisation only: a missing, unreadable, foreign or stale cache (another Node,
 * another bundle: V8 checks both and rejects it) means the bundle compiles as it always did, and
 * a cache that cannot be written is not an error.
 */
export type CodeCacheState = 'off' | 'none' | 'loaded' | 'rejected';

/** What the launcher did, for `COPYDESK_STATS` and tests; read through codeCacheState(). */
const STATE = Symbol.for('copydesk.codeCache');
/** The launcher's own path: worker threads start through it too (see launcherPath). */
const LAUNCHER = Symbol.for('copydesk.launcher');

type Globals = { [STATE]?: CodeCacheState; [LAUNCHER]?: string };

export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as Globals)[STATE];
}

export function launcherPath(): string | undefined {
  return (globalThis as Globals)[LAUNCHER];
}

/**
 * The cache holds what the run that wrote it compiled: a `--version` or a one-draft check leaves
 * out most of the checking code. A cache file says whether a substantial run (this much CPU time)
 * wrote it; a substantial run that loaded one that is not writes it once more, with what it added.
 * (Serialising the cache takes ~10 ms: not done at the end of every run.)
 */
const SUBSTANTIAL_CPU_MS = 400;
/** A cache file: these bytes, then 1 when a substantial run wrote it (else 0), then V8's data. */
const MAGIC = Buffer.from('CDC1');
const HEADER = MAGIC.length + 1;

/** Whether a run leaves a cache: when it found none it could use, or it adds much to a small run's. */
export function shouldWrite(state: CodeCacheState, cachedBySubstantialRun: boolean, substantialRun: boolean): boolean {
  if (state === 'off') return false;
  if (state !== 'loaded') return true;
  return substantialRun && !cachedBySubstantialRun;
}

/** Where the cache of `bundle` may be: beside it, else in the user's cache folder. */
export function cacheFiles(bundle: string, env: NodeJS.ProcessEnv = process.env): string[] {
  // V8 rejects data of another version or flags; the name keeps two Nodes from evicting each other.
  const name = `${basename(bundle)}.${process.version}-${process.arch}.v8cache`;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return [join(dirname(bundle), name), join(base, 'copydesk', name)];
}

/**
 * The cache file's V8 data, and whether a substantial run wrote it, when the file is this user's
 * own and nobody else may write it: V8 trusts code cache data, so a cache another user could have
 * written must never be loaded.
 */
export function readTrusted(file: string): { data: Buffer; substantial: boolean } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return undefined;
    const bytes = readFileSync(fd);
    if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    return { data: bytes.subarray(HEADER), substantial: bytes[MAGIC.length] === 1 };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the cache to the first place that takes it (temporary file, then rename: readers never see half). */
export function writeCache(files: readonly string[], data: Buffer, substantial: boolean): string | undefined {
  for (const file of files) {
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(temp, Buffer.concat([MAGIC, Buffer.of(substantial ? 1 : 0), data]), { mode: 0o600 });
      renameSync(temp, file);
      return file;
    } catch {
      try { rmSync(temp, { force: true }); } catch { /* nothing was written there */ }
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
  const globals = globalThis as Globals;
  globals[LAUNCHER] = launcher;
  // The shebang line becomes an empty one, so lines in stack traces stay the bundle's.
  const source = wrap(readFileSync(bundle, 'utf8').replace(/^#!.*/, ''));
  const off = env.COPYDESK_CODE_CACHE === '0';
  const files = off ? [] : cacheFiles(bundle, env);
  let cached: ReturnType<typeof readTrusted>;
  for (const file of files) if ((cached = readTrusted(file))) break;
  const script = new Script(source, { filename: bundle, cachedData: cached?.data });
  const state: CodeCacheState = off ? 'off' : !cached ? 'none' : script.cachedDataRejected ? 'rejected' : 'loaded';
  globals[STATE] = state;
  if (!off && isMainThread) {
    const cpuAtStart = process.cpuUsage();
    process.once('exit', () => {
      const cpu = process.cpuUsage(cpuAtStart);
      const substantial = (cpu.user + cpu.system) / 1000 >= SUBSTANTIAL_CPU_MS;
      if (!shouldWrite(state, cached?.substantial ?? false, substantial)) return;
      try { writeCache(files, script.createCachedData(), substantial); } catch { /* only an optimisation */ }
    });
  }
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}
