import { ParagraphCache } from '../paragraph-cache.js';
import type { Ledger, LedgerEntry } from './types.js';
import { compileLedger } from './matcher.js';
import { LATIN_SLOTS, type ClaimAnchors } from './anchors.js';
import { isCjk } from './tokenize.js';
import { isAscii } from '../text-utils.js';

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

const cache = new WeakMap<LedgerEntry, { entries: LedgerEntry[]; filter: Prefilter }>();

/** By entries list, as compileLedger's: the same list asked again is found without comparing entries. */
const byList = new WeakMap<readonly LedgerEntry[], { length: number; filter: Prefilter }>();

export function claimPrefilter(ledger: Ledger): Prefilter {
  const list = ledger.entries;
  if (list.length === 0) return () => false;
  const known = byList.get(list);
  if (known && known.length === list.length) return known.filter;
  const hit = cache.get(list[0]);
  let filter: Prefilter;
  if (hit && hit.entries.length === list.length && hit.entries.every((e, i) => e === list[i])) filter = hit.filter;
  else {
    filter = build(list);
    cache.set(list[0], { entries: [...list], filter });
  }
  byList.set(list, { length: list.length, filter });
  return filter;
}

/** A Markdown (and HTML) character reference: named, decimal or hexadecimal. */
const CHARACTER_REFERENCE = /&(?:[a-zA-Z][a-zA-Z\d]*|#\d{1,7}|#[xX][\da-fA-F]{1,6});/;
/** Where Markdown removes what follows (a link's destination or label, a footnote reference): a word may go on after it. */
const REMOVAL_OPENERS = ['](', '][', '[^'];
const LETTER = /[\p{L}\p{M}]/u;

/**
 * Markdown that, once read, makes letters of a word out of something else or joins letters across
 * it, beyond the joining characters (JOINERS): a character reference ("&#99;", "&shy;") or a
 * comment anywhere, or a link's destination or label, or a footnote reference, right after the
 * beginning of an anchor ("[cl](…)assified", "cl[^1]assified": where the removed part ends is not
 * looked for — titles and brackets make that Markdown's business). Raw text that holds one is
 * always a candidate. `beginnings` are the anchors' proper beginnings ("c", "cl", "cla" of
 * "clas"); each test starts with a native substring search, and most drafts have none.
 */
function hidesLetters(text: string, beginnings: ReadonlySet<string>): boolean {
  if ((text.includes('&') && CHARACTER_REFERENCE.test(text)) || text.includes('<!--')) return true;
  for (const opener of REMOVAL_OPENERS) {
    for (let i = text.indexOf(opener); i >= 0; i = text.indexOf(opener, i + 2)) {
      if (endsWithBeginning(text, i, beginnings)) return true;
    }
  }
  return false;
}

/**
 * Whether the letters before `at` (joining characters skipped, as the word reads them) end with
 * one of `beginnings`, or with a letter beyond ASCII (folded letters and Han/kana: a candidate).
 */
function endsWithBeginning(text: string, at: number, beginnings: ReadonlySet<string>): boolean {
  let letters = '';
  for (let k = at - 1, steps = 0; k >= 0 && letters.length < 3; k--) {
    // A long run of markup before a link is not a word a claim is in; a candidate all the same.
    if (++steps > 64) return true;
    const c = text.charCodeAt(k);
    if (isJoinerCode(c)) continue;
    // (A surrogate is half of a character beyond the BMP — Han among them: a candidate.)
    if (c >= 0x80) return (c >= 0xd800 && c <= 0xdfff) || LETTER.test(text[k]);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
    letters = String.fromCharCode(c | 0x20) + letters;
    if (beginnings.has(letters)) return true;
  }
  return false;
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
  const scan = { test: (text: string) => (few !== undefined && (isAscii(text) || PLAIN_TEXT.test(text)) ? few.test(text) : scanner.test(text)) };
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
// Besides the tokenizer's apostrophes and dots: Markdown's emphasis markers, escapes and link
// brackets, which disappear when the paragraph is read ("net**work**", "net[work](…)").
const JOINERS = new Set(["'", '\u2019', '\u2018', '.', '*', '_', '~', '\\', '[', ']']);

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

/**
 * ASCII, and the punctuation of edited copy beyond it — no-break space, guillemets, dashes, curly
 * quotes, bullets, ellipsis, primes: none of it is (or folds to) a letter, so lower-casing folds
 * such text as the tokenizer does, and only ’ and ‘ join letters (as apostrophes).
 */
const PLAIN_TEXT = /^[\x00-\x7f\u00a0\u00ab\u00bb\u2010-\u2022\u2026\u2030\u2032\u2033\u2039\u203a]*$/;
/** Letters joined by apostrophes, dots, emphasis markers or escapes ("don't", "U.S.", "net**work**"). */
const JOINED = /[a-z]['\u2019\u2018.*_~\\[\]]+[a-z]/;
const JOINER_CHARS = /['\u2019\u2018.*_~\\[\]]/g;
const JOINER_LIST = [...JOINERS];
const isJoinerCode = (c: number) => c === 0x27 || c === 0x2e || c === 0x2a || c === 0x5f || c === 0x7e || c === 0x5c || c === 0x5b || c === 0x5d || c === 0x2019 || c === 0x2018;

/** Whether the letters just before `end` are `lower` (a–z), in either case. */
function endsWithLetters(text: string, end: number, lower: string): boolean {
  const start = end - lower.length;
  if (start < 0) return false;
  // (c | 0x20) maps only A–Z onto a–z, and keeps a–z.
  for (let k = 0; k < lower.length; k++) if ((text.charCodeAt(start + k) | 0x20) !== lower.charCodeAt(k)) return false;
  return true;
}
/** Matches any text: the gate that rules nothing out. */
const ANY = /(?:)/;

/**
 * The prefilter for a small ledger (at most 32 distinct wordings) on PLAIN_TEXT. On this project's
 * 2-core machine a loop over the characters in JavaScript reads ~110 MB/s; the engine's own
 * substring search several GB/s. So: lower-case the text, and when letters in it are joined as
 * the tokenizer joins them ("don't", "U.S.") or by Markdown ("net**work**"), drop the joining
 * characters (the tokenizer's "dont", "us" and "network" appear; every run of letters stays);
 * then look for anchors as substrings — which finds every word that begins with one, and more.
 * Anchors are tried in an order that settles most texts in a few searches: those that rule out
 * the most wordings first, and among them those least often present so far.
 */
class FewAnchors {
  /** Checks between re-orderings of the anchors by how often they were present. */
  private static readonly REORDER = 512;
  private order: number[];
  /**
   * One anchor of each wording, the one least often present so far, as one regular expression:
   * a single search (the engine's, ~2.5× faster than a substring search per anchor) rules out a
   * draft that holds none of them — most drafts of an archive, as no wording can be complete.
   */
  private gate = ANY;
  private readonly present: Uint32Array;
  private readonly checked: Uint32Array;
  private readonly missing: Int8Array;
  /** By ASCII code of a letter (either case): the gate anchors' beginnings that it continues. */
  private readonly splits: Array<string[] | undefined> = new Array(128).fill(undefined);
  private tests = 0;

  private constructor(
    /** Latin anchors as text. */
    private readonly words: string[],
    /** Per anchor: the wordings (bits) that need it. */
    private readonly masks: number[],
    /** Per wording: how many anchors it needs. */
    private readonly needs: Int8Array,
    /** The wordings that can be in PLAIN_TEXT (no Han/kana anchor). */
    private readonly latinWordings: number,
  ) {
    this.present = new Uint32Array(words.length);
    this.checked = new Uint32Array(words.length);
    this.missing = new Int8Array(needs.length);
    this.order = words.map((_, i) => i);
    this.reorder();
  }

  static of(anchors: ClaimAnchors): FewAnchors | undefined {
    if (anchors.sets.size > 32) return undefined;
    const ids = new Map<number, number>();
    const words: string[] = [];
    const masks: number[] = [];
    const needs = new Int8Array(anchors.sets.size);
    let latinWordings = 0;
    let w = 0;
    for (const set of anchors.sets) {
      const pair = [Math.floor(set / 0x4000000), (set % 0x4000000) - 1].filter((a) => a >= 0);
      needs[w] = pair.length;
      if (pair.every((a) => a < LATIN_SLOTS)) {
        latinWordings |= 1 << w;
        for (const a of pair) {
          let id = ids.get(a);
          if (id === undefined) { id = words.length; ids.set(a, id); words.push(slotText(a)); masks.push(0); }
          masks[id] |= 1 << w;
        }
      }
      w++;
    }
    return new FewAnchors(words, masks, needs, latinWordings);
  }

  test(text: string): boolean {
    if (++this.tests % FewAnchors.REORDER === 0) this.reorder();
    let alive = this.latinWordings;
    // The gate reads the raw text: most drafts are ruled out without lower-casing or joining it.
    if (alive === 0 || !(this.gate.test(text) || this.splitGateAnchor(text))) return false;
    let low = text.toLowerCase();
    if (JOINED.test(low)) low = low.replace(JOINER_CHARS, '');
    this.missing.set(this.needs);
    for (const a of this.order) {
      const mask = this.masks[a] & alive;
      if (mask === 0) continue;
      this.checked[a]++;
      if (low.includes(this.words[a])) {
        this.present[a]++;
        for (let w = 0; w < 32; w++) if ((mask >>> w) & 1 && --this.missing[w] === 0) return true;
      } else {
        alive &= ~this.masks[a];
        if (alive === 0) return false;
      }
    }
    return false;
  }

  /** Most wordings ruled out first; among equals, the anchors least often present so far. */
  private reorder(): void {
    const rate = (a: number) => (this.present[a] + 1) / (this.checked[a] + 2);
    const count = (m: number) => { let n = 0; for (; m; m &= m - 1) n++; return n; };
    this.order = [...this.order].sort((a, b) => rate(a) - rate(b) || count(this.masks[b]) - count(this.masks[a]) || a - b);
    // Each wording's first anchor in that order.
    const gate = new Set<string>();
    let left = this.latinWordings;
    for (const a of this.order) {
      if ((this.masks[a] & left) === 0) continue;
      gate.add(this.words[a]);
      left &= ~this.masks[a];
    }
    // Anchors are 2–4 letters a–z (slotText): nothing to escape; checked all the same, as no
    // text from a ledger may reach a regular expression otherwise (docs/guarantees.md).
    const words = [...gate];
    this.gate = words.length && words.every((w) => /^[a-z]{2,4}$/.test(w)) ? new RegExp(words.join('|'), 'i') : ANY;
    // Where joining characters split a gate anchor ("clas'sified"), the first run of them inside
    // it follows the anchor's first k letters and precedes its letter k + 1: indexed by that letter.
    this.splits.fill(undefined);
    for (const w of words) {
      for (let k = 1; k < w.length; k++) {
        const next = w.charCodeAt(k);
        (this.splits[next] ??= []).push(w.slice(0, k));
        this.splits[next - 32] = this.splits[next];
      }
    }
  }

  /**
   * Whether the text holds a gate anchor split by joining characters, as in "clas'sified" or
   * "net**work**" — which lower-casing and dropping those characters would join. Each joining
   * character is found by the engine's substring search; most are not followed by a letter that
   * continues an anchor ("U.S. ", "it's" for anchors without an s), which ends the look at once.
   */
  private splitGateAnchor(text: string): boolean {
    if (this.gate === ANY) return true;
    for (const joiner of JOINER_LIST) {
      // Each run of joining characters is read once per kind in it: the next search starts after
      // it (a run of 100,000 dots must not be read again from each of them).
      for (let i = text.indexOf(joiner); i >= 0; ) {
        let end = i + 1;
        let c = text.charCodeAt(end);
        while (isJoinerCode(c)) c = text.charCodeAt(++end);
        const prefixes = c < 128 ? this.splits[c] : undefined;
        if (prefixes !== undefined) {
          let start = i;
          while (start > 0 && isJoinerCode(text.charCodeAt(start - 1))) start--;
          for (const p of prefixes) if (endsWithLetters(text, start, p)) return true;
        }
        i = text.indexOf(joiner, end);
      }
    }
    return false;
  }
}

/** The letters of a Latin anchor's slot (anchors.ts). */
function slotText(slot: number): string {
  let out = '';
  for (; slot > 0; slot = Math.floor(slot / 27)) out = String.fromCharCode(96 + (slot % 27)) + out;
  return out;
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
