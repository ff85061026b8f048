import type { ProseBlock } from '../prose-block.js';
import type { QuoteFamily } from './types.js';

/**
 * Pairs quotation marks into quotations, one linear pass per prose block. A stack of open marks
 * is kept; straight quotes and curly apostrophes are told apart by what surrounds them (the
 * "flanking" test CommonMark uses for smart punctuation). State never survives a paragraph except
 * for the newsroom convention of multi-paragraph quotes (each paragraph reopens, only the last
 * closes), so one missing mark cannot cascade through the rest of the draft.
 */

export interface RawSegment {
  block: number;
  /** Text index of the opening mark. */
  open: number;
  /** Text index just after the closing mark, or the end of the paragraph's text when unclosed. */
  end: number;
  closed: boolean;
}

export interface RawQuote {
  family: QuoteFamily;
  openMark: string;
  closeMark?: string;
  segments: RawSegment[];
  depth: number;
  parent?: number;
  unclosed: boolean;
}

export interface RawStray { block: number; at: number; mark: string }

interface Open { q: number; mark: string; family: QuoteFamily }

const FAMILY: Record<string, QuoteFamily> = {
  '"': 'double', '“': 'double', '”': 'double', '„': 'double', '‟': 'double', '＂': 'double',
  "'": 'single', '‘': 'single', '’': 'single', '‚': 'single',
  '«': 'guillemet', '»': 'guillemet', '‹': 'single-guillemet', '›': 'single-guillemet',
  '「': 'corner', '」': 'corner', '『': 'white-corner', '』': 'white-corner',
  '〝': 'double-prime', '〞': 'double-prime', '〟': 'double-prime',
};

/** Which closing marks end a quotation opened by each mark (German „…“, Swedish ”…”, Danish »…«). */
const CLOSERS: Record<string, string> = {
  '"': '"”', '“': '”"“', '„': '“”', '‟': '”"', '”': '”', '＂': '＂',
  "'": "'’", '‘': '’\'', '‚': '‘’',
  '«': '»', '»': '«', '‹': '›', '›': '‹',
  '「': '」', '『': '』', '〝': '〞〟',
};

const OPEN_CONTEXT = new Set('([{—–-/\u00a0\u202f:'.split('').concat(Object.keys(FAMILY)));
const CLOSE_CONTEXT = new Set(').,;:!?]}—–-…/\u00a0\u202f،؛؟。、，！？'.split('').concat(Object.keys(FAMILY)));
const ELISION = /^(?:\d|em\b|til\b|tis\b|twas\b|cause\b|n\b|bout\b|round\b|nuff\b)/i;

const MARK = /["'“”‘’„‟＂‚«»‹›「」『』〝〞〟]/g;
const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}\uFFFC]/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

export function isQuoteMark(ch: string): boolean {
  return ch in FAMILY;
}

export interface PairResult { quotes: RawQuote[]; strays: RawStray[] }

