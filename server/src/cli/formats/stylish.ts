import { summarise, type FileReport } from '../report.js';
import { english, type Translate } from '../../core/l10n.js';

/** Human-readable: file, then line:col severity message rule, then a summary line. */
export function formatStylish(reports: readonly FileReport[], color: boolean, t: Translate = english): string {
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
  out.push(summaryLine(reports, t));
  return out.join('\n') + '\n';
}

export function summaryLine(reports: readonly FileReport[], t: Translate = english): string {
  const s = summarise(reports);
  const total = s.errors + s.warnings + s.infos;
  const drafts = s.files === 1 ? t('{0} draft', 1) : t('{0} drafts', s.files);
  if (total === 0) return t('✔ {0} checked, no problems', drafts);
  const findings = total === 1 ? t('{0} finding', 1) : t('{0} findings', total);
  const errors = s.errors === 1 ? t('{0} error', 1) : t('{0} errors', s.errors);
  const warnings = s.warnings === 1 ? t('{0} warning', 1) : t('{0} warnings', s.warnings);
  return `${s.errors ? '✖' : '⚠'} ${t('{0} ({1}, {2}, {3}) in {4}', findings, errors, warnings, t('{0} info', s.infos), drafts)}`;
}
