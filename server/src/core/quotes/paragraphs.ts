import type { DraftDocument } from '../document.js';
import { sourceAt, type ProseBlock } from '../prose-block.js';

/**
 * The paragraphs quotes are read in. Markdown paragraphs are the parser's. Plain-text drafts often
 * put one paragraph per line with no blank line between (wire copy, CMS exports), so there a line
 * break after a sentence end, followed by a capital, digit or quotation mark, also starts a
 * paragraph; a hard-wrapped line that ends mid-sentence does not.
 */
export function paragraphsOf(doc: DraftDocument): ProseBlock[] {
  if (doc.kind !== 'plaintext') return doc.blocks;
  const out: ProseBlock[] = [];
  for (const b of doc.blocks) {
    let from = 0;
    const text = b.text;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      let p = i - 1;
      while (p >= from && (text[p] === ' ' || text[p] === '\t' || text[p] === '\r')) p--;
      let n = i + 1;
      while (n < text.length && /\s/.test(text[n])) n++;
      if (p < from || n >= text.length) continue;
      const ends = /[.!?:。！？؟"”’»)」]/.test(text[p]);
      const starts = /[\p{Lu}\p{N}"“‘«「『\u0600-\u06ff\u3040-\u30ff\u3400-\u9fff]/u.test(text[n]);
      if (ends && starts) {
        out.push(slice(b, from, p + 1, out.length));
        from = n;
      }
    }
    let end = text.length;
    while (end > from && /\s/.test(text[end - 1])) end--;
    if (end > from) out.push(slice(b, from, end, out.length));
  }
  return out;
}

function slice(b: ProseBlock, from: number, to: number, index: number): ProseBlock {
  if (from === 0 && to === b.text.length) return { ...b, index };
  const start = sourceAt(b, from);
  const end = sourceAt(b, to - 1) + 1;
  const text = b.text.slice(from, to);
  if (!b.offsets) return { ...b, index, start, end, text, base: b.base + from };
  const offsets = new Int32Array(to - from + 1);
  offsets.set(b.offsets.subarray(from, to));
  offsets[to - from] = b.offsets[to - 1] + 1;
  return { ...b, index, start, end, text, offsets };
}
