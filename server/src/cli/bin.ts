import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main.js';
import { runWorker } from './worker.js';

// The same bundle serves as the worker script, so the package ships a single CLI file.
if (!isMainThread && (workerData as { copydeskWorker?: boolean } | undefined)?.copydeskWorker) {
  runWorker();
} else {
  void main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  }).then((code) => { process.exitCode = code; });
}
