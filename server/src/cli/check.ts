import { realpathSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { codeCacheState } from '../node/code-cache.js';
import { packageRootUrl } from '../node/package-root.js';
import type { CheckOptions } from './args.js';
import { collectDrafts, displayPath } from './files.js';
import { format, needsDetail } from './formats/index.js';
import { rulesMeta } from './formats/rules-meta.js';
import { summaryLine } from './formats/stylish.js';
import { changedSince } from './git.js';
import { ProjectCache, type LintJob } from './lint-file.js';
import { writeReport } from './output.js';
import { checkFiles, helperThreads, ThreadPool, workerCount } from './pool.js';
import { progressBar } from './progress.js';
import { plural, summarise, type FileReport } from './report.js';
import { VERSION } from './version.js';
import { relocalize, translator } from '../core/l10n.js';
import '../core/l10n-bundles.js';

export interface Io { stdout(s: string): void; stderr(s: string): void }

export interface CheckEnv { cwd: string; env: NodeJS.ProcessEnv; workerScript?: string }

const real = (p: string) => { try { return realpathSync(p); } catch { return p; } };

/** `copydesk check`: exit 0 when clean (within --max-warnings), 1 otherwise, 2 on usage or configuration errors. */
export async function runCheck(options: CheckOptions, io: Io, { cwd, env, workerScript }: CheckEnv): Promise<number> {
  const started = Date.now();
  // Threads start loading as soon as the listing shows they will be used (workerCount only grows
  // with the number of drafts), so that their start-up overlaps the rest of the listing and the
  // loading of the configuration.
  const pool = new ThreadPool(workerScript);
  try {
    return await check(options, io, { cwd, env, workerScript }, started, pool);
  } finally {
    pool.close();
  }
}

async function check(options: CheckOptions, io: Io, { cwd, env, workerScript }: CheckEnv, started: number, pool: ThreadPool): Promise<number> {
  const collected = collectDrafts(options.paths.length ? options.paths : ['.'], cwd, (found) => pool.prestart(helperThreads(workerCount(found, options.workers, { only: options.only }), { only: options.only })));
  let { files, displayPaths } = collected;
  const { missing, irregular } = collected;
  if (missing.length) {
    io.stderr(missing.map((m) => `copydesk: no such file or folder: ${m}\n`).join(''));
    return 2;
  }
  if (options.changedSince) {
    let changed: Set<string>;
    try { changed = new Set([...changedSince(options.changedSince, cwd)].map(real)); } catch (err) {
      io.stderr(`copydesk: ${(err as Error).message}\n`);
      return 2;
    }
    const keep = files.map((f) => changed.has(real(f)));
    files = files.filter((_, i) => keep[i]);
    displayPaths = displayPaths.filter((_, i) => keep[i]);
  }
  // Configuration problems stop the run before any draft is checked: every one, at its line.
  const projects = new ProjectCache();
  const configErrors = new Set<string>();
  const seen = new Set<string>();
  for (const file of files) {
    const folder = dirname(file);
    if (seen.has(folder)) continue;
    seen.add(folder);
    const project = projects.get(file);
    for (const p of project.problems) configErrors.add(`${displayPath(p.path, cwd)}:${p.line + 1}: ${relocalize(options.locale, p.message)}`);
  }
  if (configErrors.size) {
    io.stderr([...configErrors].map((e) => `${e}\n`).join(''));
    return 2;
  }
  const job: LintJob = { cwd, locale: options.locale, only: options.only, fix: options.fix, detail: needsDetail(options.format), irregular };
  const workers = workerCount(files.length, options.workers, { only: options.only });
  const bar = progressBar(files.length);
  let reports: FileReport[];
  try {
    reports = await checkFiles(files, job, workers, workerScript, (done) => bar.update(done), projects, displayPaths, pool);
  } finally {
    bar.end();
  }
  const unreadable = reports.filter((r) => r.readError);
  if (unreadable.length) {
    io.stderr(unreadable.map((r) => `copydesk: cannot read ${r.path}: ${r.readError}\n`).join(''));
    return 2;
  }
  const all = summarise(reports);
  if (options.quiet) reports = reports.map(errorsOnly);
  const packageBaseUrl = packageRootUrl();
  const text = format(options.format, reports, { color: options.color, cwd, version: VERSION, rules: rulesMeta(packageBaseUrl), packageBaseUrl, locale: options.locale });
  if (options.fix === 'dry-run') {
    // The diff is the output (it can be piped to a file and applied); the report goes to --output.
    io.stdout(reports.map((r) => r.diff ?? '').join(''));
    const t = translator(options.locale);
    if (!options.output) io.stderr(`${t('{0} after fixes', summaryLine(reports, t))}\n`);
  }
  if (options.output) {
    try { writeReport(options.output, text, cwd); } catch (err) {
      io.stderr(`copydesk: cannot write ${options.output}: ${(err as Error).message}\n`);
      return 2;
    }
  } else if (options.fix !== 'dry-run') {
    io.stdout(text);
  }
  let code = all.errors > 0 ? 1 : 0;
  if (options.maxWarnings !== undefined && all.warnings > options.maxWarnings) {
    io.stderr(`copydesk: ${plural(all.warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
    code = 1;
  }
  if (env.COPYDESK_STATS) {
    const ms = Date.now() - started;
    // The drafts' sizes, for throughput: looked up after the timing (a run without stats never needs them).
    const bytes = files.reduce((n, f) => n + sizeOf(f), 0);
    const stats = { files: reports.length, bytes, workers, ms, maxRssKb: process.resourceUsage().maxRSS, codeCache: codeCacheState() ?? 'off', threadCodeCache: pool.codeCacheStates() };
    io.stderr(`copydesk-stats ${JSON.stringify(stats)}\n`);
  }
  return code;
}

function sizeOf(file: string): number {
  try { return statSync(file, { throwIfNoEntry: false })?.size ?? 0; } catch { return 0; }
}

/** --quiet: keep error-level findings only (and the per-finding details that go with them). */
function errorsOnly(r: FileReport): FileReport {
  const keep = r.findings.map((f) => f.severity === 'error');
  const pick = <T>(xs: T[] | undefined) => xs?.filter((_, i) => keep[i]);
  return { ...r, findings: r.findings.filter((_, i) => keep[i]), contexts: pick(r.contexts), matches: pick(r.matches) };
}