/** Pairs the marks of all blocks. Quotes are returned in document order of their opening mark. */
export function pairQuotes(blocks: readonly ProseBlock[]): PairResult {
  const quotes: Array<RawQuote & { dropped?: boolean }> = [];
  const strays: RawStray[] = [];
  let pending: Open | undefined;

  // The paragraph being read; the helpers below are made once, not per paragraph (this runs on
  // every keystroke).
  let b = 0;
  let text = '';
  const stack: Open[] = [];
  const open = (at: number, mark: string) => {
    const parent = stack.length ? stack[stack.length - 1].q : undefined;
    quotes.push({ family: FAMILY[mark], openMark: mark, segments: [{ block: b, open: at, end: text.length, closed: false }], depth: stack.length, parent, unclosed: false });
    stack.push({ q: quotes.length - 1, mark, family: FAMILY[mark] });
  };
  const close = (k: number, at: number, mark: string) => {
    for (let j = stack.length - 1; j > k; j--) quotes[stack[j].q].dropped = true;
    const q = quotes[stack[k].q];
    const seg = q.segments[q.segments.length - 1];
    seg.end = at + 1;
    seg.closed = true;
    q.closeMark = mark;
    stack.length = k;
  };
  /** Nearest open mark that `mark` can close; singles never close across a stronger mark. */
  const find = (mark: string, singlesOnly: boolean): number => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (CLOSERS[stack[k].mark].includes(mark)) return k;
      if (singlesOnly && stack[k].family !== 'single') return -1;
    }
    return -1;
  };

  for (b = 0; b < blocks.length; b++) {
    text = blocks[b].text;
    stack.length = 0;
    let i = 0;
    while (i < text.length && isSpace(text[i])) i++;
    if (pending) {
      const prev = blocks[b - 1];
      const ch = text[i];
      const continues = ch !== undefined && blocks[b].kind === 'paragraph' && prev.kind === 'paragraph' &&
        blocks[b].blockquoteDepth === prev.blockquoteDepth && FAMILY[ch] === pending.family &&
        (ch === pending.mark || !CLOSERS[pending.mark].includes(ch));
      const q = quotes[pending.q];
      if (continues) {
        q.segments.push({ block: b, open: i, end: text.length, closed: false });
        stack.push(pending);
        i++;
      } else {
        q.unclosed = true;
      }
      pending = undefined;
    }
    // Jump from mark to mark: most characters of a draft are not quotation marks, and most
    // paragraphs have none at all (test, not exec: no match object per mark).
    MARK.lastIndex = i;
    while (MARK.test(text)) {
      i = MARK.lastIndex - 1;
      const ch = text[i];
      const prev = i > 0 ? text[i - 1] : undefined;
      const next = text[i + 1];
      const left = !isSpace(next) && (isSpace(prev) || OPEN_CONTEXT.has(prev!));
      const right = !isSpace(prev) && (isSpace(next) || CLOSE_CONTEXT.has(next!));
      let k: number;
      switch (ch) {
        case '"': case '＂':
          if ((k = stack.findLastIndex((o) => o.mark === ch)) >= 0) close(k, i, ch);
          else if (left) open(i, ch);
          else if (isDigit(prev)) { /* inch mark */ }
          else if (right && (k = find(ch, false)) >= 0) close(k, i, ch);
          break;
        case '“':
          // „…“ closes with it; so does a slip like “Mostly False.“ (right-flanking, a double open).
          if ((k = find(ch, false)) >= 0 && (stack[k].mark === '„' || (right && !left))) close(k, i, ch);
          else open(i, ch);
          break;
        case '”':
          if ((k = find(ch, false)) >= 0) close(k, i, ch);
          else if (left && !right) open(i, ch);
          else strays.push({ block: b, at: i, mark: ch });
          break;
        case '„': case '‟': case '〝': case '「': case '『': case '«': case '‹':
          if ((ch === '«' || ch === '‹') && (k = find(ch, false)) >= 0) close(k, i, ch);
          else open(i, ch);
          break;
        case '»': case '›':
          if ((k = find(ch, false)) >= 0) close(k, i, ch);
          else if (left && !right) open(i, ch);
          else strays.push({ block: b, at: i, mark: ch });
          break;
        case '」': case '』': case '〞': case '〟':
          if ((k = find(ch, false)) >= 0) close(k, i, ch);
          else strays.push({ block: b, at: i, mark: ch });
          break;
        case '‘':
          if ((k = find(ch, true)) >= 0 && stack[k].mark === '‚') close(k, i, ch);
          else if (left && !isDigit(next)) open(i, ch);
          break;
        case '‚':
          if (left) open(i, ch);
          break;
        case '’': case "'":
          if (isWord(prev) && isWord(next)) break; // don't, Jakarta's
          if ((k = find(ch, true)) >= 0 && right) close(k, i, ch);
          else if (ch === "'" && left && !ELISION.test(text.slice(i + 1, i + 6))) open(i, ch);
          break;
      }
    }

    // Singles and nested marks left open were apostrophes or slips: forget them. A top-level
    // quotation left open either continues in the next paragraph or is reported as unclosed.
    for (let j = stack.length - 1; j >= 0; j--) {
      const o = stack[j];
      const q = quotes[o.q];
      if (o.family === 'single' || q.depth > 0) { q.dropped = true; continue; }
      let end = text.length;
      while (end > 0 && isSpace(text[end - 1])) end--;
      q.segments[q.segments.length - 1].end = end;
      if (b + 1 < blocks.length) pending = o;
      else q.unclosed = true;
    }
  }
  return { quotes: compact(quotes), strays };
}

/** Removes dropped quotes (and their descendants) and renumbers parents. */
function compact(all: Array<RawQuote & { dropped?: boolean }>): RawQuote[] {
  if (!all.some((q) => q.dropped)) return all;
  const map = new Int32Array(all.length).fill(-1);
  const out: RawQuote[] = [];
  for (let i = 0; i < all.length; i++) {
    const q = all[i];
    if (q.dropped || (q.parent !== undefined && map[q.parent] < 0)) continue;
    map[i] = out.length;
    const { dropped: _d, ...rest } = q;
    out.push({ ...rest, parent: q.parent === undefined ? undefined : map[q.parent] });
  }
  return out;
}
