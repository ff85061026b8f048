import { ParagraphCache } from '../paragraph-cache.js';
import type { Ledger, LedgerEntry } from './types.js';
import { compileLedger } from './matcher.js';
import { LATIN_SLOTS } from './anchors.js';
import { isCjk } from './tokenize.js';
import { rememberedByEntries } from './by-entries.js';
import { FewAnchors } from './few-anchors.js';
import { hidesLetters, JOINERS, slotText } from './raw-words.js';

/**
 * A quick test on a draft's raw text: could it contain any claim of the ledger? It never answers
 * "no" for a draft the full matcher would flag, so an archive scan can skip parsing every draft
 * where it says no. Each claim variant contributes its anchors — the first four letters of its two
 * longest words (after folding, which is also a prefix of every inflected form), or its first two
 * adjacent Han/kana characters — and a variant with no usable anchor (a bare number, say) makes
 * every draft a candidate.
 *
 * Two ways to look (issue #8: the test was a quarter of an archive scan). For a small ledger on
 * text in ASCII and typographic punctuation (most drafts of English-language newsrooms), the
 * engine's substring search on the lower-cased
 * text, each anchor at most once, in an order that settles most drafts in a few searches
 * (FewAnchors). Otherwise one pass over the text in which each word's first letters are looked up
 * in a table of anchors as they are read (Scanner). Either way "a word" is read the way the
 * tokenizer reads it — case and accents folded, soft hyphens and marks ignored, the parts of
 * "don't" or "U.S." also read joined (the tokenizer's keys are "dont" and "us") — and, because the
 * raw text still holds Markdown, also joined across emphasis markers, backslash escapes and link
 * brackets ("net**work**", "net[work](…)"); raw text in which Markdown would make letters out of
 * something else or join them across more (a character reference, a comment, a link destination
 * inside a word: hidesLetters) is always a candidate. Reading more joined forms than the
 * tokenizer does only adds candidates, never loses one. The original missed claims with such
 * words, and kana with voiced marks ("ガス").
 */
export type Prefilter = (text: string) => boolean;

const remembered = rememberedByEntries(build);

export function claimPrefilter(ledger: Ledger): Prefilter {
  return ledger.entries.length === 0 ? () => false : remembered(ledger.entries);
}

/** Paragraph-sized texts repeat from one version of a draft to the next; whole drafts rarely do. */
const MEMO_MAX_CHARS = 2000;

// Latin anchors (2–4 letters a–z) are numbered by their letters in base 27 (a = 1 … z = 26), so
// an anchor of any length maps to one slot of a 27⁴ table and lengths never collide (anchors.ts).

function build(entries: readonly LedgerEntry[]): Prefilter {
  // The anchors were collected while the matcher was built (from the keys it tokenized): the
  // matcher is needed anyway as soon as one draft is a candidate.
  const { anchors } = compileLedger({ entries, files: [] });
  if (anchors.always) return () => true;
  // Each wording needs all of its anchors (its two longest words, or one Han/kana pair): one
  // common word of a claim ("hospital") must not make every draft about hospitals a candidate.
  // Anchors get dense numbers here, for the per-text table of those seen.
  const dense = new Map<number, number>();
  const idOf = (anchor: number) => {
    let id = dense.get(anchor);
    if (id === undefined) { id = dense.size; dense.set(anchor, id); }
    return id;
  };
  /** Per anchor: the other anchor of each wording it belongs to, or -1 when it is the only one. */
  const partners: number[][] = [];
  for (const set of anchors.sets) {
    const a = idOf(Math.floor(set / 0x4000000));
    const second = (set % 0x4000000) - 1;
    const b = second < 0 ? -1 : idOf(second);
    while (partners.length < dense.size) partners.push([]);
    if (b < 0) partners[a].push(-1);
    else { partners[a].push(b); partners[b].push(a); }
  }
  const latin = dense.size < 0xffff ? new Uint16Array(LATIN_SLOTS) : new Uint32Array(LATIN_SLOTS); // slot → id + 1
  const cjk = new Map<string, number>();
  for (const [anchor, id] of dense) if (anchor < LATIN_SLOTS) latin[anchor] = id + 1;
  for (const [pair, anchor] of anchors.cjk) { const id = dense.get(anchor); if (id !== undefined) cjk.set(pair, id); }
  const scanner = new Scanner(latin, cjk, partners);
  const few = FewAnchors.of(anchors);
  const scan = { test: (text: string) => few?.test(text) ?? scanner.test(text) };
  const beginnings = new Set<string>();
  for (const anchor of dense.keys()) {
    if (anchor >= LATIN_SLOTS) continue;
    const word = slotText(anchor);
    for (let k = 1; k < word.length; k++) beginnings.add(word.slice(0, k));
  }
  const answer = (text: string) => hidesLetters(text, beginnings) || scan.test(text);
  // Paragraphs repeat from one version of a draft to the next: remember the answer per text.
  const memo = new ParagraphCache<boolean>();
  return (text) => {
    if (text.length > MEMO_MAX_CHARS) return answer(text);
    let v = memo.get(text);
    if (v === undefined) {
      v = answer(text);
      memo.set(text, v);
    }
    return v;
  };
}

