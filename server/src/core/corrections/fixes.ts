/**
 * Edits for the corrected-claim quick fixes. The replacement touches only the words that differ
 * between claim and correction, so the draft's own case, markup and inflection around them stay
 * ("the NATO **classified** networks" → "the NATO **unclassified** networks").
 */
import type { DraftDocument } from '../document.js';
import { sourceRange, type ProseBlock } from '../prose-block.js';
import type { OffsetEdit } from '../types.js';
import { BREAK, tokenize, type Tokens } from '../ledger/tokenize.js';
import { hasMarkup, parseMarkdown } from '../parse-markdown.js';
import { parsePlaintext } from '../parse-plaintext.js';
import { LineIndex } from '../line-index.js';

type Script = 'cjk' | 'arabic' | 'latin' | 'other';
function scriptOf(text: string): Script | undefined {
  for (const ch of text) {
    if (/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/.test(ch)) return 'cjk';
    if (/[\u0600-\u06ff]/.test(ch)) return 'arabic';
    if (/\p{Script=Latin}/u.test(ch)) return 'latin';
    if (/\p{L}/u.test(ch)) return 'other';
  }
  return undefined;
}

/** Would this correction read naturally in place of that text (same writing system)? */
export function sameScript(a: string, b: string): boolean {
  const sa = scriptOf(a);
  const sb = scriptOf(b);
  return sa === undefined || sb === undefined || sa === sb;
}

