import { CODE_CACHE_STATES } from '../node/code-cache.js';
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { lintFile, ProjectCache, type LintJob } from './lint-file.js';
import type { FileReport } from './report.js';
import type { WorkerData, WorkerRequest, WorkerResponse } from './worker.js';
import { displayPath } from './files.js';

/**
 * Drafts per thread below which threads cost more than they save. A full check runs on threads
 * alone, each loading the bundle, warming its compiled code and collecting garbage under heap
 * limits: on this project's 2-core machine one thread checked 200, 1,000 and 2,000 drafts in
 * 0.55, 0.7 and 0.87 times the time of two, 5,000 in the same time, and 20,000 in 1.2 times (with
 * a peak of 203 MB against 167). An archive scan checks in this thread too and hands a thread work
 * only once it has loaded (checkFiles); still, a thread loading beside it slows it down (the two
 * "cores" of that machine are not two cores' worth: two busy processes get 1.1–2× the work of one
 * done, varying by the minute): one thread scanned 2,000 drafts in 0.65 times the time of two,
 * 5,000 and 10,000 in the same time, 20,000 in 1.06 times.
 */
const MIN_FILES_PER_WORKER = { scan: 5000, full: 2500 };
/** Drafts that must be left for a thread that finished loading to be handed any (see checkFiles). */
const LATE_START_MIN_FILES = 1000;
/**
 * Files per message to a thread: large while much is left (a message costs more than checking a
 * draft that the prefilter rules out; 20,000 drafts in batches of 8 were 5,000 messages), small
 * towards the end so that no thread is left with a long batch while the other waits.
 */
const MIN_BATCH = 8;
const MAX_BATCH = 128;
const batchSize = (left: number, workers: number) => Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.floor(left / (workers * 4))));

/** How many threads to use: the --workers value, else one per core for large runs. */
export function workerCount(files: number, requested?: number, job: Pick<LintJob, 'only'> = {}): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  const perWorker = mainThreadChecks(job) ? MIN_FILES_PER_WORKER.scan : MIN_FILES_PER_WORKER.full;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / perWorker)));
}

/**
 * Heap limits of checking threads. Left to V8, each thread's heap grew to ~130 MB on a full check
 * (mostly garbage between collections: about a quarter of what lint allocates outlives a young
 * collection, and with no limit set the old generation may grow to 4× what is live, ~1.6× under
 * a limit below 1 GB); a full check of 20,000 drafts peaked at ~320 MB RSS. With a 12 MB young
 * generation (4 MB semi-spaces) and a 512 MB ceiling it peaks at ~180 MB, for ~10–15 % more CPU
 * in garbage collection (16–24 MB young generations gave ~200 MB). A thread that does run out of
 * memory (a huge ledger with a huge draft) is not an error: this thread checks its files itself
 * (see checkFiles).
 */
export const THREAD_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 512 };

/**
 * Threads for checking, startable before the files are all listed: each thread first loads the
 * CLI bundle (~0.1 s), which can overlap the listing of a large folder. A thread learns its job
 * from its first message, so it can start before the job is known.
 */
export class ThreadPool {
  private readonly threads: Worker[] = [];
  /** Per thread: a flag it sets once its bundle is loaded and it can check drafts (runWorker). */
  private readonly flags = new WeakMap<Worker, Int32Array>();

  /** Threads handed any work so far (of those taken). */
  threadsUsed = 0;

  constructor(
    private readonly script: string | undefined,
    private readonly limits: ResourceLimits = THREAD_LIMITS,
    /** When this thread checks too: drafts that must be left for a thread that has loaded to get any. */
    readonly lateStartMinFiles = LATE_START_MIN_FILES,
  ) {}

  /** Makes sure `count` threads are starting (none without a bundle to run). */
  prestart(count: number): void {
    while (this.script && this.threads.length < count) {
      const loaded = new Int32Array(new SharedArrayBuffer(8));
      const thread = new Worker(this.script, { workerData: { copydeskWorker: true, loaded } satisfies WorkerData, resourceLimits: this.limits });
      this.flags.set(thread, loaded);
      this.threads.push(thread);
    }
  }

  /** Whether every thread started and not yet taken has loaded its bundle. */
  allReady(): boolean {
    return this.threads.every((t) => this.ready(t));
  }

  /** Whether `thread` has loaded its bundle (read without waiting for a message). */
  ready(thread: Worker): boolean {
    const flag = this.flags.get(thread);
    return flag === undefined || Atomics.load(flag, 0) === 1;
  }

  /** `count` threads to use; any others started are stopped. */
  take(count: number): Worker[] {
    this.prestart(count);
    for (const extra of this.threads.splice(count)) void extra.terminate();
    const taken = this.threads.splice(0);
    this.taken.push(...taken);
    return taken;
  }

  /** Threads handed out by take(), for codeCacheStates(). */
  private readonly taken: Worker[] = [];

  /** How each thread taken so far loaded its bundle, once it has (COPYDESK_STATS; see worker.ts). */
  codeCacheStates(): string[] {
    return this.taken.map((t) => this.flags.get(t)).filter((f) => f !== undefined && Atomics.load(f, 0) === 1)
      .map((f) => CODE_CACHE_STATES[Atomics.load(f!, 1)] ?? 'off');
  }

  /** Stops threads never taken (a run that ends before checking, on a configuration error). */
  close(): void {
    for (const t of this.threads.splice(0)) void t.terminate();
  }
}

