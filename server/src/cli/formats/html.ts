import type { Finding } from '../../core/types.js';
import { plural, summarise, type Context, type FileReport } from '../report.js';
import { ruleChart, SEVERITY_COLOURS, type RuleCount } from './html-chart.js';
import { esc, vscodeUrl } from './html-escape.js';
import { STYLE } from './html-style.js';
import type { RuleMeta } from './rules-meta.js';

export interface HtmlContext { version: string; cwd: string; rules: RuleMeta[]; generatedAt: Date }

const languageName = (tag?: string) => {
  if (!tag) return 'unknown';
  try { return `${new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag} (${tag})`; } catch { return tag; }
};

/** "ready" when a draft has no error-level finding (a blocker); warnings only ask for a look. */
function status(r: FileReport): string {
  const blockers = r.findings.filter((f) => f.severity === 'error').length;
  if (blockers) return `<span class="badge blocked">${esc(plural(blockers, 'blocker'))}</span>`;
  return r.findings.some((f) => f.severity === 'warning') ? '<span class="badge review">ready, review warnings</span>' : '<span class="badge ready">ready</span>';
}

/**
 * The readiness report for an editor-in-chief: one self-contained HTML file (inline CSS and SVG,
 * no script, no external asset), every value escaped.
 */
export function formatHtml(reports: readonly FileReport[], ctx: HtmlContext): string {
  const s = summarise(reports);
  const blocked = reports.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const byRule = new Map<string, RuleCount>();
  const byLang = new Map<string, { drafts: number; ready: number; findings: number }>();
  for (const r of reports) {
    const lang = byLang.get(r.language ?? '') ?? { drafts: 0, ready: 0, findings: 0 };
    lang.drafts++;
    lang.findings += r.findings.length;
    if (!r.findings.some((f) => f.severity === 'error')) lang.ready++;
    byLang.set(r.language ?? '', lang);
    for (const f of r.findings) {
      const c = byRule.get(f.rule) ?? { rule: f.rule, error: 0, warning: 0, info: 0 };
      c[f.severity]++;
      byRule.set(f.rule, c);
    }
  }
  const rules = [...byRule.values()].sort((a, b) => b.error + b.warning + b.info - (a.error + a.warning + a.info) || a.rule.localeCompare(b.rule));
  const docs = new Map(ctx.rules.map((m) => [m.id, m]));
  const card = (n: number, label: string, cls = '') => `<div class="card ${cls}"><div class="n">${n}</div><div class="l">${esc(label)}</div></div>`;
  const ruleRows = rules.map((c) => {
    const m = docs.get(c.rule);
    const name = m ? `<a href="${esc(m.helpUri)}" title="${esc(m.summary)}">${esc(c.rule)}</a>` : esc(c.rule);
    return `<tr><td class="rule">${name}</td><td class="num">${c.error}</td><td class="num">${c.warning}</td><td class="num">${c.info}</td><td class="num"><b>${c.error + c.warning + c.info}</b></td></tr>`;
  }).join('');
  const langRows = [...byLang.entries()].sort((a, b) => b[1].drafts - a[1].drafts || a[0].localeCompare(b[0]))
    .map(([tag, l]) => `<tr><td>${esc(languageName(tag || undefined))}</td><td class="num">${l.drafts}</td><td class="num">${l.ready}</td><td class="num">${l.findings}</td></tr>`).join('');
  const draftRows = reports.map((r, i) => {
    const count = (sev: string) => r.findings.filter((f) => f.severity === sev).length;
    const path = r.findings.length ? `<a href="#d${i}">${esc(r.path)}</a>` : esc(r.path);
    return `<tr><td>${status(r)}</td><td><code>${path}</code></td><td>${esc(r.language ?? '—')}</td><td class="num">${count('error')}</td><td class="num">${count('warning')}</td><td class="num">${count('info')}</td></tr>`;
  }).join('');
  const details = reports.map((r, i) => (r.findings.length ? draftSection(r, i) : '')).join('');
  const legend = (['error', 'warning', 'info'] as const).map((sev) => `<span><i style="background:${SEVERITY_COLOURS[sev]}"></i>${sev}</span>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Copydesk readiness report</title>
<style>${STYLE}</style>
</head>
<body>
<header><div class="wrap"><h1>Copydesk readiness report</h1><p>${esc(plural(s.files, 'draft'))} in <code>${esc(ctx.cwd)}</code> · generated ${esc(ctx.generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC · Copydesk ${esc(ctx.version)}</p></div></header>
<main>
<section class="cards">${card(s.files, 'drafts checked')}${card(s.files - blocked, 'ready to publish', 'ok')}${card(blocked, blocked === 1 ? 'draft with blockers' : 'drafts with blockers', blocked ? 'bad' : '')}${card(s.errors + s.warnings + s.infos, `findings (${s.errors} errors, ${s.warnings} warnings, ${s.infos} info)`)}</section>
<h2>Findings by rule</h2>
<div class="panel"><div class="legend">${legend}</div>${ruleChart(rules)}</div>
<div class="grid2">
<div><h2>Counts per rule</h2><div class="panel"><table><thead><tr><th>Rule</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th class="num">Total</th></tr></thead><tbody>${ruleRows || '<tr><td colspan="5" class="muted">No findings.</td></tr>'}</tbody></table></div></div>
<div><h2>Counts per language</h2><div class="panel"><table><thead><tr><th>Language</th><th class="num">Drafts</th><th class="num">Ready</th><th class="num">Findings</th></tr></thead><tbody>${langRows || '<tr><td colspan="4" class="muted">No drafts.</td></tr>'}</tbody></table></div></div>
</div>
<h2>Drafts</h2>
<div class="panel"><table id="drafts"><thead><tr><th>Status</th><th>Draft</th><th>Language</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th></tr></thead><tbody>${draftRows || '<tr><td colspan="6" class="muted">No drafts found.</td></tr>'}</tbody></table></div>
${details ? `<h2>Findings</h2>${details}` : ''}
<footer>Blockers are error-level findings. Line links open the draft in VS Code.</footer>
</main>
</body>
</html>
`;
}

function draftSection(r: FileReport, i: number): string {
  const items = r.findings.map((f, k) => finding(r, f, r.contexts?.[k])).join('');
  return `<section class="draft" id="d${i}"><h3>${status(r)}<code>${esc(r.path)}</code><span class="muted">${esc(r.language ?? '')}</span></h3>${items}</section>`;
}

function finding(r: FileReport, f: Finding, context: Context | undefined): string {
  const line = f.range.start.line + 1;
  const col = f.range.start.character + 1;
  const fix = f.fixes.find((x) => x.isPreferred) ?? f.fixes[0];
  const inserted = fix?.edits.map((e) => e.newText.trim()).filter(Boolean).join(' … ');
  const fixHtml = fix
    ? `<div class="fix">Suggested fix: ${esc(fix.title)}${inserted && inserted.length <= 400 && !fix.title.includes(inserted) ? ` — <q>${esc(inserted)}</q>` : ''}</div>`
    : '';
  let contextHtml = '';
  if (context) {
    const { text, from, to } = context;
    const a = Math.max(0, Math.min(from, text.length));
    const b = Math.max(a, Math.min(to, text.length));
    contextHtml = `<div class="context">${esc(text.slice(0, a))}${b > a ? `<mark>${esc(text.slice(a, b))}</mark>` : ''}${esc(text.slice(b))}</div>`;
  }
  return `<div class="finding"><div class="meta"><a href="${esc(vscodeUrl(r.absPath, line, col))}" title="Open in VS Code">line ${line}, column ${col}</a><span class="sev ${esc(f.severity)}">${esc(f.severity)}</span><span>${esc(f.rule)}</span></div>` +
    `<div class="msg">${esc(f.message)}</div>${contextHtml}${fixHtml}</div>`;
}
