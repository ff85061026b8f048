/**
 * One tokeniser for ledger claims and draft prose, so that both sides fold the same way: a claim
 * matches when its key sequence appears in the draft's. Keys drop what a reader does not hear
 * (case, accents, quote marks, hyphens, line breaks, markup) but keep word boundaries, so
 * "unclassified" stays a different key from "classified". Han and kana are one key per character
 * because Chinese and Japanese are written without spaces.
 */
import { cjkScale, asciiDigit, canonicalNumber, readDigits, scaleSuffix, scaleWord } from './numbers.js';

/** Sentence-ending punctuation: a claim does not run across it. */
export const BREAK = '\u0001';
/** Code, HTML or an image inside prose: nothing matches across it. */
export const OPAQUE = '\u0002';

export interface Tokens {
  keys: string[];
  /** Text index of each token's first character and just past its last. */
  start: number[];
  end: number[];
  /** The token is glued to the one before by a hyphen ("non-classified"). */
  hyphenated: boolean[];
  /** The token is a Han/kana character (no spaces around words in that script). */
  cjk: boolean[];
}

const ENDERS = new Set(['!', '?', ';', '\u2026', '\u3002', '\uff01', '\uff1f', '\uff1b', '\u061f', '\u061b', '\u06d4']);
const CLOSERS = /[\s"'\u2019\u201d\u00bb)\]\u300d\u300f]/;
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'etc', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'm', 'mme', 'mlle', 'bpk', 'sdr', 'tn', 'ny']);
// French and Italian elision: l'armée, d'OpenAI, qu'il. The article is its own key.
const ELIDED = /^(?:[a-z]|qu|jusqu|lorsqu|puisqu)$/;

export function isCjk(cp: number): boolean {
  return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xff9f) ||
    cp === 0x3005 || (cp >= 0x20000 && cp <= 0x2ffff);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c === 0xfffc || c === 0x00ad) return false;
  return WORD.test(ch) && !isCjk(ch.codePointAt(0)!);
}
const isLetter = (ch: string | undefined) => isWordChar(ch) && asciiDigit(ch!) === undefined;

// The tokenizer runs over every candidate paragraph and every ledger claim (100,000 claims for a
// big ledger), so its hot paths work on character codes: an ASCII character is classified from
// its code without building a one-character string or running a regular expression. Every fast
// path gives exactly what the general path gives (test/core/ledger/tokenize.test.ts compares
// both with the frozen original on random text).
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** isWordChar of the character at `i` (one UTF-16 unit, as text[i]). */
function wordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c); // NaN (past the end) is false here too
  return isWordChar(text[i]);
}
/** isLetter of the character at `i`. */
function letterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return isLetter(text[i]);
}
/** ' ’ ʼ ‘ ＇ */
const isApostrophe = (c: number) => c === 0x27 || c === 0x2019 || c === 0x02bc || c === 0x2018 || c === 0xff07;
/** - ‐ ‑ ‒ ﹣ － */
const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0xfe63 || c === 0xff0d;
const ASCII_LETTERS = /^[A-Za-z]*$/;

/** Case, accents, Arabic letter variants and light inflection folded away. */
export function foldWord(word: string): string {
  // Plain ASCII letters (most words): lower case and stem, nothing else applies.
  if (asciiLettersOnly(word)) return stem(word.toLowerCase());
  let w = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/[\p{M}\u0640\u00ad]/gu, '').toLowerCase();
  if (/^[a-z]+$/.test(w)) return stem(w);
  if (/[\u0600-\u06ff]/.test(w)) {
    w = w.replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064a').replace(/[\u0622\u0623\u0625]/g, '\u0627');
    // Attached conjunction/preposition + article: "والشبكة", "بالشبكة", "للشبكة" → "الشبكة".
    w = w.replace(/^[\u0648\u0641]?[\u0628\u0644\u0643]?\u0627\u0644(?=..)/, '\u0627\u0644').replace(/^[\u0648\u0641]?\u0644\u0644(?=..)/, '\u0627\u0644');
  }
  return w;
}

function asciiLettersOnly(word: string): boolean {
  if (word.length === 0) return false;
  if (word.length > 24) return ASCII_LETTERS.test(word);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return false;
  }
  return true;
}

const isVowel = (c: number) => c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75;

/**
 * Simple English (and French) inflection, applied to both sides alike: plural and possessive
 * forms meet ("networks" = "network", "companies" = "company", "classifiée" = "classifié"). Short
 * words are left alone so that "was", "gas" and "us" stay themselves.
 */
