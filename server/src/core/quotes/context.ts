import type { ProseBlock } from '../prose-block.js';
import type { RawQuote } from './marks.js';
import { isJoinerCode, isSpaceCode, isWordCode, P, Q, QUOTE_SHIFT, SPACE, tokenize, W, type Top } from './tokens.js';

/**
 * The words around quotations. A paragraph becomes a list of items (words, punctuation and whole
 * top-level quotations) cut into sentences. Quotations are opaque items, so a full stop inside a
 * quote never ends the surrounding sentence, and "Mr." or "U.S." never end one either (the
 * platform's sentence segmenter does both, which would cut `"…," Mr. Smith said` in two).
 */

export interface Item {
  t: 'w' | 'p' | 'q';
  /** Text indices in the block, end exclusive. */
  s: number;
  e: number;
  text: string;
  /** Lower-cased, normalised form used for lexicon look-ups. */
  low: string;
  /** For 'q': index of the quotation. */
  q?: number;
  /** Cue found at this word, cached by the attribution finder (null: none). */
  cue?: unknown;
  /** Whitespace precedes this item. */
  space: boolean;
}

export interface SentenceUnit { block: number; index: number; items: Item[] }

export interface BlockItems {
  block: number;
  sentences: SentenceUnit[];
  /** quotation index → [sentence, item] for quotations with a segment in this block. */
  where: Map<number, [number, number]>;
}

export type Normalise = (word: string) => string;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj',
  'st', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'pres', 'rev', 'hon', 'ave', 'mt', 'ft', 'gov', 'supt', 'dept',
  'approx', 'est', 'fig', 'p', 'pp', 'vol', 'ed', 'm', 'mme', 'mlle', 'bpk', 'ir', 'h', 'drs',
  'del', 'sens', 'reps', 'govs', 'atty', 'pvt', 'cpl', 'ald', 'messrs', 'gens', 'sup',
  // US state abbreviations as news style writes them ("Rep. Jim Jordan (R-Ohio)", "Calif.").
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'vt', 'va', 'wash', 'wis',
  'wyo', 'del', 'wva',
]);
const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？', '؟', '．']);
const SENTENCE_END_SEARCH = /[.!?…。！？؟．]/g;
const CLOSING = new Set([')', ']', '}', '）', '】']);
const isCloser = (ch: string) => CLOSING.has(ch) || SENTENCE_END.has(ch);

/**
 * One sentence of a paragraph: text [start, end), from its first token to its last. Its items are
 * made on first read and kept (they cache their cue look-ups): of a paragraph with a quotation,
 * mostly only the quotation's own sentence is ever read.
 */
export class SentenceSpan {
  private made: Item[] | undefined;
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    /** The first token's flag: whitespace before it. */
    private readonly space: number,
    /** Index in `tops` of the first quotation at or after `start`. */
    private readonly t: number,
    private readonly tops: readonly Top[],
    private readonly cjk: boolean,
    private readonly norm: Normalise,
  ) {}

  get items(): Item[] {
    return (this.made ??= this.make());
  }

  private make(): Item[] {
    const { text } = this;
    const tokens = tokenize(text, this.tops, this.cjk, this.start, this.end, this.space, this.t);
    const items: Item[] = new Array(tokens.length / 3);
    for (let k = 0; k < items.length; k++) {
      const s = tokens[3 * k];
      const e = tokens[3 * k + 1];
      const flags = tokens[3 * k + 2];
      const kind = flags & 3;
      const space = (flags & SPACE) !== 0;
      if (kind === W) {
        const word = text.slice(s, e);
        items[k] = { t: 'w', s, e, text: word, low: this.norm(word), q: undefined, cue: undefined, space };
      } else if (kind === P) {
        items[k] = { t: 'p', s, e, text: text[s], low: text[s], q: undefined, cue: undefined, space };
      } else {
        items[k] = { t: 'q', s, e, text: text.slice(s, e), low: '', q: flags >>> QUOTE_SHIFT, cue: undefined, space };
      }
    }
    return items;
  }
}

/** A block's sentences, and where its top-level quotations stand in them. */
export interface BlockSentences {
  sentences: SentenceSpan[];
  /** quotation index → [sentence, item] for the block's top-level quotations. */
  where: Map<number, [number, number]>;
}

/**
 * Cuts one block into sentences. `tops` are the top-level quotations with a segment in the
 * block, as [quotation index, start, end]; `cjk` switches words to runs between punctuation.
 * Only the sentences that hold a quotation are tokenized here.
 */
