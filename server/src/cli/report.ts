import type { Finding } from '../core/types.js';

/** A finding's source line (or a window of a long one); from/to mark the flagged part in it. */
export interface Context { text: string; from: number; to: number }

/** One checked draft, as every output format sees it: findings only, never the text. */
export interface FileReport {
  /** As shown: relative to the working folder, forward slashes. */
  path: string;
  absPath: string;
  language?: string;
  findings: Finding[];
  /** With `detail`: the source line of each finding (same order as findings). */
  contexts?: Context[];
  /** With `detail`: the text each finding covers. */
  matches?: string[];
  /** --fix-dry-run: the unified diff the fixes would make. */
  diff?: string;
  /** Set when the file could not be read; the run then exits 2. */
  readError?: string;
}

export interface Summary { files: number; errors: number; warnings: number; infos: number }

export function summarise(reports: readonly FileReport[]): Summary {
  const s: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of reports) for (const f of r.findings) {
    if (f.severity === 'error') s.errors++; else if (f.severity === 'warning') s.warnings++; else s.infos++;
  }
  return s;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
