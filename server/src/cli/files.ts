import { readdirSync, statSync, type Dirent } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
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
  /** The display path of each file (displayPath), in the same order. */
  displayPaths: string[];
  /**
   * Files named on the command line that are neither a regular file nor a folder (a FIFO, a
   * device): they are reported as unreadable and never opened. Every other file was seen to be a
   * regular file while listing.
   */
  irregular: string[];
}

/**
 * Drafts named on the command line: files as given, folders walked for .md, .markdown and .txt,
 * globs ("drafts/**\/*.md") walked from their fixed prefix. Dot-folders, node_modules and build
 * folders are skipped, and so is whatever .gitignore or .copydeskignore files exclude — also for
 * files named explicitly, so a pre-commit hook that passes every staged file honours them too.
 * `onFound` hears, now and then, how many drafts were found so far.
 */
export function collectDrafts(paths: string[], cwd = process.cwd(), onFound?: (count: number) => void): Collected {
  const found = new Set<string>();
  const missing: string[] = [];
  const irregular: string[] = [];
  const ignores = new IgnoreStack(cwd);
  const walk = (dir: string, accept: (abs: string) => boolean) => {
    // The entries' types come with the listing: a folder of 20,000 drafts needs no stat per file
    // (only symbolic links are followed with one, as before).
    let entries: Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name)); } catch { return; }
    // (A listed name holds no separator and is never "." or "..": the folder's path, a separator
    // and the name is what path.join gives, without normalising the folder again per file.)
    const prefix = dir.charCodeAt(dir.length - 1) === SEP ? dir : dir + sep;
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = prefix + name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let st;
        try { st = statSync(p); } catch { continue; }
        isDir = st.isDirectory();
        isFile = st.isFile();
      }
      if (isDir) {
        if (!ignores.ignored(p, true)) walk(p, accept);
      } else if (isFile && accept(p) && !ignores.ignored(p, false, dir)) {
        found.add(p);
        if (onFound && (found.size & 63) === 0) onFound(found.size);
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
      if (!st.isFile()) irregular.push(abs);
    }
  }
  // Sorted by what reports show, so output order never depends on argument order or workers
  // (each display path made once, not once per comparison).
  const shown = [...found].map((file) => ({ file, path: displayPath(file, cwd) }));
  shown.sort((a, b) => compare(a.path, b.path));
  return { files: shown.map((s) => s.file), missing, displayPaths: shown.map((s) => s.path), irregular };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Path as shown in reports: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  // The common case, a file inside the working folder, without path.relative (which resolves
  // both paths again): the same result for a normalised absolute path.
  if (path.length > cwd.length + 1 && path.charCodeAt(cwd.length) === SEP && path.startsWith(cwd) && normalised(cwd) && !DOTS.test(path)) {
    const rel = path.slice(cwd.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}

const SEP = sep.charCodeAt(0);
let lastCwd = '';
let lastCwdNormalised = false;
/** An absolute folder path with nothing for path.relative to resolve (remembered for the last one asked). */
function normalised(cwd: string): boolean {
  if (cwd !== lastCwd) { lastCwd = cwd; lastCwdNormalised = resolve(cwd) === cwd && cwd.charCodeAt(cwd.length - 1) !== SEP; }
  return lastCwdNormalised;
}
/** A path that is not normalised ("a//b", "a/./b", "a/../b", a trailing separator): path.relative decides. */
const DOTS = sep === '/' ? /\/\/|\/\.\.?(?:\/|$)|\/$/ : /[\\/][\\/]|[\\/]\.\.?(?:[\\/]|$)|[\\/]$|\//;
