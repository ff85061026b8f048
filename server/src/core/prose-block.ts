/**
 * A prose block is the text a reader reads (a paragraph, heading or table cell) with inline
 * markup removed and code, HTML and URLs replaced, plus a map back to source offsets so that
 * every finding lands on the exact characters of the draft.
 */
export type BlockKind = 'heading' | 'paragraph' | 'tableCell';

/** Stands in for inline code, inline HTML and images: one character, never a word or quote mark. */
export const PLACEHOLDER = '\uFFFC';

export interface ProseBlock {
  kind: BlockKind;
  /** Position of the block among the document's prose blocks. */
  index: number;
  /** Source offsets of the whole block (end exclusive). */
  start: number;
  end: number;
  /** Prose text as read. */
  text: string;
  /**
   * text[i] stands at source offset `base + offsets[i]` (offsets[text.length] is the block's end);
   * without `offsets` the text is the source itself, at `base + i`. Read through sourceAt.
   */
  base: number;
  offsets?: Int32Array;
  /** Nesting: inside a blockquote (depth) or a list item. */
  blockquoteDepth: number;
  inList: boolean;
  /** Heading depth (1–6) for headings. */
  depth?: number;
}

/** Source range for prose text [from, to). */
export function sourceRange(block: ProseBlock, from: number, to: number): { start: number; end: number } {
  const start = sourceAt(block, from);
  const end = to > from ? sourceAt(block, to - 1) + 1 : start;
  return { start, end };
}

/** Source offset of the block's text[i] (i = text.length: the block's end). */
export function sourceAt(block: ProseBlock, i: number): number {
  return block.base + (block.offsets ? block.offsets[i] : i);
}

const CHAR_REF = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/** Builds a block's text and offset map piece by piece. */
export class ProseBuilder {
  private parts: string[] = [];
  private map: number[] = [];

  get length(): number { return this.map.length; }

  /** Adds `value` whose characters come from `source` starting at `from`, skipping markup between them; returns where the search stopped. */
  addAligned(value: string, source: string, from: number, to: number): number {
    let s = from;
    let refAt = -1;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      // A character reference (&eacute; &#x201C;) decodes to a character that is not in the source:
      // it maps to the reference's "&". Searching for the character instead would jump to a later
      // occurrence of it (café … résumé) and misplace everything after.
      if (refAt >= 0 && /[\uDC00-\uDFFF]/.test(ch) && /[\uD800-\uDBFF]/.test(value[i - 1])) {
        this.map.push(refAt); this.parts.push(ch); continue;
      }
      refAt = -1;
      let k = s;
      while (k < to && source[k] !== ch && (source[k] === '>' || source[k] === ' ' || source[k] === '\t')) k++;
      if (source[k] === '&') {
        CHAR_REF.lastIndex = k;
        const ref = CHAR_REF.exec(source);
        if (ref && k + ref[0].length <= to && (ch !== '&' || /^&(amp|#0*38|#x0*26);$/i.test(ref[0]))) {
          refAt = k;
          this.map.push(k); this.parts.push(ch);
          s = k + ref[0].length;
          continue;
        }
      }
      let found = -1;
      // Find the character in the source; skips escapes, blockquote markers and indentation.
      for (let k = s; k < to && k < s + 64; k++) {
        if (source[k] === ch) { found = k; break; }
      }
      if (found < 0) {
        this.map.push(Math.min(s, to > from ? to - 1 : from));
      } else {
        this.map.push(found);
        s = found + 1;
      }
      this.parts.push(ch);
    }
    return s;
  }

  addPlaceholder(at: number): void {
    this.parts.push(PLACEHOLDER);
    this.map.push(at);
  }

  addChar(ch: string, at: number): void {
    this.parts.push(ch);
    this.map.push(at);
  }

  build(kind: BlockKind, index: number, start: number, end: number, extra: Partial<ProseBlock>): ProseBlock {
    const offsets = new Int32Array(this.map.length + 1);
    offsets.set(this.map);
    offsets[this.map.length] = end;
    return {
      kind, index, start, end,
      text: this.parts.join(''),
      base: 0,
      offsets,
      blockquoteDepth: extra.blockquoteDepth ?? 0,
      inList: extra.inList ?? false,
      depth: extra.depth,
    };
  }
}
