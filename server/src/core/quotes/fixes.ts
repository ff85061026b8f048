import type { DraftDocument } from '../document.js';
import type { OffsetEdit } from '../types.js';
import type { AttributionStyle } from './lexicon.js';
import type { QuotationAnalysis } from './types.js';

/**
 * Edits for the rule's quick fixes. An attribution goes right after the closing mark, in the
 * draft language's newsroom form, and the punctuation around it is kept correct:
 *   "We will win."        → "We will win," Name said.        (comma inside: en, id)
 *   « Nous gagnerons. »   → « Nous gagnerons », a déclaré Name.
 *   “我们会赢。”            → “我们会赢”，Name表示。
 *   「勝つ」。             → 「勝つ」と田中は述べた。
 * The "Not a quote" fix uses the engine's suppressionInsertion (suppressions.ts), which knows
 * where a comment may go in Markdown without splitting or swallowing a paragraph.
 */

const FINAL = /[.。．]/;
const ASK = /[!?！？؟…]/;
const SENTENCE_END = /[.!?。！？؟．]/;
const INNER_SPACE = /[\s\u00a0\u202f]/;

export function attributionEdits(doc: DraftDocument, q: QuotationAnalysis, style: AttributionStyle, name: string): OffsetEdit[] | undefined {
  if (!q.closeRange) return undefined;
  const text = doc.text;
  const close = q.closeRange.start;
  const after = q.closeRange.end;
  let k = close - 1;
  while (k > q.range.start && INNER_SPACE.test(text[k])) k--;
  const inner = text[k];
  const next = text[after];
  const clause = style.clause(name);
  const edits: OffsetEdit[] = [];
  const atEnd = next === undefined || next === '\n' || next === '\r' || (INNER_SPACE.test(next) && /^\s*(?:\n|$)/.test(text.slice(after, after + 200)));
  const join = style.comma === 'と' ? 'と' : style.comma + (style.comma === '，' ? '' : ' ');

  if (style.comma === 'と') {
    if (FINAL.test(inner)) edits.push({ start: k, end: k + 1, newText: '' });
    edits.push({ start: after, end: after, newText: `と${clause}${next === '。' ? '' : style.stop}` });
    return edits;
  }
  if (FINAL.test(inner) || ASK.test(inner)) {
    const keep = ASK.test(inner);
    if (style.commaInside) {
      if (!keep) edits.push({ start: k, end: k + 1, newText: style.comma });
      edits.push({ start: after, end: after, newText: ` ${clause}${style.stop}` });
    } else {
      if (!keep) edits.push({ start: k, end: k + 1, newText: '' });
      edits.push({ start: after, end: after, newText: `${join}${clause}${style.stop}` });
    }
    return edits;
  }
  if (/[,，،;]/.test(inner)) {
    edits.push({ start: after, end: after, newText: ` ${clause}${atEnd ? style.stop : style.comma}` });
    return edits;
  }
  // No punctuation inside: the quote ends a sentence, precedes a comma, or sits mid-sentence.
  const ending = next !== undefined && SENTENCE_END.test(next);
  const tail = ending || atEnd ? (ending ? '' : style.stop) : (next === ',' || next === '，' || next === '،' ? '' : style.comma);
  if (style.commaInside) {
    edits.push({ start: close, end: close, newText: style.comma });
    edits.push({ start: after, end: after, newText: ` ${clause}${tail}` });
  } else {
    edits.push({ start: after, end: after, newText: `${join}${clause}${tail}` });
  }
  return edits;
}
