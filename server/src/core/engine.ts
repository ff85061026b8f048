import { parseDraft } from './parse.js';
import type { DraftDocument, DraftKind } from './document.js';
import { effectiveSeverity, emptyConfig, type ResolvedConfig } from './config.js';
import type { Ledger } from './ledger/types.js';
import { relocalize, translator, type Translate } from './l10n.js';
import { DEFAULT_MAX_CHARS, looksBinary } from './limits.js';
import { LineIndex } from './line-index.js';
import { claimPrefilter } from './ledger/prefilter.js';
import { parseSuppressions, suppressionFor } from './suppressions.js';
import { allRules, ENGINE_RULES } from './rules/index.js';
import type { Rule } from './rule.js';
import type { Finding, Report, Severity } from './types.js';

export interface LintInput {
  text: string;
  kind: DraftKind;
  path?: string;
  config?: ResolvedConfig;
  ledger?: Ledger;
  /** Locale of messages (e.g. "en", "id"). */
  locale?: string;
  /** Run only these rules (e.g. the CLI's --rule). */
  only?: string[];
  /** Severity overrides from editor settings; they win over the config file. */
  severityOverrides?: Record<string, Severity | 'off'>;
  /** Check at most this many characters (default DEFAULT_MAX_CHARS). */
  maxChars?: number;
}

export interface LintResult {
  document: DraftDocument;
  findings: Finding[];
  /** True when the draft was not parsed because nothing in it could match (archive scan); `document` is then an empty one. */
  skipped?: boolean;
}

const EMPTY_LEDGER: Ledger = { entries: [], files: [] };

/**
 * The document of a draft an archive scan did not parse: an empty one, shared (one per kind; it
 * has no path) — making one per draft was a tenth of a 2,000-draft scan's checking.
 */
const skippedDocuments = new Map<DraftKind, DraftDocument>();
function skippedDocument(kind: DraftKind): DraftDocument {
  let doc = skippedDocuments.get(kind);
  if (!doc) skippedDocuments.set(kind, (doc = parseDraft('', { kind })));
  return doc;
}

/** Parses a draft and runs every enabled rule on it. Pure: text and settings in, findings out. */
export function lint(input: LintInput): LintResult {
  const config = input.config ?? emptyConfig();
  const t = translator(input.locale);
  const maxChars = input.maxChars ?? DEFAULT_MAX_CHARS;
  // Archive scan (only corrected-claim wanted): a draft with no candidate claim is not parsed. The
  // claim test comes first: for a small ledger its byte scan also answers the binary test.
  if (input.only?.every((id) => id === 'corrected-claim') && input.text.length <= maxChars
    && !claimPrefilter(input.ledger ?? EMPTY_LEDGER)(input.text) && !looksBinary(input.text)) {
    return { document: skippedDocument(input.kind), findings: [], skipped: true };
  }
  const binary = looksBinary(input.text);
  let text = binary ? '' : input.text;
  const truncated = text.length > maxChars;
  if (truncated) {
    // Cut at a paragraph or line break so no block is checked half-way.
    const cut = Math.max(text.lastIndexOf('\n\n', maxChars), text.lastIndexOf('\n', maxChars));
    text = text.slice(0, cut > maxChars / 2 ? cut : maxChars);
  }
  const document = parseDraft(text, { kind: input.kind, path: input.path, fallbackLanguage: config.primaryLanguage });
  if (binary || truncated) {
    // Report against the real text so ranges stay inside the document the editor has.
    const lines = new LineIndex(input.text);
    const at = binary ? 0 : text.length;
    const notice: Finding = {
      rule: 'draft-input', severity: binary ? 'info' : 'warning',
      message: binary
        ? t('This file looks binary, not a text draft; Copydesk did not check it.')
        : t('This draft is very long: Copydesk checked only its first {0} characters.', text.length),
      range: lines.range(at, at), fixes: [],
    };
    const result = binary ? { document, findings: [notice] } : lintParsed(input, document, config, t);
    if (!binary) result.findings.push(notice);
    return result;
  }
  return lintParsed(input, document, config, t);
}