/** Case of the draft carried over: ALL CAPS stays all caps, a capital first letter stays capital. */
function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function matchCase(draft: string, replacement: string): string {
  if (isShouted(draft)) return replacement.toUpperCase();
  const letters = draft.replace(/[^\p{L}]/gu, '');
  const first = letters[0];
  if (first && first !== first.toLowerCase() && /^\p{Ll}/u.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Minimal edits turning the draft's claim at tokens [from, to) of `block` into `correction`:
 * the common leading and trailing words are kept, only the middle is rewritten.
 */
export function replacementEdits(block: ProseBlock, t: Tokens, from: number, to: number, correction: string, lang: string | undefined): OffsetEdit[] | undefined {
  const c = tokenize(correction, lang);
  let n = c.keys.length;
  while (n > 0 && c.keys[n - 1] === BREAK) n--;
  const m = to - from;
  let p = 0;
  while (p < m && p < n && t.keys[from + p] === c.keys[p]) p++;
  let s = 0;
  while (s < m - p && s < n - p && t.keys[to - 1 - s] === c.keys[n - 1 - s]) s++;
  const dFrom = from + p, dTo = to - s; // draft tokens to rewrite
  const cFrom = p, cTo = n - s; // correction tokens to write
  const src = (a: number, b: number) => sourceRange(block, a, b);
  if (dFrom === dTo && cFrom === cTo) return undefined;
  if (dFrom === dTo) {
    // Insertion: put the correction's extra words before the next kept word (or after the last).
    const shouted = isShouted(block.text.slice(t.start[from], t.end[to - 1]));
    const raw = correction.slice(c.start[cFrom], c.end[cTo - 1]);
    const words = shouted ? raw.toUpperCase() : raw;
    if (dTo < to) {
      const gap = correction.slice(c.end[cTo - 1], c.start[cTo]);
      const at = src(t.start[dTo], t.end[dTo]).start;
      return [{ start: at, end: at, newText: words + gap }];
    }
    const gap = correction.slice(c.end[cFrom - 1], c.start[cFrom]);
    const at = src(t.start[dFrom - 1], t.end[dFrom - 1]).end;
    return [{ start: at, end: at, newText: gap + words }];
  }
  if (cFrom === cTo) {
    // Deletion: drop the words and the space before them (or after, at the start).
    const range = dFrom > from ? src(t.end[dFrom - 1], t.end[dTo - 1]) : src(t.start[dFrom], t.start[dTo]);
    return [{ start: range.start, end: range.end, newText: '' }];
  }
  const draftText = block.text.slice(t.start[dFrom], t.end[dTo - 1]);
  const whole = src(t.start[dFrom], t.end[dTo - 1]);
  const spansMarkup = whole.end - whole.start !== draftText.length;
  if (spansMarkup && dTo - dFrom === cTo - cFrom) {
    // Word for word, so emphasis markers between the words stay where they were.
    const edits: OffsetEdit[] = [];
    for (let k = 0; k < dTo - dFrom; k++) {
      const d = dFrom + k;
      const r = src(t.start[d], t.end[d]);
      const word = correction.slice(c.start[cFrom + k], c.end[cFrom + k]);
      if (t.keys[d] !== c.keys[cFrom + k]) edits.push({ start: r.start, end: r.end, newText: matchCase(block.text.slice(t.start[d], t.end[d]), word) });
    }
    return edits;
  }
  const words = correction.slice(c.start[cFrom], c.end[cTo - 1]);
  return [{ start: whole.start, end: whole.end, newText: matchCase(draftText, words) }];
}

/** Appends a paragraph at the end of the article (before trailing definitions and comments). */
export function appendParagraph(doc: DraftDocument, paragraph: string): OffsetEdit {
  const at = doc.endInsertOffset;
  const before = doc.text.slice(0, at);
  const after = doc.text.slice(at);
  const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  const lead = before.trim() === '' ? '' : /(\r?\n)[ \t]*\r?\n[ \t]*$/.test(before) ? '' : /\n[ \t]*$/.test(before) ? eol : eol + eol;
  const trail = after.trim() ? eol + eol : after === '' ? eol : '';
  return { start: at, end: at, newText: lead + paragraph + trail };
}

export const SUPPRESSION_COMMENT = '<!-- copydesk-disable-next-line corrected-claim -- reported deliberately -->';

/**
 * The suppression comment for a finding at `offset`, placed where it re-parses as intended: on
 * its own line before the finding's line, or — inside a Markdown paragraph, where a comment line
 * would split the paragraph — at the end of the line before. Each placement is checked by
 * parsing the result; none that passes, no fix.
 */
export function suppressionEdit(doc: DraftDocument, block: ProseBlock, offset: number): OffsetEdit | undefined {
  const line = doc.lines.lineOf(offset);
  const lineStart = doc.lines.lineStart(line);
  const lineText = doc.text.slice(lineStart, doc.lines.lineEnd(line));
  const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(lineText)![0];
  const candidates: OffsetEdit[] = [{ start: lineStart, end: lineStart, newText: prefix + SUPPRESSION_COMMENT + eol }];
  if (line > doc.lines.lineOf(block.start)) {
    const prevEnd = doc.lines.lineEnd(line - 1);
    candidates.push({ start: prevEnd, end: prevEnd, newText: ' ' + SUPPRESSION_COMMENT });
  }
  return candidates.find((edit) => survives(doc, block, edit, offset + edit.newText.length));
}

// Only the paragraph's own lines are re-parsed: a comment can only split or swallow the block it
// is put in, and parsing a whole long draft once per finding would make every keystroke slow.
export function survives(doc: DraftDocument, block: ProseBlock, edit: OffsetEdit, shifted: number, fastPath = true): boolean {
  const from = doc.lines.lineStart(doc.lines.lineOf(block.start));
  const to = doc.lines.lineEnd(doc.lines.lineOf(Math.max(block.start, block.end - 1)));
  const known = fastPath ? plainParagraphAnswer(doc, block, edit, from, to) : undefined;
  if (known !== undefined) return known;
  const text = doc.text.slice(from, edit.start) + edit.newText + doc.text.slice(edit.end, to);
  const parts = doc.kind === 'markdown' ? parseMarkdown(text) : parsePlaintext(text, 0);
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (parts.blocks.length !== 1 || flat(parts.blocks[0].text) !== flat(block.text)) return false;
  const lines = new LineIndex(text);
  const comment = parts.comments.find((c) => c.start === edit.start - from + edit.newText.indexOf('<!--'));
  if (!comment) return false;
  let next = lines.lineOf(comment.end) + 1;
  while (next < lines.lineCount - 1 && text.slice(lines.lineStart(next), lines.lineEnd(next)).trim() === '') next++;
  return next === lines.lineOf(shifted - from);
}

/**
 * What parsing would answer for a paragraph whose lines hold no Markdown at all (most findings),
 * without parsing (a remark parse per finding was a sixth of an archive scan): the comment on a
 * line of its own opens an HTML block, which comes before the paragraph when put at its first
 * line and breaks it in two anywhere else (CommonMark lets a `<!--` block interrupt a paragraph);
 * the comment at the end of the previous line is inline, and the paragraph stays whole.
 * Undefined when the lines hold markup: then the parser decides. test/core/ledger/rule.test.ts
 * compares both answers on generated paragraphs.
 */
function plainParagraphAnswer(doc: DraftDocument, block: ProseBlock, edit: OffsetEdit, from: number, to: number): boolean | undefined {
  if (doc.kind !== 'markdown' || block.kind !== 'paragraph' || edit.start !== edit.end || hasMarkup(doc.text.slice(from, to))) return undefined;
  const eol = edit.newText.endsWith('\r\n') ? '\r\n' : '\n';
  if (edit.newText === SUPPRESSION_COMMENT + eol) return edit.start === from;
  if (edit.newText === ' ' + SUPPRESSION_COMMENT) return true;
  return undefined;
}
