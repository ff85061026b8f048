import { localize } from '../core/l10n.js';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, resolveConfig, type ConfigHost, type ConfigProblem, type ResolvedConfig } from '../core/config.js';
import { crossFileDuplicates, parseLedger } from '../core/ledger/parse.js';
import type { Ledger, LedgerEntry } from '../core/ledger/types.js';
import { fsHost, unreadableReason } from './fs-host.js';

/** Everything a draft's checks depend on besides its own text. */
export interface Project {
  config: ResolvedConfig;
  ledger: Ledger;
  /** Problems in config and ledger files, each at its file and line. */
  problems: ConfigProblem[];
}

/**
 * Finds the configuration for a draft (nearest .copydesk.* upward, not above its workspace root)
 * and loads its ledger(s). Config and ledger files are read only inside the workspace: a `ledger`
 * or `extends` that resolves (also through a symbolic link) outside it is refused with a problem
 * at its line and never read.
 *
 * `roots` are the workspace folders (the language server passes its workspace folders). Without
 * them — the CLI — the root is the draft's git repository (the nearest folder upward holding
 * `.git`), else the current working folder when the draft is inside it, else the folder of the
 * nearest configuration file upward, else the draft's folder.
 */
export function loadProject(draftPath: string, host: ConfigHost = fsHost, roots?: readonly string[], seen?: RunFiles): Project {
  const root = workspaceRoot(draftPath, roots);
  const refused: string[] = [];
  const inside = (path: string) => isInside(path, root, seen);
  const read = (path: string) => (seen ? seen.text(path, host) : host.readFile(path));
  /** The host, reading through this run's files (for the lines of problems). */
  const reader: ConfigHost = seen ? { ...host, readFile: read } : host;
  const guarded: ConfigHost = {
    ...host,
    readFile(path) {
      if (!inside(path)) { refused.push(path); return undefined; }
      return read(path);
    },
  };
  const { config, problems } = resolveConfig(dirname(draftPath), guarded, root);
  const outside = (key: string, value: string) => localize('{0}: "{1}" is outside the workspace ({2}); Copydesk reads configuration and ledgers only inside it', key, value, root);
  // An `extends` that was refused: say why, at its line, instead of "cannot read".
  for (let i = 0; i < problems.length; i++) {
    const m = /^extends: cannot read "(.*)"$/.exec(problems[i].message);
    if (!m) continue;
    const target = host.resolve(host.dirname(problems[i].path), m[1]);
    if (refused.includes(target)) problems[i] = { ...problems[i], ...keyLine(reader, problems[i].path, 'extends', m[1]), message: outside('extends', m[1]) };
  }
  const entries: LedgerEntry[] = [];
  const ledger: Ledger = { entries, files: [] };
  for (const file of config.ledger) {
    const from = config.files[0] ?? file;
    if (!inside(file)) {
      const owner = config.files.find((f) => keyLine(reader, f, 'ledger', undefined, file).found) ?? from;
      problems.push({ path: owner, ...keyLine(reader, owner, 'ledger', undefined, file), message: outside('ledger', file) });
      continue;
    }
    const text = read(file);
    if (text === undefined) {
      const why = host === fsHost ? unreadableReason(file) : undefined;
      const reason = why === 'no such file' ? undefined : why;
      problems.push({ path: from, line: 0, character: 0, message: `ledger: cannot read "${file}"${reason ? `: ${reason}` : ''}` });
      continue;
    }
    const parsed = parseLedger(text, file);
    entries.push(...parsed.entries);
    ledger.files.push(file);
    problems.push(...parsed.problems);
  }
  if (ledger.files.length > 1) problems.push(...crossFileDuplicates(ledger.entries));
  return { config, ledger, problems };
}

/**
 * What one CLI run has read of configuration and ledger files, and the real paths it resolved:
 * a run checks the files as they are when it starts, and 20 folders of drafts under one
 * configuration need it read (and its folders' real paths looked up) once, not 20 times. The
 * language server keeps none: files change while it runs.
 */
export class RunFiles {
  private readonly texts = new Map<string, string | undefined>();
  private readonly reals = new Map<string, string>();
  private chars = 0;