/**
 * Whether this thread checks files too, besides handing them out: when checking is cheap per
 * draft (corrected claims only, an archive scan: most drafts are ruled out unparsed), it has
 * loaded the bundle already and waiting for the others left a core idle (on 2 cores, two
 * threads besides it checked 20,000 drafts no faster than it did alone, for 0.8 s more CPU:
 * each loads the 1.5 MB bundle and warms up its own compiled code). A full check is lint-heavy:
 * there this thread only hands out work and keeps the reports, so that every checking thread
 * runs under THREAD_LIMITS (this thread's own heap cannot be limited).
 */
export const mainThreadChecks = (job: Pick<LintJob, 'only'>) => job.only !== undefined && job.only.length > 0 && job.only.every((id) => id === 'corrected-claim');

/** Threads to start besides this one, for `workers` checking threads. */
export const helperThreads = (workers: number, job: Pick<LintJob, 'only'>) => (workers <= 1 ? 0 : mainThreadChecks(job) ? workers - 1 : workers);

/**
 * Checks files on `workers` threads (or in this thread alone for 1; see mainThreadChecks for
 * whether this thread is one of them) and returns the reports in the order of `files`,
 * whichever thread checked them. `script` is the bundled CLI, which turns into a worker when
 * started as one (see bin.ts); `pool` may hold threads started already. `shown` are the files'
 * display paths.
 */
export async function checkFiles(files: string[], job: LintJob, workers: number, script: string | undefined, progress: (done: number) => void, loaded = new ProjectCache(), shown?: string[], pool = new ThreadPool(script)): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  // In this thread, reuse the projects already loaded (and validated) by the caller.
  const projects = loaded;
  let done = 0;
  /** Checks files [from, to) in this thread. */
  const here = (from: number, to: number) => {
    for (let i = from; i < to; i++) reports[i] = lintFile(files[i], job, projects, shown?.[i]);
    progress((done += to - from));
  };
  const helpers = script ? helperThreads(workers, job) : 0;
  if (helpers === 0) {
    pool.close();
    for (let i = 0; i < files.length; i += 50) {
      here(i, Math.min(files.length, i + 50));
      // Let the progress bar's timer and stdout drain between files.
      await new Promise((r) => setImmediate(r));
    }
    return reports;
  }
  let next = 0;
  let failure: Error | undefined;
  /** Batches of threads that ran out of memory, for this thread to check. */
  const orphaned: Array<[number, number]> = [];
  const threads = pool.take(helpers);
  // The projects this thread loaded to validate them go along (one copy of a shared ledger).
  const seed = projects.loaded();
  /**
   * Per thread: hands it its first batches. When this thread checks too, a thread is fed only once
   * it has loaded its bundle (~0.25 s): batches sent before would wait in it while this thread ran
   * out of work — 2,000 drafts of an archive scan took longer than this thread alone.
   */
  const starters = new Map<Worker, () => void>();
  const helping = Promise.all(threads.map((w) => new Promise<void>((resolve) => {
    /** Batches sent and not yet answered, oldest first (a thread answers in order). */
    const pending: Array<[number, number]> = [];
    w.postMessage({ job, projects: seed } satisfies WorkerRequest);
    const send = () => {
      if (next >= files.length || failure) return false;
      const id = next;
      next = Math.min(files.length, next + batchSize(files.length - next, workers));
      pending.push([id, next]);
      w.postMessage({ id, files: files.slice(id, next), shown: shown?.slice(id, next) } satisfies WorkerRequest);
      return true;
    };
    // Two batches in flight per thread, so a thread never waits for this thread's reply.
    starters.set(w, () => {
      send();
      send();
      if (pending.length === 0) void w.terminate();
    });
    w.on('message', (msg: WorkerResponse) => {
      pending.shift();
      if ('error' in msg) failure ??= new Error(msg.error);
      else {
        // Threads leave out what this thread already knows (see worker.ts).
        msg.reports.forEach((r, k) => {
          const i = msg.id + k;
          r.path ??= shown?.[i] ?? displayPath(files[i], job.cwd);
          r.absPath = files[i];
          reports[i] = r;
        });
        progress((done += msg.reports.length));
      }
      if (!send() && pending.length === 0) void w.terminate();
    });
    w.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') orphaned.push(...pending.splice(0));
      else failure ??= err;
      void w.terminate();
    });
    w.on('exit', () => resolve());
  })));
  /**
   * Feeds the threads that are ready (all of them when this thread does not check). A thread's
   * first drafts are slow (its compiled code is still cold): one that is ready only when little is
   * left gets none, and this thread finishes alone.
   */
  const startReady = (all: boolean) => {
    if (!all && files.length - next < pool.lateStartMinFiles) return;
    for (const [w, start] of starters) if (all || pool.ready(w)) { starters.delete(w); pool.threadsUsed++; start(); }
  };
  try {
    startReady(!mainThreadChecks(job));
    // This thread's share, a few files at a time, answering the others' messages in between.
    while (mainThreadChecks(job) && next < files.length && !failure) {
      startReady(false);
      const from = next;
      next = Math.min(files.length, next + MIN_BATCH);
      here(from, next);
      await new Promise((r) => setImmediate(r));
    }
    // Threads that never got work (this thread was done first) are not waited for.
    for (const w of starters.keys()) void w.terminate();
    starters.clear();
    await helping;
    // What threads that ran out of memory left: their batches, and any not handed out.
    if (!failure) {
      for (const [from, to] of orphaned) here(from, to);
      if (next < files.length) here(next, files.length);
    }
  } catch (err) {
    failure ??= err as Error;
    for (const w of threads) void w.terminate();
    await helping;
  }
  if (failure) throw failure;
  return reports;
}
