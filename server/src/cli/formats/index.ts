import type { FileReport } from '../report.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { RuleMeta } from './rules-meta.js';
import { translator } from '../../core/l10n.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatContext { color: boolean; cwd: string; version: string; rules: RuleMeta[]; packageBaseUrl: string; locale?: string }

/** Formats that show each finding's source text need it from the workers. */
export const needsDetail = (format: FormatName) => format === 'sarif' || format === 'html';

export function format(name: FormatName, reports: readonly FileReport[], ctx: FormatContext): string {
  switch (name) {
    case 'json': return formatJson(reports);
    case 'sarif': return formatSarif(reports, ctx);
    case 'github': return formatGithub(reports, translator(ctx.locale));
    case 'junit': return formatJunit(reports);
    case 'html': return formatHtml(reports, { ...ctx, generatedAt: new Date() });
    default: return formatStylish(reports, ctx.color, translator(ctx.locale));
  }
}