export function blockSentences(block: ProseBlock, tops: readonly Top[], cjk: boolean, norm: Normalise, quotes: readonly RawQuote[]): BlockSentences {
  const text = block.text;
  const bounds = cjk ? tokenBounds(text, tops, norm) : scannedBounds(text, tops, quotes, norm);
  const sentences: SentenceSpan[] = [];
  const where = new Map<number, [number, number]>();
  let t = 0;
  for (let k = 0; k < bounds.length; k += 3) {
    const start = bounds[k];
    const end = bounds[k + 1];
    const first = t;
    while (t < tops.length && tops[t][1] < end) t++;
    const span = new SentenceSpan(text, start, end, bounds[k + 2], first, tops, cjk, norm);
    if (t > first) span.items.forEach((it, index) => { if (it.t === 'q') where.set(it.q!, [sentences.length, index]); });
    sentences.push(span);
  }
  return { sentences, where };
}

/**
 * Splits one block into sentence units with all their items (blockSentences makes them only on
 * demand).
 */
export function blockItems(block: ProseBlock, blockIndex: number, tops: readonly Top[], cjk: boolean, norm: Normalise, quotes: readonly RawQuote[]): BlockItems {
  const { sentences, where } = blockSentences(block, tops, cjk, norm, quotes);
  return { block: blockIndex, sentences: sentences.map((s, index) => ({ block: blockIndex, index, items: s.items })), where };
}

/**
 * Sentences of a paragraph as [start, end, first token's flags] triples, from all its tokens. CJK
 * paragraphs are cut this way; scannedBounds cuts spaced scripts the same way without tokenizing.
 */
function tokenBounds(text: string, tops: readonly Top[], norm: Normalise): number[] {
  const tokens = tokenize(text, tops, true);
  const count = tokens.length / 3;
  const kindOf = (k: number) => tokens[3 * k + 2] & 3;
  const charOf = (k: number) => text[tokens[3 * k]];
  const out: number[] = [];
  let from = 0;
  const flush = (to: number) => {
    if (to > from) out.push(tokens[3 * from], tokens[3 * to - 2], tokens[3 * from + 2] & SPACE);
    from = to;
  };
  let runEnd = -1;
  for (let k = 0; k < count; k++) {
    if (kindOf(k) !== P || !SENTENCE_END.has(charOf(k))) continue;
    // A CJK sentence mark always ends a sentence; a full stop as in spaced scripts.
    let boundary = charOf(k) !== '.';
    if (!boundary) {
      // Past the closers that follow, found once per run of them (see scannedBounds).
      let m = runEnd;
      if (m <= k) {
        m = k + 1;
        while (m < count && kindOf(m) === P && isCloser(charOf(m))) m++;
        runEnd = m;
      }
      const prevWord = k > 0 && kindOf(k - 1) === W && tokens[3 * k - 2] === tokens[3 * k] ? text.slice(tokens[3 * k - 3], tokens[3 * k]) : undefined;
      boundary = m === count || (((tokens[3 * m + 2] & SPACE) !== 0 || kindOf(m) === Q)
        && !(prevWord !== undefined && abbreviated(prevWord, norm))
        && startsSentence(text, kindOf(m), tokens[3 * m]));
    }
    if (boundary) {
      while (k + 1 < count && kindOf(k + 1) === P && isCloser(charOf(k + 1))) k++;
      flush(k + 1);
    }
  }
  flush(count);
  return out;
}

/**
 * The same sentences as tokenBounds would cut in a spaced script, found by searching for sentence
 * marks and reading only the characters around each one and each quotation: most of a paragraph
 * is never tokenized. (test/core/quotes/context.test.ts checks both against the previous tokenizer.)
 */
