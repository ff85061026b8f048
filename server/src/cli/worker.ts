import { parentPort, workerData } from 'node:worker_threads';
import { lintFile, ProjectCache, type LintJob } from './lint-file.js';
import '../core/l10n-bundles.js';

export interface WorkerRequest { id: number; files: string[] }
export type WorkerResponse = { id: number; reports: import('./report.js').FileReport[] } | { id: number; error: string };

/** The worker thread's loop: batches of paths in, reports out. Projects are cached per folder. */
export function runWorker(): void {
  const port = parentPort!;
  const job = (workerData as { job: LintJob }).job;
  const projects = new ProjectCache();
  port.on('message', (msg: WorkerRequest | null) => {
    if (msg === null) { port.close(); return; }
    let response: WorkerResponse;
    try {
      response = { id: msg.id, reports: msg.files.map((f) => lintFile(f, job, projects)) };
    } catch (err) {
      response = { id: msg.id, error: (err as Error).stack ?? String(err) };
    }
    port.postMessage(response);
  });
}
