// Frozen copy of server/src/core/quotes/context.ts before the character-code tokenizer (this
// session): blockItems must split paragraphs exactly as this did (test/core/quotes/context.test.ts).
import type { ProseBlock } from '../../../../server/src/core/prose-block.js';
import type { RawQuote } from '../../../../server/src/core/quotes/marks.js';

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
const CLOSING = new Set([')', ']', '}', '）', '】']);
const WORD_RE = /[\p{L}\p{M}\p{N}\uFFFC]/u;
/** Letter, mark, digit or placeholder; ASCII is decided without the Unicode regex. */
const WORD = { test(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_RE.test(ch);
} };
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/**
 * Splits one block into sentence units. `tops` are the top-level quotations with a segment in the
 * block, as [quotation index, start, end]; `cjk` switches words to runs between punctuation.
 */
export function blockItems(block: ProseBlock, blockIndex: number, tops: Array<[number, number, number]>, cjk: boolean, norm: Normalise, quotes: readonly RawQuote[]): BlockItems {
  const text = block.text;
  const items: Item[] = [];
  let t = 0;
  let space = true;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (t < tops.length && tops[t][1] === i) {
      const [q, s, e] = tops[t++];
      items.push({ t: 'q', s, e, text: text.slice(s, e), low: '', q, space });
      i = e;
      space = false;
      continue;
    }
    const ch = text[i];
    // Editorial brackets ([Name], [sic]) are read as spaces: they never carry attribution.
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\u00a0' || ch === '\u202f' || ch === '\r' || ch === '[' || ch === ']') { space = true; i++; continue; }
    const limit = t < tops.length ? tops[t][1] : n;
    if (WORD.test(ch)) {
      let j = i + 1;
      if (cjk) {
        while (j < limit && (WORD.test(text[j]) || (text[j] === ' ' && j + 1 < limit && !CJK.test(text[j + 1]) && !CJK.test(text[j - 1])))) j++;
      } else {
        // Keep don't, Jakarta's, so-called, a-t-il, U.S and 3.5 in one word.
        while (j < limit && (WORD.test(text[j]) || ("'’-.".includes(text[j]) && WORD.test(text[j + 1] ?? '')))) j++;
      }
      const word = text.slice(i, j);
      items.push({ t: 'w', s: i, e: j, text: word, low: norm(word), space });
    } else {
      items.push({ t: 'p', s: i, e: i + 1, text: ch, low: ch, space });
      i++;
      space = false;
      continue;
    }
    i = items[items.length - 1].e;
    space = false;
  }

  const sentences: SentenceUnit[] = [];
  let current: Item[] = [];
  const flush = () => { if (current.length) sentences.push({ block: blockIndex, index: sentences.length, items: current }); current = []; };
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    current.push(it);
    let boundary = false;
    if (it.t === 'p' && SENTENCE_END.has(it.text)) {
      boundary = endsHere(items, k, cjk);
    } else if (it.t === 'q' && !cjk) {
      const q = quotes[it.q!];
      const last = q.segments[q.segments.length - 1];
      const inner = text.slice(it.s, it.e).replace(/[\s"'“”‘’«»‹›„‚「」『』]+$/u, '');
      const next = items[k + 1];
      boundary = last.closed && SENTENCE_END.has(inner[inner.length - 1]) && next !== undefined && next.space && startsSentence(next);
    }
    if (boundary) {
      while (k + 1 < items.length && items[k + 1].t === 'p' && (CLOSING.has(items[k + 1].text) || SENTENCE_END.has(items[k + 1].text))) current.push(items[++k]);
      flush();
    }
  }
  flush();

  const where = new Map<number, [number, number]>();
  sentences.forEach((s, si) => s.items.forEach((it, ii) => { if (it.t === 'q') where.set(it.q!, [si, ii]); }));
  return { block: blockIndex, sentences, where };
}

function startsSentence(it: Item): boolean {
  if (it.t === 'q') return true;
  if (it.t === 'p') return it.text === '(' || it.text === '—' || it.text === '–';
  const c = it.text[0];
  // Upper case, a digit, or a script without case (Arabic, CJK).
  return c !== c.toLowerCase() || /\p{N}/u.test(c) || (c.toLowerCase() === c.toUpperCase() && /\p{L}/u.test(c));
}

function endsHere(items: Item[], k: number, cjk: boolean): boolean {
  const it = items[k];
  if (cjk && it.text !== '.') return true;
  let m = k + 1;
  while (m < items.length && items[m].t === 'p' && (CLOSING.has(items[m].text) || SENTENCE_END.has(items[m].text))) m++;
  const next = items[m];
  if (!next) return true;
  if (!next.space && next.t !== 'q') return false;
  if (it.text === '.') {
    const prev = items[k - 1];
    if (prev && prev.t === 'w' && prev.e === it.s) {
      const w = prev.low.replace(/\./g, '');
      if (ABBREVIATIONS.has(w) || (prev.text.length === 1 && /\p{Lu}/u.test(prev.text)) || prev.text.includes('.')) return false;
    }
  }
  return startsSentence(next);
}

/** Text of a run of items, as written (for speakers and cues). */
export function itemsText(block: ProseBlock, items: readonly Item[]): string {
  if (!items.length) return '';
  return block.text.slice(items[0].s, items[items.length - 1].e).replace(/\s+/g, ' ');
}
