import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { lintFile, ProjectCache, type LintJob } from './lint-file.js';
import type { FileReport } from './report.js';
import type { WorkerRequest, WorkerResponse } from './worker.js';

/** Below this many drafts, starting threads costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;
const BATCH = 8;

/** How many threads to use: the --workers value, else one per core for large runs. */
export function workerCount(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * Checks files on `workers` threads (or in this thread for 1) and returns the reports in the
 * order of `files`, whichever thread finishes first. `script` is the bundled CLI, which turns
 * into a worker when started as one (see bin.ts).
 */
export async function checkFiles(files: string[], job: LintJob, workers: number, script: string | undefined, progress: (done: number) => void, loaded = new ProjectCache()): Promise<FileReport[]> {
  const reports: FileReport[] = new Array(files.length);
  if (workers <= 1 || !script) {
    // In this thread, reuse the projects already loaded (and validated) by the caller.
    const projects = loaded;
    for (let i = 0; i < files.length; i++) {
      reports[i] = lintFile(files[i], job, projects);
      progress(i + 1);
      // Let the progress bar's timer and stdout drain between files.
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    return reports;
  }
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  const threads = Array.from({ length: workers }, () => new Worker(script, { workerData: { job, copydeskWorker: true } }));
  await Promise.all(threads.map((w) => new Promise<void>((resolve) => {
    const send = () => {
      if (next >= files.length || failure) return false;
      const id = next;
      next = Math.min(files.length, next + BATCH);
      w.postMessage({ id, files: files.slice(id, next) } satisfies WorkerRequest);
      return true;
    };
    let inFlight = 0;
    // Two batches in flight per thread, so a thread never waits for the main thread's reply.
    for (let k = 0; k < 2; k++) if (send()) inFlight++;
    if (inFlight === 0) void w.terminate();
    w.on('message', (msg: WorkerResponse) => {
      inFlight--;
      if ('error' in msg) failure ??= new Error(msg.error);
      else msg.reports.forEach((r, k) => { reports[msg.id + k] = r; });
      if (!('error' in msg)) progress((done += msg.reports.length));
      if (send()) inFlight++;
      else if (inFlight === 0) void w.terminate();
    });
    w.on('error', (err) => { failure ??= err; void w.terminate(); });
    w.on('exit', () => resolve());
  })));
  if (failure) throw failure;
  return reports;
}
