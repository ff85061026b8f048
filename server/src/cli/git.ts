import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) return { ok: false, out: '', err: r.error.message };
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim() };
}

/**
 * Absolute paths of files changed since `ref`: committed on this branch since it left `ref`
 * (diffed against the merge base, so what landed on `ref` meanwhile does not count), changed in
 * the working tree, or new and not ignored. Deleted files are left out. Throws with a message
 * meant for the user when git fails (not a repository, unknown ref).
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) throw new Error(`--changed-since needs a git repository: ${top.err || 'git not found'}`);
  const root = top.out.trim();
  const base = git(['merge-base', ref, 'HEAD'], cwd);
  if (!base.ok) {
    const known = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).ok;
    throw new Error(known ? `--changed-since: no common history between ${ref} and HEAD` : `--changed-since: unknown git ref "${ref}"`);
  }
  const changed = git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base.out.trim()], root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  if (!changed.ok || !untracked.ok) throw new Error(`--changed-since: ${changed.err || untracked.err}`);
  return new Set([...changed.out.split('\0'), ...untracked.out.split('\0')].filter(Boolean).map((p) => resolve(root, p)));
}
