import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DRAFT_EXTENSIONS = /\.(md|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'coverage']);

/** Drafts named on the command line: files as given, folders walked for .md, .markdown and .txt. */
export function collectDrafts(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = join(dir, name);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && DRAFT_EXTENSIONS.test(name)) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch { missing.push(p); continue; }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}

/** Path as shown in reports: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
