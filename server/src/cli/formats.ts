import type { Finding } from '../core/types.js';

export interface FileReport {
  path: string;
  language?: string;
  findings: Finding[];
}

export interface Summary { files: number; errors: number; warnings: number; infos: number }

export function summarise(reports: FileReport[]): Summary {
  const s: Summary = { files: reports.length, errors: 0, warnings: 0, infos: 0 };
  for (const r of reports) for (const f of r.findings) {
    if (f.severity === 'error') s.errors++; else if (f.severity === 'warning') s.warnings++; else s.infos++;
  }
  return s;
}

/** The versioned JSON contract: 0-based lines and UTF-16 characters, as in LSP. */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: reports.map((r) => ({
      path: r.path,
      language: r.language ?? null,
      findings: r.findings.map((f) => ({
        rule: f.rule, severity: f.severity, message: f.message, range: f.range,
        fixes: f.fixes.map((x) => ({ title: x.title, isPreferred: x.isPreferred, edits: x.edits })),
      })),
    })),
    summary: summarise(reports),
  }, null, 2) + '\n';
}

/** Human-readable: file, then line:col severity message rule, then a summary line. */
export function formatStylish(reports: FileReport[], color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const r of reports) {
    if (r.findings.length === 0) continue;
    out.push(paint(4, r.path));
    const rows = r.findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.rule]);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, sev, msg, rule] of rows) {
      const sevText = sev.padEnd(w1);
      out.push(`  ${pos.padEnd(w0)}  ${paint(sev === 'error' ? 31 : sev === 'warning' ? 33 : 36, sevText)}  ${msg}  ${paint(2, rule)}`);
    }
    out.push('');
  }
  const s = summarise(reports);
  const total = s.errors + s.warnings + s.infos;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out.push(total === 0
    ? `✔ ${plural(s.files, 'draft')} checked, no problems`
    : `${s.errors ? '✖' : '⚠'} ${plural(total, 'finding')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info) in ${plural(s.files, 'draft')}`);
  return out.join('\n') + '\n';
}