function stem(w: string): string {
  const len = w.length;
  if (len < 4) return w;
  // The same steps as ever (eaux → eau, ies → i, s → -, up to two final e, consonant + y → i),
  // worked out on the length first so that a word needs at most one slice.
  let n = len;
  let tail = ''; // "i" replacing "ies" or a final "y"
  if (w.charCodeAt(n - 1) === 0x78 && w.charCodeAt(n - 2) === 0x75 && w.charCodeAt(n - 3) === 0x61 && w.charCodeAt(n - 4) === 0x65) n--; // …eaux
  else if (n > 4 && w.charCodeAt(n - 1) === 0x73 && w.charCodeAt(n - 2) === 0x65 && w.charCodeAt(n - 3) === 0x69) { n -= 3; tail = 'i'; }
  else if (w.charCodeAt(n - 1) === 0x73) {
    const b = w.charCodeAt(n - 2);
    if (b !== 0x73 && b !== 0x75 && b !== 0x69) n--; // not …ss, …us, …is
  }
  if (tail === '') {
    // (after "ies" → "i" the word ends in i: no final e or y to take off)
    for (let k = 0; k < 2 && n > 3 && w.charCodeAt(n - 1) === 0x65; k++) n--;
    if (n > 3 && w.charCodeAt(n - 1) === 0x79 && !isVowel(w.charCodeAt(n - 2))) { n--; tail = 'i'; }
  }
  return n === len ? w : w.slice(0, n) + tail;
}

/** Splits prose into keys. `language` decides decimal comma vs point and scale words. */
export function tokenize(text: string, language?: string): Tokens {
  const t: Tokens = { keys: [], start: [], end: [], hyphenated: [], cjk: [] };
  run(t, text, language);
  return t;
}

/** Only the keys, as tokenize gives them (a ledger claim's: its offsets are never asked for). */
export function tokenKeys(text: string, language?: string): string[] {
  const simple = plainWordKeys(text, language);
  if (simple) return simple;
  const t: Sink = { keys: [], start: undefined, end: undefined, hyphenated: undefined, cjk: undefined };
  run(t, text, language);
  return t.keys;
}

/**
 * The keys of text made of nothing but ASCII letters, digits and spaces, with every run of
 * letters or digits on its own ("the bridge opened in 1990", not "5G" or "1.2"): what run()
 * gives for it, by a shorter path (a big ledger's claims are often like this). Undefined for
 * anything else — and for French with digits, where "1 200" is one number.
 */
function plainWordKeys(text: string, language: string | undefined): string[] | undefined {
  const keys: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === 32) { i++; continue; }
    const start = i;
    if (c >= 0x30 && c <= 0x39) {
      if (language === 'fr') return undefined;
      do c = text.charCodeAt(++i); while (c >= 0x30 && c <= 0x39);
      if (i < n && c !== 32) return undefined;
      // A scale word after the number is part of it ("77 million"), as readNumber reads it.
      let j = i;
      while (text.charCodeAt(j) === 32) j++;
      let k = j;
      while (k < n && isAsciiAlnum(text.charCodeAt(k))) k++;
      const scale = k > j && mayBeScaleWord(text.charCodeAt(j)) ? scaleWord(foldWord(text.slice(j, k)), language) ?? scaleWord(text.slice(j, k).toLowerCase(), language) : undefined;
      keys.push('#' + plainNumber(text.slice(start, i), scale ?? 0));
      if (scale !== undefined) i = k;
      continue;
    }
    let upper = false;
    for (;; c = text.charCodeAt(++i)) {
      if (c >= 0x61 && c <= 0x7a) continue;
      if (c >= 0x41 && c <= 0x5a) { upper = true; continue; }
      break;
    }
    if (i === start || (i < n && c !== 32)) return undefined;
    const word = text.slice(start, i);
    keys.push(stem(upper ? word.toLowerCase() : word));
  }
  return keys;
}

/**
 * Whether tokenize(text) gives any key — a word, number, Han/kana character, % or markup
 * placeholder — without making them. (Until its first key the tokenizer steps through the text
 * one character at a time, and a sentence break needs a key before it, so this is exact.) Reading
 * a 100,000-entry ledger checks every claim this way.
 */
export function hasKeys(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiAlnum(c) || c === 0x25) return true;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (isCjk(cp) || isWordChar(text[i]) || c === 0xfffc || c === 0xff05 || c === 0x066a) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** Tokens, or only their keys. */
type Sink = { keys: string[] } & ({ start: number[]; end: number[]; hyphenated: boolean[]; cjk: boolean[] } | { start: undefined; end: undefined; hyphenated: undefined; cjk: undefined });

