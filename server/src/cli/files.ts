import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { IgnoreStack } from './ignore.js';

export const DRAFT_EXTENSIONS = /\.(md|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'coverage']);
const GLOB_CHARS = /[*?[\]{}]/;

export interface Collected {
  /** Absolute paths, sorted by display path, without duplicates. */
  files: string[];
  /** Named paths that do not exist (a glob that matches nothing is not an error). */
  missing: string[];
}

/**
 * Drafts named on the command line: files as given, folders walked for .md, .markdown and .txt,
 * globs ("drafts/**\/*.md") walked from their fixed prefix. Dot-folders, node_modules and build
 * folders are skipped, and so is whatever .gitignore or .copydeskignore files exclude — also for
 * files named explicitly, so a pre-commit hook that passes every staged file honours them too.
 */
export function collectDrafts(paths: string[], cwd = process.cwd()): Collected {
  const found = new Set<string>();
  const missing: string[] = [];
  const ignores = new IgnoreStack(cwd);
  const walk = (dir: string, accept: (abs: string) => boolean) => {
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch { return; }
    for (const name of names) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = join(dir, name);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) {
        if (!ignores.ignored(p, true)) walk(p, accept);
      } else if (st.isFile() && accept(p) && !ignores.ignored(p, false)) {
        found.add(p);
      }
    }
  };
  for (const arg of paths) {
    if (GLOB_CHARS.test(arg)) {
      const { base } = picomatch.scan(arg.split(sep).join('/'));
      const root = resolve(cwd, base || '.');
      const relPattern = relative(root, resolve(cwd, arg)).split(sep).join('/');
      const isMatch = picomatch(relPattern, { dot: false });
      walk(root, (abs) => isMatch(relative(root, abs).split(sep).join('/')));
      continue;
    }
    const abs = resolve(cwd, arg);
    let st;
    try { st = statSync(abs); } catch { missing.push(arg); continue; }
    if (st.isDirectory()) {
      if (!ignores.ignored(abs, true)) walk(abs, (p) => DRAFT_EXTENSIONS.test(p));
    } else if (!ignores.ignored(abs, false)) {
      found.add(abs);
    }
  }
  // Sorted by what reports show, so output order never depends on argument order or workers.
  const files = [...found].sort((a, b) => compare(displayPath(a, cwd), displayPath(b, cwd)));
  return { files, missing };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Path as shown in reports: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
