import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { lint } from '../core/engine.js';
import { applyEdits, fixAllEdits } from '../core/fixes.js';
import { loadProject, type Project } from '../node/project.js';
import { collectDrafts, displayPath } from './files.js';
import { formatJson, formatStylish, summarise, type FileReport } from './formats.js';

export interface CheckOptions {
  paths: string[];
  format: 'stylish' | 'json';
  fix: boolean;
  only?: string[];
  locale?: string;
  color: boolean;
}

export interface Io { stdout(s: string): void; stderr(s: string): void }

/** `copydesk check`: exit 0 with no error-level finding, 1 with one, 2 for usage or configuration errors. */
export function runCheck(options: CheckOptions, io: Io): number {
  const { files, missing } = collectDrafts(options.paths.length ? options.paths : ['.']);
  if (missing.length) {
    io.stderr(missing.map((m) => `copydesk: no such file or folder: ${m}\n`).join(''));
    return 2;
  }
  const projects = new Map<string, Project>();
  const reports: FileReport[] = [];
  const configErrors = new Set<string>();
  for (const file of files) {
    const folder = dirname(file);
    let project = projects.get(folder);
    if (!project) {
      project = loadProject(file);
      projects.set(folder, project);
      for (const p of project.problems) configErrors.add(`${displayPath(p.path)}:${p.line + 1}: ${p.message}`);
    }
    if (configErrors.size) continue;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      io.stderr(`copydesk: cannot read ${displayPath(file)}: ${(err as Error).message}\n`);
      return 2;
    }
    const kind = /\.(md|markdown)$/i.test(file) ? 'markdown' as const : 'plaintext' as const;
    const run = (t: string) => lint({ text: t, kind, path: file, config: project.config, ledger: project.ledger, locale: options.locale, only: options.only });
    let result = run(text);
    if (options.fix) {
      let fixed = text;
      for (let pass = 0; pass < 10; pass++) {
        const edits = fixAllEdits(fixed, result.findings);
        if (edits.length === 0) break;
        fixed = applyEdits(fixed, edits);
        result = run(fixed);
      }
      if (fixed !== text) writeAtomically(file, fixed);
    }
    reports.push({ path: displayPath(file), language: result.document.language, findings: result.findings });
  }
  if (configErrors.size) {
    io.stderr([...configErrors].map((e) => `${e}\n`).join(''));
    return 2;
  }
  io.stdout(options.format === 'json' ? formatJson(reports) : formatStylish(reports, options.color));
  return summarise(reports).errors > 0 ? 1 : 0;
}

/** Write beside the file, then rename: a crash never leaves a half-written draft. */
function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.copydesk-${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}