function run(t: Sink, text: string, language: string | undefined): void {
  const n = text.length;
  let lastAbbrev = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // ASCII, decided from the code: a number (digits not glued to a preceding letter), a word,
      // %, or sentence-ending punctuation; anything else is skipped.
      if (c >= 0x30 && c <= 0x39 && !letterAt(text, i - 1)) { i = readNumber(t, text, i, language); lastAbbrev = false; continue; }
      if (isAsciiAlnum(c)) { i = readWord(t, text, i); lastAbbrev = wordAbbrev; continue; }
      if (c === 0x25) push(t, text, '%', i, i + 1, false);
      else if (c === 0x21 || c === 0x3f || c === 0x3b || (c === 0x2e && !lastAbbrev && (i + 1 >= n || CLOSERS.test(text[i + 1])))) pushBreak(t, text, i);
      lastAbbrev = false;
      i++;
      continue;
    }
    const ch = text[i];
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (asciiDigit(ch) !== undefined && !isLetter(text[i - 1])) { i = readNumber(t, text, i, language); lastAbbrev = false; continue; }
    if (isCjk(cp)) { push(t, text, String.fromCodePoint(cp).normalize('NFKC'), i, i + width, true); i += width; lastAbbrev = false; continue; }
    if (isWordChar(ch)) { i = readWord(t, text, i); lastAbbrev = wordAbbrev; continue; }
    if (ch === '\ufffc') push(t, text, OPAQUE, i, i + 1, false);
    else if (ch === '\uff05' || ch === '\u066a') push(t, text, '%', i, i + 1, false);
    else if (ENDERS.has(ch)) pushBreak(t, text, i);
    lastAbbrev = false;
    i += width;
  }
}

function push(t: Sink, text: string, key: string, s: number, e: number, cjk: boolean): void {
  if (t.start === undefined) { t.keys.push(key); return; }
  const prev = t.keys.length - 1;
  const hyph = prev >= 0 && s - t.end[prev] === 1 && isHyphen(text.charCodeAt(s - 1)) && t.keys[prev] !== BREAK;
  t.keys.push(key); t.start.push(s); t.end.push(e); t.hyphenated.push(hyph); t.cjk.push(cjk);
}

function pushBreak(t: Sink, text: string, at: number): void {
  const last = t.keys[t.keys.length - 1];
  if (last !== undefined && last !== BREAK) push(t, text, BREAK, at, at + 1, false);
}

/** Set by readWord: the word ended with an abbreviation's dot ("Mr.", "U.S."). */
let wordAbbrev = false;

/**
 * Reads the word starting at `from`, pushes its key and returns where tokenizing goes on. A word
 * runs over letters and digits; soft hyphens, an apostrophe inside (don't) and the dots of
 * "U.S." are left out of it; an elided article (l'armée) and a possessive 's end it.
 */
function readWord(t: Sink, text: string, from: number): number {
  let i = from;
  let word = ''; // the word up to `piece`; text from `piece` to `i` is still to be added
  let piece = from;
  let segment = 0; // letters since the last joining dot
  let dotted = false;
  let end: number;
  let next: number;
  let abbrev = false;
  // What foldWord would find out by reading the word again: only a–z (then it just lower-cases
  // and stems), and whether any of it is upper case.
  let plain = true;
  let upper = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0xad) { word += text.slice(piece, i); piece = ++i; continue; }
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) { segment++; i++; continue; }
      if (c >= 0x41 && c <= 0x5a) { upper = true; segment++; i++; continue; }
      if (c >= 0x30 && c <= 0x39) { plain = false; segment++; i++; continue; }
    } else if (isWordChar(text[i])) { plain = false; segment++; i++; continue; }
    if (isApostrophe(c) && letterAt(text, i + 1)) {
      word += text.slice(piece, i);
      piece = i;
      if (ELIDED.test(word.toLowerCase())) { end = i; next = i + 1; break; }
      const after = text.charCodeAt(i + 1);
      if ((after === 0x73 || after === 0x53) && !wordCharAt(text, i + 2)) { end = i; next = i + 2; break; }
      piece = ++i; // don't, isn't, o'clock: one word
      continue;
    }
    if (c === 0x2e && segment === 1 && letterAt(text, i + 1) && !wordCharAt(text, i + 2)) {
      word += text.slice(piece, i); piece = ++i;
      dotted = true; segment = 0;
      continue;
    }
    word = piece === from ? text.slice(from, i) : word + text.slice(piece, i);
    piece = i;
    end = i;
    if (c === 0x2e && dotted && segment === 1) { next = i + 1; abbrev = true; break; }
    abbrev = c === 0x2e && ABBREVIATIONS.has(word.toLowerCase());
    next = isApostrophe(c) && endsWithS(word) ? i + 1 : i;
    break;
  }
  push(t, text, plain && word.length > 0 ? stem(upper ? word.toLowerCase() : word) : foldWord(word), from, end, false);
  wordAbbrev = abbrev;
  return next;
}

