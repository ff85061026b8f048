import { esc } from './html-escape.js';

export interface RuleCount { rule: string; error: number; warning: number; info: number }

export const SEVERITY_COLOURS = { error: '#c62828', warning: '#b26a00', info: '#1565c0' } as const;

/** Horizontal stacked bars, one per rule, drawn as inline SVG: no script, no external library. */
export function ruleChart(rows: RuleCount[]): string {
  if (rows.length === 0) return '<p class="muted">No findings to chart.</p>';
  const label = 190, barMax = 420, rowH = 30, top = 8;
  const max = Math.max(1, ...rows.map((r) => r.error + r.warning + r.info));
  const width = label + barMax + 70;
  const height = top * 2 + rows.length * rowH;
  const bars = rows.map((r, i) => {
    const y = top + i * rowH;
    let x = label;
    const parts = (['error', 'warning', 'info'] as const).map((sev) => {
      const w = (r[sev] / max) * barMax;
      if (w === 0) return '';
      const rect = `<rect x="${x.toFixed(1)}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowH - 12}" rx="2" fill="${SEVERITY_COLOURS[sev]}"><title>${esc(`${r.rule}: ${r[sev]} ${sev}`)}</title></rect>`;
      x += w;
      return rect;
    }).join('');
    const total = r.error + r.warning + r.info;
    return `<text x="${label - 10}" y="${y + rowH / 2 + 4}" text-anchor="end" class="chart-label">${esc(r.rule)}</text>${parts}` +
      `<text x="${(x + 8).toFixed(1)}" y="${y + rowH / 2 + 4}" class="chart-value">${total}</text>`;
  }).join('');
  return `<svg class="chart" role="img" aria-label="Findings by rule" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg>`;
}