  /** The file's text as first read in this run (undefined: it could not be read). */
  text(path: string, host: ConfigHost): string | undefined {
    if (this.texts.has(path)) return this.texts.get(path);
    const text = host.readFile(path);
    // Bounded: an archive of 10,000 folders, each with its own ledger, must not hold them all.
    this.chars += text?.length ?? 0;
    if (this.texts.size >= RUN_FILES_KEPT || this.chars > RUN_FILES_CHARS) { this.texts.clear(); this.chars = text?.length ?? 0; }
    this.texts.set(path, text);
    return text;
  }

  /** The real path of `path` (see real), as first resolved in this run. */
  real(path: string): string {
    let r = this.reals.get(path);
    if (r === undefined) {
      if (this.reals.size >= RUN_FILES_KEPT) this.reals.clear();
      // Configuration is looked for by trying names that mostly do not exist: such a path's real
      // path is its folder's (resolved once for all its names) and its name.
      const p = resolve(path);
      const parent = dirname(p);
      r = parent === p || existsSync(p) ? real(p) : resolve(this.real(parent), p.slice(parent.length).replace(/^[\\/]/, ''));
      this.reals.set(path, r);
    }
    return r;
  }
}

const RUN_FILES_KEPT = 1024;
const RUN_FILES_CHARS = 64 * 1024 * 1024;

/** The root a draft's configuration must stay inside (see loadProject). */
export function workspaceRoot(draftPath: string, roots?: readonly string[]): string {
  const draft = resolve(draftPath);
  const containing = (roots ?? []).map((r) => resolve(r)).filter((r) => isInside(draft, r))
    .sort((a, b) => b.length - a.length)[0]; // nested workspace folders: the innermost
  if (containing) return containing;
  for (let dir = dirname(draft); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  const cwd = process.cwd();
  if (isInside(draft, cwd)) return cwd;
  // Neither: the folder of the configuration that applies (so it is found), else the draft's folder.
  for (let dir = dirname(draft); ; dir = dirname(dir)) {
    if (CONFIG_FILE_NAMES.some((name) => existsSync(resolve(dir, name)))) return dir;
    if (dirname(dir) === dir) return dirname(draft);
  }
}

/** Whether `path` lies inside `root`, also after following symbolic links (of both). */
export function isInside(path: string, root: string, seen?: RunFiles): boolean {
  const within = (p: string, r: string) => {
    const rel = relative(r, p);
    return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
  };
  if (!within(resolve(path), resolve(root))) return false;
  return seen ? within(seen.real(path), seen.real(root)) : within(real(path), real(root));
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
function real(path: string): string {
  let p = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try { return resolve(realpathSync(p), ...rest); } catch { /* does not exist (yet) */ }
    const parent = dirname(p);
    if (parent === p) return resolve(path);
    rest.unshift(p.slice(parent.length).replace(/^[\\/]/, ''));
    p = parent;
  }
}

/**
 * Line of `key:` in a config file (and, for a ledger list, of the item naming `target`), for
 * problems about a path the file names. Line 0 when the file cannot be read.
 */
function keyLine(host: ConfigHost, file: string, key: string, value?: string, target?: string): { line: number; character: number; found?: boolean } {
  const text = host.readFile(file);
  if (text === undefined) return { line: 0, character: 0 };
  const lines = text.split(/\r\n|\r|\n/);
  const keyAt = lines.findIndex((l) => {
    const t = l.trimStart().replace(/^["']/, '');
    return t.startsWith(key) && /^["']?\s*:/.test(t.slice(key.length));
  });
  if (keyAt < 0) return { line: 0, character: 0 };
  if (value === undefined && target !== undefined) {
    // The entry whose text, resolved against the file's folder, is the target.
    for (let i = keyAt; i < lines.length && (i === keyAt || /^\s|^\s*-/.test(lines[i]) || lines[i].trim() === ''); i++) {
      for (const m of lines[i].matchAll(/[^\s"',[\]:-][^"',[\]]*/g)) {
        const candidate = m[0].trim();
        if (candidate && candidate !== key && host.resolve(host.dirname(file), candidate) === target) return { line: i, character: m.index ?? 0, found: true };
      }
    }
    return { line: keyAt, character: lines[keyAt].indexOf(key) };
  }
  return { line: keyAt, character: lines[keyAt].indexOf(key), found: true };
}
