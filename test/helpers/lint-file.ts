import { readFileSync } from 'node:fs';
import { lint, type LintResult } from '../../server/src/core/engine.js';
import { loadProject } from '../../server/src/node/project.js';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes.js';
import type { Finding } from '../../server/src/core/types.js';

export function kindOf(path: string): 'markdown' | 'plaintext' {
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : 'plaintext';
}

/** Lints text as if it were the file at `path` (config and ledger found from its folder). */
export function lintAs(path: string, text: string, only?: string[]): LintResult {
  const project = loadProject(path);
  return lint({ text, kind: kindOf(path), path, config: project.config, ledger: project.ledger, only });
}

export function lintFile(path: string, only?: string[]): LintResult {
  return lintAs(path, readFileSync(path, 'utf8'), only);
}

/** Applies preferred fixes of `rule` repeatedly (as fix-all does) until none is left; at most 10 passes. */
export function fixAll(path: string, text: string, rule?: string): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const { findings } = lintAs(path, current);
    const edits = fixAllEdits(current, findings, rule);
    if (edits.length === 0) return current;
    current = applyEdits(current, edits);
  }
  return current;
}

/** "3:5-3:20" (1-based line:column, as editors show them). */
export function rangeLabel(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}