// How a character other than a–z/A-Z takes part in reading words (see Scanner.test).
const BREAK = -1; // ends a word
const JOIN = -2; // ends a part of a word; the next letter both starts a word and continues this one
const SKIP = -3; // folds away (a mark, soft hyphen or tatweel): as if not there
/** Folded form of one non-ASCII character, as the tokenizer folds words: NFKD, no marks, lower case. */
const folded = new Map<number, number | string>();
function foldChar(cp: number): number | string {
  let f = folded.get(cp);
  if (f === undefined) {
    const s = String.fromCodePoint(cp).normalize('NFKD').replace(/[\p{M}\u0640\u00ad]/gu, '').toLowerCase();
    if (s.length === 0) f = SKIP;
    else if (s.length === 1) {
      const c = s.charCodeAt(0);
      f = c >= 0x61 && c <= 0x7a ? c - 96 : JOINERS.has(s) ? JOIN : BREAK;
    } else f = s;
    if (folded.size < 65_536) folded.set(cp, f);
  }
  return f;
}

const nfkc = new Map<number, string>();
function cjkKey(cp: number): string {
  let k = nfkc.get(cp);
  if (k === undefined) {
    k = String.fromCodePoint(cp).normalize('NFKC');
    if (nfkc.size < 65_536) nfkc.set(cp, k);
  }
  return k;
}

/** How each ASCII character takes part in reading words: a letter (1–26), JOIN or BREAK. */
const ASCII_UNITS = new Int8Array(128).fill(BREAK);
for (let c = 0x61; c <= 0x7a; c++) { ASCII_UNITS[c] = c - 96; ASCII_UNITS[c - 32] = c - 96; }
for (const j of JOINERS) if (j.length === 1 && j.charCodeAt(0) < 0x80) ASCII_UNITS[j.charCodeAt(0)] = JOIN;

class Scanner {
  /** Anchors seen in the text being tested: found[id] === pass. */
  private readonly found: Uint32Array;
  private pass = 0;

  constructor(
    private readonly latin: Uint16Array | Uint32Array,
    private readonly cjk: Map<string, number>,
    private readonly partners: number[][],
  ) {
    this.found = new Uint32Array(partners.length);
  }

  /**
   * One pass; state in locals (this runs over every draft of an archive). The last three letters
   * of the word being read (1–26, 0 = none) and whether each began a word or a joined part: the
   * letter just read closes a 2-, 3- or 4-letter window for each of them that did.
   */
  test(text: string, folded = false): boolean {
    if (++this.pass === 0xffffffff) { this.found.fill(0); this.pass = 1; }
    const latin = this.latin;
    const cjkAnchors = this.cjk.size > 0;
    let prevCjk = '';
    let l1 = 0; let l2 = 0; let l3 = 0;
    let s1 = false; let s2 = false; let s3 = false;
    let starts = true; // the next letter begins a word (or a joined part)
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      let u: number;
      if (c < 0x80) u = ASCII_UNITS[c];
      else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) { c = text.codePointAt(i)!; if (c > 0xffff) i++; }
        if (isCjk(c)) {
          u = BREAK;
          // Han/kana pairs: each character is one key (NFKC, as the tokenizer has it); a pair of
          // keys is adjacent when no other key lies between, so pair with the last one seen.
          if (cjkAnchors) {
            const key = cjkKey(c);
            if (prevCjk !== '') { const id = this.cjk.get(prevCjk + key); if (id !== undefined && this.anchor(id)) return true; }
            prevCjk = key;
          }
        } else {
          const f = foldChar(c);
          // A character folding to several (a ligature, "ﬁ"): read the text folded as a whole
          // (folding twice gives nothing new).
          if (typeof f !== 'number') {
            if (!folded) return this.test(foldedText(text), true);
            u = BREAK;
          } else u = f;
        }
      }
      if (u > 0) {
        if (s1) { const id = latin[l1 * 27 + u]; if (id !== 0 && this.anchor(id - 1)) return true; }
        if (s2) { const id = latin[(l2 * 27 + l1) * 27 + u]; if (id !== 0 && this.anchor(id - 1)) return true; }
        if (s3) { const id = latin[((l3 * 27 + l2) * 27 + l1) * 27 + u]; if (id !== 0 && this.anchor(id - 1)) return true; }
        l3 = l2; l2 = l1; l1 = u;
        s3 = s2; s2 = s1; s1 = starts;
        starts = false;
      } else if (u === BREAK) {
        if (l1 !== 0) { l1 = l2 = l3 = 0; s1 = s2 = s3 = false; }
        starts = true;
      } else if (u === JOIN) starts = true;
      // SKIP: as if the character were not there
    }
    return false;
  }

  /** Anchor `id` is in the text: true when that completes a wording. */
  private anchor(id: number): boolean {
    if (this.found[id] === this.pass) return false;
    this.found[id] = this.pass;
    for (const other of this.partners[id]) if (other < 0 || this.found[other] === this.pass) return true;
    return false;
  }
}

/**
 * The text with every non-ASCII character that is not Han/kana folded (several characters for
 * one, as "ﬁ" → "fi"): what Scanner.test reads when a character does not fold to one.
 */
function foldedText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) { out += text[i]; continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { c = text.codePointAt(i)!; if (c > 0xffff) i++; }
    if (isCjk(c)) { out += String.fromCodePoint(c); continue; }
    const f = foldChar(c);
    out += typeof f !== 'number' ? f : f > 0 ? String.fromCharCode(96 + f) : f === JOIN ? "'" : f === BREAK ? ' ' : '';
  }
  return out;
}
