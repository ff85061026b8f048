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
  /**
   * Per parent folder: whether it lies inside the top, and the folders from the top down to it
   * that hold ignore files. Every file of a folder shares them (an archive folder of 20,000
   * drafts made 20,000 walks up the folder chain).
   */
  private readonly chains = new Map<string, { inside: boolean; chain: Array<[string, Ignore]> }>();

  constructor(cwd: string) {
    this.top = findRepoRoot(resolve(cwd)) ?? resolve(cwd);
  }

  /** Whether `abs` is excluded; `parent` is its folder when the caller knows it (dirname(abs)). */
  ignored(abs: string, isDir: boolean, parent = dirname(abs)): boolean {
    let cached = this.chains.get(parent);
    if (!cached) {
      const insideTop = inside(parent, this.top);
      cached = { inside: insideTop, chain: this.chainTo(parent, insideTop ? this.top : parent) };
      this.chains.set(parent, cached);
    }
    // A path inside the top has the top's chain; the top itself (its parent is outside) is
    // checked from its own parent up, as before.
    const chain = cached.inside || abs !== this.top ? cached.chain : this.chainTo(parent, this.top);
    for (const [dir, ig] of chain) {
      const rel = under(abs, dir);
      if (rel && ig.ignores(isDir ? `${rel}/` : rel)) return true;
    }
    return false;
  }

  /** Folders from `top` down to `from` (from `from` up until `top` or the root) that hold ignore files. */
  private chainTo(from: string, top: string): Array<[string, Ignore]> {
    const dirs: string[] = [];
    for (let d = from; ; d = dirname(d)) {
      dirs.push(d);
      if (d === top || dirname(d) === d) break;
    }
    const chain: Array<[string, Ignore]> = [];
    for (const dir of dirs.reverse()) {
      const ig = this.load(dir);
      if (ig) chain.push([dir, ig]);
    }
    return chain;
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

/** relative(dir, abs) with forward slashes; the prefix cut when abs lies plainly under dir. */
function under(abs: string, dir: string): string {
  if (abs.length > dir.length + 1 && abs.startsWith(dir) && abs[dir.length] === sep && dir[dir.length - 1] !== sep) {
    const rel = abs.slice(dir.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  return relative(dir, abs).split(sep).join('/');
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
