import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, ProjectCache, type LintJob } from './lint-file.js';
import type { FileReport } from './report.js';
import type { Project } from '../node/project.js';
import { CODE_CACHE_STATES, codeCacheState } from '../node/code-cache.js';
import '../core/l10n-bundles.js';

/**
 * What a checking thread is started with: it sets `loaded[0]` to 1 once it can check drafts, after
 * putting in `loaded[1]` how it loaded the bundle (an index of CODE_CACHE_STATES).
 */
export interface WorkerData { copydeskWorker: true; loaded?: Int32Array }

/** The job first (a thread may start before it is known: see ThreadPool), then batches of files. */
export type WorkerRequest = { job: LintJob; projects?: Array<[string, Project]> } | { id: number; files: string[]; shown?: string[] };
export type WorkerResponse = { id: number; reports: FileReport[] } | { id: number; error: string };

/**
 * A report without what the main thread knows already — the absolute path it sent, and the
 * display path when it sent that too: less to copy between threads for every draft.
 */
function slim(r: FileReport, shown: boolean): FileReport {
  const out = {} as FileReport;
  if ('language' in r) out.language = r.language;
  out.findings = r.findings;
  if (!shown) out.path = r.path;
  if (r.contexts) out.contexts = r.contexts;
  if (r.matches) out.matches = r.matches;
  if (r.diff !== undefined) out.diff = r.diff;
  if (r.readError !== undefined) out.readError = r.readError;
  return out;
}

/** The worker thread's loop: batches of paths in, reports out. Projects are cached per folder. */
export function runWorker(): void {
  const port = parentPort!;
  const { loaded } = workerData as WorkerData;
  if (loaded) {
    Atomics.store(loaded, 1, Math.max(0, CODE_CACHE_STATES.indexOf(codeCacheState() ?? 'off')));
    Atomics.store(loaded, 0, 1);
  }
  let job: LintJob | undefined;
  const projects = new ProjectCache();
  port.on('message', (msg: WorkerRequest | null) => {
    if (msg === null) { port.close(); return; }
    if ('job' in msg) { job = msg.job; if (msg.projects) projects.seed(msg.projects); return; }
    let response: WorkerResponse;
    try {
      response = { id: msg.id, reports: msg.files.map((f, i) => slim(lintFile(f, job!, projects, msg.shown?.[i]), msg.shown !== undefined)) };
    } catch (err) {
      response = { id: msg.id, error: (err as Error).stack ?? String(err) };
    }
    port.postMessage(response);
  });
}
