import type { DraftDocument, DirectiveComment } from './document.js';
import type { Report } from './types.js';
import { lineBreakNear, lineStartOf } from './text-utils.js';
import { english, type Translate } from './l10n.js';

/**
 * Inline suppressions, as comments in the draft:
 *   <!-- copydesk-disable-next-line RULE[, RULE] -- reason -->   the next non-blank line
 *   <!-- copydesk-disable RULE -- reason --> … <!-- copydesk-enable RULE -->   a stretch
 * No rule id means every rule. The same comments work in plain-text drafts.
 */
export interface Suppression {
  comment: DirectiveComment;
  rules: string[] | 'all';
  reason?: string;
  /** Source offsets covered. */
  from: number;
  to: number;
  /** Set when a finding was suppressed by it. */
  used: boolean;
}

const DIRECTIVE = /^copydesk-(disable-next-line|disable|enable)\b\s*([\s\S]*)$/;

export function parseSuppressions(doc: DraftDocument, knownRules: ReadonlySet<string>, t: Translate = english): { suppressions: Suppression[]; problems: Report[] } {
  const suppressions: Suppression[] = [];
  const problems: Report[] = [];
  const open = new Map<string, Suppression>(); // rule id or '*' → stretch being built
  for (const comment of doc.comments) {
    if (!comment.body.startsWith('copydesk-')) continue;
    const m = DIRECTIVE.exec(comment.body);
    if (!m) {
      problems.push({ start: comment.start, end: comment.end, message: t('Unknown Copydesk directive "{0}". Use copydesk-disable-next-line, copydesk-disable or copydesk-enable.', comment.body.split(/\s/)[0]) });
      continue;
    }
    const [, kind, rest] = m;
    const sep = rest.indexOf('--');
    const list = (sep >= 0 ? rest.slice(0, sep) : rest).split(/[\s,]+/).filter(Boolean);
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() || undefined : undefined;
    const unknown = list.filter((id) => !knownRules.has(id));
    if (unknown.length) {
      problems.push({ start: comment.start, end: comment.end, message: t('Unknown rule {0} in a Copydesk comment. Known rules: {1}.', unknown.map((u) => `"${u}"`).join(', '), [...knownRules].join(', ')) });
    }
    const rules: string[] | 'all' = list.length ? list.filter((id) => knownRules.has(id)) : 'all';
    if (rules !== 'all' && rules.length === 0) continue;
    if (kind === 'disable-next-line') {
      const line = nextNonBlankLine(doc, doc.lines.lineOf(comment.end) + 1);
      suppressions.push({ comment, rules, reason, from: doc.lines.lineStart(line), to: doc.lines.lineEnd(line), used: false });
    } else if (kind === 'disable') {
      // One stretch per rule: `copydesk-enable B` after `copydesk-disable A, B` must leave A disabled.
      for (const id of rules === 'all' ? ['*'] : rules) {
        const s: Suppression = { comment, rules: id === '*' ? 'all' : [id], reason, from: comment.end, to: doc.text.length, used: false };
        suppressions.push(s);
        open.set(id, s);
      }
    } else {
      for (const id of rules === 'all' ? [...open.keys()] : rules) {
        const own = open.get(id);
        if (own) { own.to = Math.min(own.to, comment.start); open.delete(id); continue; }
        // `enable R` inside a `disable` of every rule: the others stay disabled from here on.
        const all = open.get('*');
        if (!all) continue;
        all.to = Math.min(all.to, comment.start);
        open.delete('*');
        for (const other of knownRules) {
          if (other === id || open.has(other) || (rules !== 'all' && rules.includes(other))) continue;
          const s: Suppression = { comment: all.comment, rules: [other], reason: all.reason, from: comment.end, to: doc.text.length, used: false };
          suppressions.push(s);
          open.set(other, s);
        }
      }
    }
  }
  return { suppressions, problems };
}

function nextNonBlankLine(doc: DraftDocument, line: number): number {
  let l = line;
  while (l < doc.lines.lineCount - 1 && doc.text.slice(doc.lines.lineStart(l), doc.lines.lineEnd(l)).trim() === '') l++;
  return l;
}

/** The suppression that silences a finding of `rule` starting at `offset`, if any. */
export function suppressionFor(suppressions: Suppression[], rule: string, offset: number): Suppression | undefined {
  return suppressions.find((s) => (s.rules === 'all' || s.rules.includes(rule)) && offset >= s.from && offset <= s.to);
}

/**
 * The edit that silences `rule` for the line holding `offset`. In Markdown a comment line in the
 * middle of a paragraph would split it (an HTML comment line interrupts a paragraph), so there the
 * comment goes at the end of the previous line, where it is inline HTML and changes nothing else.
 */
export function suppressionInsertion(doc: DraftDocument, offset: number, rule: string, reason: string): { start: number; end: number; newText: string } {
  const text = doc.text;
  const lineStart = lineStartOf(text, offset);
  const comment = `<!-- copydesk-disable-next-line ${rule} -- ${reason.replace(/-->/g, '')} -->`;
  const block = doc.blocks.find((b) => b.start < lineStart && offset < b.end);
  if (doc.kind === 'markdown' && block) {
    let prevEnd = lineStart - 1;
    if (text[prevEnd] === '\n' && text[prevEnd - 1] === '\r') prevEnd--;
    // Before the line's trailing spaces or backslash, which may be a hard line break; and with no
    // space of its own, which would become part of the prose.
    while (prevEnd > 0 && (text[prevEnd - 1] === ' ' || text[prevEnd - 1] === '\t')) prevEnd--;
    if (text[prevEnd - 1] === '\\') prevEnd--;
    return { start: prevEnd, end: prevEnd, newText: comment };
  }
  const indent = /^[ \t]*(?:>[ \t]?)*/.exec(text.slice(lineStart, offset + 1))?.[0] ?? '';
  return { start: lineStart, end: lineStart, newText: `${indent}${comment}${lineBreakNear(text, lineStart)}` };
}
