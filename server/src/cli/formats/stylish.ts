import { plural, summarise, type FileReport } from '../report.js';

/** Human-readable: file, then line:col severity message rule, then a summary line. */
export function formatStylish(reports: readonly FileReport[], color: boolean): string {
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
  out.push(summaryLine(reports));
  return out.join('\n') + '\n';
}

export function summaryLine(reports: readonly FileReport[]): string {
  const s = summarise(reports);
  const total = s.errors + s.warnings + s.infos;
  return total === 0
    ? `✔ ${plural(s.files, 'draft')} checked, no problems`
    : `${s.errors ? '✖' : '⚠'} ${plural(total, 'finding')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.infos} info) in ${plural(s.files, 'draft')}`;
}