const endsWithS = (w: string) => { const c = w.charCodeAt(w.length - 1); return c === 0x73 || c === 0x53; };

/** Reads "1,200,000", "1.2bn", "1.2 billion", "12亿", "1 200" (no-break space) as one key. */
function readNumber(t: Sink, text: string, from: number, language: string | undefined): number {
  let i = from;
  let raw = ''; // digits and separators as read; text from `piece` to `i` (ASCII digits) is still to be added
  let piece = from;
  let separated = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) { i++; continue; }
    const d = c < 0x80 ? undefined : asciiDigit(text[i]);
    if (d !== undefined) { raw += text.slice(piece, i) + d; piece = ++i; continue; }
    const sep = text[i];
    const spaced = sep === '\u00a0' || sep === '\u202f' || (sep === ' ' && language === 'fr');
    if ((sep === ',' || sep === '.' || sep === '\u066b' || sep === '\u066c' || spaced) && asciiDigit(text[i + 1] ?? '') !== undefined) {
      if (spaced && !/^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) break;
      raw += text.slice(piece, i) + (sep === '\u066b' ? '.' : sep === '\u066c' ? ',' : sep);
      piece = ++i;
      separated = true;
      continue;
    }
    break;
  }
  raw += text.slice(piece, i);
  let exponent = 0;
  let end = i;
  if (letterAt(text, i)) {
    let j = i;
    while (wordCharAt(text, j)) j++;
    const letters = text.slice(i, j).toLowerCase();
    const suffix = /^[a-z]+$/.test(letters) ? scaleSuffix(letters) : undefined;
    if (suffix === undefined) {
      // "5G", "3rd", "10am": a word that starts with digits.
      push(t, text, foldWord(text.slice(from, j).replace(/[.,\s]/g, '')), from, j, false);
      return j;
    }
    exponent = suffix;
    end = i = j;
  } else if (text.charCodeAt(i) >= 0x80 && cjkScale(text[i]) !== undefined) { // (十百千万萬亿億兆)
    for (let e = cjkScale(text[i]); e !== undefined; e = cjkScale(text[++i])) exponent += e;
    end = i;
  } else {
    let j = i;
    while (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\n') j++;
    let k = j;
    while (wordCharAt(text, k)) k++;
    const scale = k > j && mayBeScaleWord(text.charCodeAt(j)) ? scaleWord(foldWord(text.slice(j, k)), language) ?? scaleWord(text.slice(j, k).toLowerCase(), language) : undefined;
    if (scale !== undefined) { exponent = scale; end = i = k; }
  }
  push(t, text, '#' + (separated ? canonical(raw, language, exponent) : plainNumber(raw, exponent)), from, end, false);
  return i;
}

/**
 * Can a word starting with this character be a scale word ("million", "juta", "مليار")? Every
 * one written in ASCII starts with b, j, m, r or t (folding keeps an ASCII first letter, lower
 * cased); anything else ASCII cannot, so "1990 the" skips folding "the".
 */
function mayBeScaleWord(c: number): boolean {
  if (c >= 0x80) return true;
  const l = c | 0x20;
  return l === 0x62 || l === 0x6a || l === 0x6d || l === 0x72 || l === 0x74;
}

function canonical(raw: string, language: string | undefined, exponent: number): string {
  const { int, frac } = readDigits(raw, language);
  return canonicalNumber(int, frac, exponent);
}

/** canonicalNumber of digits without separators: the digits, the scale's zeros, no leading zeros. */
function plainNumber(digits: string, exponent: number): string {
  let z = 0;
  while (z < digits.length - 1 && digits.charCodeAt(z) === 0x30) z++;
  if (exponent > 0) return z === digits.length - 1 && digits.charCodeAt(z) === 0x30 ? '0' : (z ? digits.slice(z) : digits) + '0'.repeat(exponent);
  return z ? digits.slice(z) : digits;
}
