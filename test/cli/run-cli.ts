// Shared by the CLI tests: runs the built bundle (dist/cli.cjs) as users and CI do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.cjs');

export function copydesk(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files (creating folders) under dir: { 'a/b.md': 'text' }. */
export function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** A machine translation without its disclaimer: one translation-disclaimer finding (error by default). */
export const MT = '---\nlang: en\ntranslated_from: id\n---\n# OpenAI weighs a NATO contract\n\nJAKARTA - OpenAI is considering a contract on NATO networks, a source said.\n';
/** An original Indonesian draft: no finding. */
export const ORIGINAL = '# Hujan deras di Jakarta\n\nHujan deras mengguyur Jakarta sejak pagi dan menyebabkan banjir di beberapa wilayah.\n';
/** Makes the disclaimer rule a warning, so tests get warnings on demand. */
export const WARN_CONFIG = 'rules:\n  translation-disclaimer: warning\n';
export const LEDGER = 'corrections:\n  - id: nato-network-2026-03\n    claim: NATO classified network\n    correction: NATO unclassified network\n    date: 2026-03-04\n';
export const CLAIM = '# NATO talks\n\nOpenAI is in talks about the NATO classified network, officials said.\n';
