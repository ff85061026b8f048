import type { FileReport } from '../report.js';
import { summaryLine } from './stylish.js';
import { english, type Translate } from '../../core/l10n.js';

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One `::error`/`::warning`/`::notice` line per finding: shown inline on the pull request diff. */
export function formatGithub(reports: readonly FileReport[], t: Translate = english): string {
  const out: string[] = [];
  for (const r of reports) for (const f of r.findings) {
    const command = f.severity === 'info' ? 'notice' : f.severity;
    const { start, end } = f.range;
    const props = [
      `file=${escapeProperty(r.path)}`, `line=${start.line + 1}`, `col=${start.character + 1}`,
      `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(`Copydesk ${f.rule}`)}`,
    ].join(',');
    out.push(`::${command} ${props}::${escapeData(f.message)}`);
  }
  out.push(summaryLine(reports, t));
  return out.join('\n') + '\n';
}