function lintParsed(input: LintInput, document: DraftDocument, config: ResolvedConfig, t: Translate): LintResult {
  const rules = allRules();
  const known = new Set([...rules.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)]);
  const findings: Finding[] = [];
  const severityOf = (rule: Pick<Rule, 'id' | 'defaultSeverity'>) =>
    input.severityOverrides?.[rule.id] ?? effectiveSeverity(config, rule.id, rule.defaultSeverity);
  const wanted = (id: string) => !input.only || input.only.includes(id);

  const push = (rule: Pick<Rule, 'id' | 'defaultSeverity'>, severity: Severity, r: Report) => {
    findings.push({
      rule: rule.id,
      severity: r.severity ?? severity,
      message: r.message,
      range: document.lines.range(r.start, r.end),
      fixes: (r.fixes ?? []).map((f) => ({
        title: f.title,
        isPreferred: f.isPreferred ?? false,
        edits: f.edits.map((e) => ({ range: document.lines.range(e.start, e.end), newText: e.newText })),
      })),
      ...(r.data ? { data: r.data } : {}),
      ...(r.related ? { related: r.related } : {}),
    });
  };

  const [frontMatterRule, suppressionRule] = ENGINE_RULES;
  const fmSeverity = severityOf(frontMatterRule);
  if (fmSeverity !== 'off' && wanted(frontMatterRule.id)) {
    for (const p of document.frontMatter?.problems ?? []) push(frontMatterRule, fmSeverity, { start: p.start, end: p.end, message: relocalize(t.locale, p.message) });
  }
  const { suppressions, problems } = parseSuppressions(document, known, t);
  const supSeverity = severityOf(suppressionRule);
  if (supSeverity !== 'off' && wanted(suppressionRule.id)) for (const p of problems) push(suppressionRule, supSeverity, p);

  for (const rule of rules) {
    const severity = severityOf(rule);
    if (severity === 'off' || !wanted(rule.id)) continue;
    const options = config.rules[rule.id]?.options ?? {};
    rule.check({
      document, config, options, t,
      ledger: input.ledger ?? EMPTY_LEDGER,
      report(r) {
        const s = suppressionFor(suppressions, rule.id, r.start);
        if (s) { s.used = true; return; }
        push(rule, severity, r);
      },
    });
  }
  // A suppression that silenced nothing although its rules ran is stale: say so, with a fix that removes it.
  if (supSeverity !== 'off' && wanted(suppressionRule.id)) {
    const ran = (id: string) => severityOf({ id, defaultSeverity: 'warning' }) !== 'off' && wanted(id) && rules.some((r) => r.id === id);
    const byComment = new Map<number, typeof suppressions>();
    for (const sup of suppressions) byComment.set(sup.comment.start, [...(byComment.get(sup.comment.start) ?? []), sup]);
    for (const group of byComment.values()) {
      const ids = group.flatMap((g) => (g.rules === 'all' ? rules.map((r) => r.id) : g.rules));
      if (group.some((g) => g.used) || !ids.every(ran)) continue;
      const { comment } = group[0];
      push(suppressionRule, 'info', {
        start: comment.start, end: comment.end, severity: 'info',
        message: t('This Copydesk comment silences nothing: there is no {0} finding where it applies. Remove it, so it cannot hide a future problem.', group[0].rules === 'all' ? t('Copydesk') : ids.join(', ')),
        fixes: [{ title: t('Remove the unused Copydesk comment'), isPreferred: true, edits: [commentRemoval(document.text, comment.start, comment.end)] }],
      });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  return { document, findings };
}

/** The edit removing a comment: its whole line when it stands alone, else the comment and the space before it. */
function commentRemoval(text: string, start: number, end: number): { start: number; end: number; newText: string } {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t')) lineEnd++;
  const before = text.slice(lineStart, start);
  if (/^[ \t]*(?:>[ \t]?)*$/.test(before) && (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r')) {
    const breakLen = text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0;
    return { start: lineStart, end: lineEnd + breakLen, newText: '' };
  }
  let from = start;
  while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { start: from, end, newText: '' };
}
