import { constants, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lint } from '../core/engine.js';
import { fixAllText } from '../core/fixes.js';
import { LineIndex } from '../core/line-index.js';
import { loadProject, RunFiles, type Project } from '../node/project.js';
import { unifiedDiff } from './diff.js';
import { displayPath } from './files.js';
import type { Context, FileReport } from './report.js';
import { cacheLimits } from '../core/limits.js';
import { noteFullCheck } from '../node/code-cache.js';

// A batch run sees each draft once: per-paragraph caches would only hold memory (and GC time).
cacheLimits.paragraphs = 64;
cacheLimits.batch = true;

/** What every worker needs to check files the same way; plain data, so it crosses threads. */
export interface LintJob {
  cwd: string;
  locale?: string;
  only?: string[];
  fix: 'none' | 'write' | 'dry-run';
  /** Keep each finding's source line and matched text (html and sarif need them; others don't). */
  detail: boolean;
  /** Files named on the command line that are not regular files (collectDrafts): never opened. */
  irregular?: string[];
}

/**
 * Drafts are read without a stat first: listing them saw that they are regular files (a stat per
 * draft was a twentieth of an archive scan). Opened non-blocking all the same, so that a draft
 * turned into a FIFO since cannot hang the run; it reads as what is there (nothing).
 */
// (Node takes numeric open flags here, and keeps its fast UTF-8 read; its types say string.)
const READ = { encoding: 'utf8' as const, flag: (constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)) as unknown as string };

const MAX_SNIPPET = 300;
/** Folders whose configuration stays loaded; an archive of 10,000 folders must not hold 10,000. */
const CACHED_FOLDERS = 256;

/** Each draft's project (config and ledger), loaded once per folder, least recently used dropped. */
export class ProjectCache {
  private readonly byFolder = new Map<string, Project>();
  /** Configuration and ledger files as this run read them (a folder's project is read once). */
  private readonly files = new RunFiles();

  /** The projects loaded so far, by folder (to hand to another thread: see seed). */
  loaded(): Array<[string, Project]> {
    return [...this.byFolder];
  }

  /**
   * Takes projects another thread has loaded (and validated) already: a checking thread then
   * reads no configuration or ledger again — nor compiles the configuration schema (~0.1 s).
   */
  seed(projects: Array<[string, Project]>): void {
    for (const [folder, project] of projects.slice(-CACHED_FOLDERS)) this.byFolder.set(folder, project);
  }

  /** The folder asked for last and its project: drafts come folder by folder (listing order). */
  private last?: { folder: string; project: Project };

  get(draft: string): Project {
    const folder = dirname(draft);
    // Already the most recently used: no look-up, and no re-insertion to mark it so.
    if (this.last?.folder === folder) return this.last.project;
    let project = this.byFolder.get(folder);
    if (project) this.byFolder.delete(folder); // re-inserted below: Map order is recency
    else project = loadProject(draft, undefined, undefined, this.files);
    this.byFolder.set(folder, project);
    if (this.byFolder.size > CACHED_FOLDERS) this.byFolder.delete(this.byFolder.keys().next().value!);
    this.last = { folder, project };
    return project;
  }
}

/**
 * Checks one draft and returns only what reports need: findings (and, on request, the line
 * each one is on), never the document or its text, so memory stays flat however many files.
 */
export function lintFile(file: string, job: LintJob, projects: ProjectCache, shown?: string): FileReport {
  const project = projects.get(file);
  const path = shown ?? displayPath(file, job.cwd);
  let text: string;
  try {
    if (job.irregular?.includes(file)) throw new Error('not a regular file');
    text = readFileSync(file, READ);
  } catch {
    // The error as it was always reported (from the stat before the read).
    try {
      if (!statSync(file).isFile()) throw new Error('not a regular file');
      text = readFileSync(file, 'utf8');
    } catch (err) {
      return { path, absPath: file, findings: [], readError: (err as Error).message };
    }
  }
  if (!job.only) noteFullCheck();
  const kind = /\.(md|markdown)$/i.test(file) ? 'markdown' as const : 'plaintext' as const;
  const run = (t: string) => lint({ text: t, kind, path: file, config: project.config, ledger: project.ledger, locale: job.locale, only: job.only });
  let result = run(text);
  let current = text;
  let diff: string | undefined;
  if (job.fix !== 'none') {
    // Fixes can unlock others (or overlap): apply in passes until nothing is left to apply.
    let latest = result;
    current = fixAllText(text, result.findings, (t) => (latest = run(t)).findings).text;
    result = latest;
    if (current !== text) {
      if (job.fix === 'write') writeAtomically(file, current);
      else diff = unifiedDiff(path, text, current);
    }
  }
  const report: FileReport = { path, absPath: file, language: result.document.language, findings: result.findings };
  if (diff) report.diff = diff;
  if (job.detail && result.findings.length === 0) {
    // (Nothing to excerpt: no need to split the draft into lines.)
    report.contexts = [];
    report.matches = [];
  } else if (job.detail) {
    const lines = new LineIndex(current);
    const all = current.split(/\r\n|\r|\n/);
    report.contexts = result.findings.map((f) => excerpt(all[f.range.start.line] ?? '', f.range.start.character, f.range.end.line === f.range.start.line ? f.range.end.character : Infinity));
    report.matches = result.findings.map((f) => clip(current.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end))));
  }
  return report;
}

/** The finding's line, cut to a window around the flagged text on very long lines. */
function excerpt(line: string, start: number, end: number): Context {
  const to = Math.min(end, line.length);
  if (line.length <= MAX_SNIPPET) return { text: line, from: start, to };
  const begin = Math.max(0, start - 100);
  const stop = Math.min(line.length, Math.max(to, start) + 150);
  const text = (begin > 0 ? '…' : '') + line.slice(begin, stop) + (stop < line.length ? '…' : '');
  const shift = (begin > 0 ? 1 : 0) - begin;
  return { text, from: start + shift, to: Math.min(to, stop) + shift };
}

const clip = (s: string) => (s.length > MAX_SNIPPET ? s.slice(0, MAX_SNIPPET) + '…' : s);

/** Write beside the file, then rename: a crash never leaves a half-written draft. */
export function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.copydesk-${process.pid}-${Date.now()}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}
