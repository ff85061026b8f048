// Benchmark of `copydesk check` on many drafts: npx tsx scripts/bench-cli.ts [--drafts 2000] [--format json]
// Generates deterministic ~800-word drafts in a temp folder, runs the built CLI (dist/cli.cjs) with
// 1 worker and with one per core, and prints drafts/s, MB/s and peak RSS (the CLI reports its own
// maxRSS, threads included, when COPYDESK_STATS is set). A run on a quarter of the drafts shows
// whether memory grows with the number of files. Not a test: numbers depend on the machine.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rng } from './bench/corpus.js';

const { values } = parseArgs({ options: { drafts: { type: 'string', default: '2000' }, format: { type: 'string', default: 'json' }, keep: { type: 'boolean', default: false } } });
const DRAFTS = Number(values.drafts);
const CLI = join(import.meta.dirname, '..', 'dist', 'cli.cjs');

const WORDS = ('the minister said council budget city river flood police report officials week residents school hospital election '
  + 'market prices energy contract network talks agreement company spokesperson statement according data survey government '
  + 'parliament court ruling weather rain traffic port shipping exports growth inflation bank interest rates housing').split(' ');

function draft(i: number): string {
  const next = rng(i + 1);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 800) {
    const sentences = Array.from({ length: 3 + Math.floor(next() * 3) }, () => {
      const n = 8 + Math.floor(next() * 14);
      words += n;
      const s = Array.from({ length: n }, pick).join(' ');
      return s[0].toUpperCase() + s.slice(1) + '.';
    });
    if (next() < 0.15) sentences.push(`"We will look at every option," the ${pick()} spokesperson said.`);
    if (i % 10 === 0 && paragraphs.length === 2) sentences.push('The talks concern the NATO classified network.');
    paragraphs.push(sentences.join(' '));
  }
  const mt = i % 4 === 0;
  const front = mt ? '---\nlang: en\ntranslated_from: id\nmachine_translated: true\n---\n' : '---\nlang: en\n---\n';
  return `${front}# Story ${i}: ${pick()} ${pick()}\n\n${paragraphs.join('\n\n')}\n`;
}

function generate(dir: string, count: number): number {
  writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
  writeFileSync(join(dir, 'corrections.yaml'), 'corrections:\n  - id: nato\n    claim: NATO classified network\n    correction: NATO unclassified network\n');
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `desk-${String(i % 20).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const text = draft(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(sub, `story-${String(i).padStart(5, '0')}.md`), text);
  }
  return bytes;
}

interface Stats { files: number; bytes: number; workers: number; ms: number; maxRssKb: number }

function run(dir: string, workers: number, paths: string[]): Stats {
  const r = spawnSync(process.execPath, [CLI, 'check', ...paths, '--format', values.format!, '--output', join(dir, '..', `bench-report-${workers}.out`), '--workers', String(workers)], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_STATS: '1', CI: '1' },
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('copydesk-stats '));
  if (!line || (r.status !== 0 && r.status !== 1)) throw new Error(`copydesk failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(line.slice('copydesk-stats '.length)) as Stats;
}

const show = (label: string, s: Stats) => {
  const secs = s.ms / 1000;
  console.log(`${label.padEnd(24)} ${String(s.files).padStart(5)} drafts  ${(s.files / secs).toFixed(1).padStart(7)} drafts/s  ${(s.bytes / 1e6 / secs).toFixed(2).padStart(6)} MB/s  ${(s.maxRssKb / 1024).toFixed(0).padStart(5)} MB peak RSS  (${secs.toFixed(1)} s)`);
};

const root = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
const dir = join(root, 'drafts');
mkdirSync(dir);
try {
  const bytes = generate(dir, DRAFTS);
  console.log(`copydesk check --format ${values.format}: ${DRAFTS} drafts, ${(bytes / 1e6).toFixed(1)} MB, ${availableParallelism()} cores`);
  const cores = availableParallelism();
  show('1 worker', run(dir, 1, ['.']));
  if (cores > 1) show(`${cores} workers`, run(dir, cores, ['.']));
  // Same run on a quarter of the folders: peak RSS should barely move if memory is flat.
  const quarter = Array.from({ length: 5 }, (_, k) => `desk-${String(k).padStart(2, '0')}`);
  show('1 worker, 1/4 drafts', run(dir, 1, quarter));
  if (cores > 1) show(`${cores} workers, 1/4 drafts`, run(dir, cores, quarter));
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
