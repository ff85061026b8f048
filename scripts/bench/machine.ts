// How much two CPU-bound processes get done at once compared with one, on this machine: "2 cores"
// may be two hyperthreads of one core, or shared with neighbours. Threads cannot do better than
// this, so the bench prints it beside the CLI figures.
import { spawn } from 'node:child_process';

// A fixed amount of integer work (~0.5 s on a 2.5 GHz core), in a fresh process.
const WORK = 'let x = 0; for (let i = 0; i < 2e8; i++) x = (x + i % 7) | 0; if (x === 42) console.log(x);';

function timed(count: number): Promise<number> {
  const t = performance.now();
  return Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve, reject) => {
    spawn(process.execPath, ['-e', WORK], { stdio: 'ignore' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  }))).then(() => performance.now() - t);
}

/** Throughput of `count` processes at once relative to one alone (2 = perfect scaling on 2 cores); median of `runs`. */
export async function parallelCapacity(count: number, runs: number): Promise<number> {
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    const one = await timed(1);
    const many = await timed(count);
    ratios.push((count * one) / many);
  }
  return ratios.sort((a, b) => a - b)[Math.floor((ratios.length - 1) / 2)];
}