function scannedBounds(text: string, tops: readonly Top[], quotes: readonly RawQuote[], norm: Normalise): number[] {
  const n = text.length;
  const out: number[] = [];
  /** Index of the next quotation not yet passed, and where the last one passed ended. */
  let t = 0;
  let topsEnd = 0;
  const topAt = (i: number) => t < tops.length && tops[t][1] === i;

  /** The next token at or after `i`: [start, kind, SPACE if whitespace comes before it]; start n if none. */
  const next = (i: number): [number, number, number] => {
    let space = 0;
    while (i < n && !topAt(i) && isSpaceCode(text.charCodeAt(i))) { i++; space = SPACE; }
    if (i >= n) return [n, P, space];
    return [i, topAt(i) ? Q : isWordCode(text.charCodeAt(i)) ? W : P, space];
  };
  /** Past the closing punctuation (and whitespace) after a sentence's end at `end`. */
  const absorb = (end: number) => {
    for (;;) {
      const [at, kind] = next(end);
      if (at >= n || kind !== P || !isCloser(text[at])) return end;
      end = at + 1;
    }
  };

  let start = next(0)[0];
  let space = SPACE;
  /** Ends the current sentence at `end` (and the closers after it); returns where it ended. */
  const cut = (end: number) => {
    end = absorb(end);
    out.push(start, end, space);
    [start, , space] = next(end);
    return end;
  };

  let mark = -1;
  let pos = 0;
  let after: [number, number, number] = [-1, P, 0];
  while (start < n) {
    if (mark < pos) {
      SENTENCE_END_SEARCH.lastIndex = pos;
      mark = SENTENCE_END_SEARCH.exec(text)?.index ?? n;
    }
    const top = t < tops.length ? tops[t] : undefined;
    if (top && top[1] < mark) {
      // A quotation ends its sentence when its words end with a sentence mark and whitespace and
      // a capital (or the like) follow.
      const [, s, e] = top;
      t++;
      topsEnd = e;
      pos = e;
      const q = quotes[top[0]];
      if (!q.segments[q.segments.length - 1].closed || !endsWithSentenceEnd(text, s, e)) continue;
      const [at, kind, before] = next(e);
      if (at < n && before !== 0 && startsSentence(text, kind, at)) pos = cut(e);
      continue;
    }
    if (mark >= n) break;
    const p = mark;
    pos = p + 1;
    // A full stop between word characters is part of the word (U.S, 3.5), not a sentence mark.
    const afterWord = p > topsEnd && isWordCode(text.charCodeAt(p - 1));
    if (text[p] === '.' && afterWord && p + 1 < n && isWordCode(text.charCodeAt(p + 1))) continue;
    // The token after the closers that follow: every mark of one run of closers looks past the
    // run to the same token, so it is found once per run (100,000 "!" must not be read again
    // from each of them).
    if (after[0] <= p) {
      after = next(p + 1);
      while (after[0] < n && after[1] === P && isCloser(text[after[0]])) after = next(after[0] + 1);
    }
    const [at, kind, before] = after;
    const ends = at >= n || ((before !== 0 || kind === Q)
      && !(text[p] === '.' && afterWord && abbreviated(text.slice(wordStart(text, p, topsEnd), p), norm))
      && startsSentence(text, kind, at));
    if (ends) pos = cut(p + 1);
  }
  if (start < n) {
    // The last sentence runs to its last token: whitespace after the last quotation is no token.
    let end = n;
    while (end > topsEnd && end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    out.push(start, end, space);
  }
  return out;
}

/** Where the word that ends at `end` begins (not before `floor`, the end of a quotation). */
function wordStart(text: string, end: number, floor: number): number {
  let j = end - 1;
  while (j > floor) {
    const c = text.charCodeAt(j - 1);
    if (isWordCode(c)) j--;
    else if (isJoinerCode(c) && j - 2 >= floor && isWordCode(text.charCodeAt(j - 2))) j -= 2;
    else break;
  }
  return j;
}

/** A word before a full stop that does not end a sentence: Mr., Calif., J., U.S. */
function abbreviated(word: string, norm: Normalise): boolean {
  return ABBREVIATIONS.has(norm(word).replace(/\./g, '')) || (word.length === 1 && /\p{Lu}/u.test(word)) || word.includes('.');
}

// Trailing whitespace and quotation marks, as /[\s"'“”‘’«»‹›„‚「」『』]+$/u strips them.
const TRAILING = /[\s"'“”‘’«»‹›„‚「」『』]/u;
/** Per code unit: 1 stripped, 2 not, 0 not yet known (decided by TRAILING on first sight). */
const TRAILING_CODES = new Uint8Array(0x10000);
function isTrailing(c: number): boolean {
  let k = TRAILING_CODES[c];
  if (k === 0) TRAILING_CODES[c] = k = TRAILING.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** A quotation [s, e) whose words, without trailing spaces and marks, end with a sentence end. */
function endsWithSentenceEnd(text: string, s: number, e: number): boolean {
  let j = e - 1;
  while (j >= s && isTrailing(text.charCodeAt(j))) j--;
  return j >= s && SENTENCE_END.has(text[j]);
}

/** The token of `kind` at `at` can open a sentence: a quotation, a capital, a digit, a caseless letter. */
function startsSentence(text: string, kind: number, at: number): boolean {
  if (kind === Q) return true;
  const c = text[at];
  if (kind === P) return c === '(' || c === '—' || c === '–';
  // Upper case, a digit, or a script without case (Arabic, CJK).
  return c !== c.toLowerCase() || /\p{N}/u.test(c) || (c.toLowerCase() === c.toUpperCase() && /\p{L}/u.test(c));
}

/** Text of a run of items, as written (for speakers and cues). */
export function itemsText(block: ProseBlock, items: readonly Item[]): string {
  if (!items.length) return '';
  return block.text.slice(items[0].s, items[items.length - 1].e).replace(/\s+/g, ' ');
}
