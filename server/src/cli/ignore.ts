import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Files whose patterns (gitignore syntax) exclude drafts: git's own, and one just for Copydesk. */
export const IGNORE_FILES = ['.gitignore', '.copydeskignore'];

/**
 * Gitignore semantics across folders: every folder from the repository root (the nearest folder
 * with .git, else the working folder) down to a file may hold ignore files, and each one's
 * patterns are relative to its own folder, as git reads them.
 */
export class IgnoreStack {
  private readonly perDir = new Map<string, Ignore | null>();
  private readonly top: string;

  constructor(cwd: string) {
    this.top = findRepoRoot(resolve(cwd)) ?? resolve(cwd);
  }

  ignored(abs: string, isDir: boolean): boolean {
    const top = inside(abs, this.top) ? this.top : dirname(abs);
    // Folders from top down to the file's parent, each checked with the path relative to it.
    const chain: string[] = [];
    for (let d = dirname(abs); ; d = dirname(d)) {
      chain.push(d);
      if (d === top || dirname(d) === d) break;
    }
    for (const dir of chain.reverse()) {
      const ig = this.load(dir);
      if (!ig) continue;
      const rel = relative(dir, abs).split(sep).join('/');
      if (rel && ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }

  private load(dir: string): Ignore | null {
    let ig = this.perDir.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    for (const name of IGNORE_FILES) {
      const file = join(dir, name);
      if (!existsSync(file)) continue;
      try {
        ig ??= ignore();
        ig.add(readFileSync(file, 'utf8'));
      } catch { /* an unreadable ignore file excludes nothing, as in git */ }
    }
    this.perDir.set(dir, ig);
    return ig;
  }
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

function findRepoRoot(from: string): string | undefined {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}
