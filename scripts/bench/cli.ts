// Throughput of `copydesk check` (the built CLI, all cores) and the limit: reading the same files
// plus one regular-expression pass, in one thread.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.cjs');

export interface RunFigures { ms: number; files: number; bytes: number; maxRssKb: number; codeCache?: string }

export function runCli(dir: string, extra: string[] = []): RunFigures {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--output', join(dir, '..', 'bench-report.json'), ...extra], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, COPYDESK_STATS: '1', CI: '1' }, maxBuffer: 1 << 26,
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('copydesk-stats '));
  if (!line || (r.status !== 0 && r.status !== 1)) throw new Error(`copydesk failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
  const s = JSON.parse(line.slice('copydesk-stats '.length)) as { files: number; bytes: number; ms: number; maxRssKb: number; codeCache: string };
  return { ms: s.ms, files: s.files, bytes: s.bytes, maxRssKb: s.maxRssKb, codeCache: s.codeCache };
}

export function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/** The floor: read every draft and run one regular expression over it (quote marks and a claim word). */
export function limit(dir: string): RunFigures {
  const list = files(dir);
  const t = performance.now();
  let bytes = 0;
  let hits = 0;
  const re = /["“”«»「」]|classified network/g;
  for (const f of list) {
    const text = readFileSync(f, 'utf8');
    bytes += text.length;
    hits += text.match(re)?.length ?? 0;
  }
  if (hits < 0) throw new Error('unreachable');
  return { ms: performance.now() - t, files: list.length, bytes, maxRssKb: Math.round(process.memoryUsage().rss / 1024) };
}
