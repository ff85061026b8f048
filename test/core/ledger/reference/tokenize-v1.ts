/**
 * One tokeniser for ledger claims and draft prose, so that both sides fold the same way: a claim
 * matches when its key sequence appears in the draft's. Keys drop what a reader does not hear
 * (case, accents, quote marks, hyphens, line breaks, markup) but keep word boundaries, so
 * "unclassified" stays a different key from "classified". Han and kana are one key per character
 * because Chinese and Japanese are written without spaces.
 */
import { cjkScale, asciiDigit, canonicalNumber, readDigits, scaleSuffix, scaleWord } from './numbers-v1.js';

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

const APOSTROPHES = new Set(["'", '\u2019', '\u02bc', '\u2018', '\uff07']);
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012', '\ufe63', '\uff0d']);
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

/** Case, accents, Arabic letter variants and light inflection folded away. */
export function foldWord(word: string): string {
  let w = /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize('NFKD').replace(/[\p{M}\u0640\u00ad]/gu, '').toLowerCase();
  if (/^[a-z]+$/.test(w)) return stem(w);
  if (/[\u0600-\u06ff]/.test(w)) {
    w = w.replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064a').replace(/[\u0622\u0623\u0625]/g, '\u0627');
    // Attached conjunction/preposition + article: "والشبكة", "بالشبكة", "للشبكة" → "الشبكة".
    w = w.replace(/^[\u0648\u0641]?[\u0628\u0644\u0643]?\u0627\u0644(?=..)/, '\u0627\u0644').replace(/^[\u0648\u0641]?\u0644\u0644(?=..)/, '\u0627\u0644');
  }
  return w;
}

/**
 * Simple English (and French) inflection, applied to both sides alike: plural and possessive
 * forms meet ("networks" = "network", "companies" = "company", "classifiée" = "classifié"). Short
 * words are left alone so that "was", "gas" and "us" stay themselves.
 */
function stem(w: string): string {
  if (w.length < 4) return w;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'i';
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (let k = 0; k < 2 && w.length > 3 && w.endsWith('e'); k++) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y') && !/[aeiou]y$/.test(w)) w = w.slice(0, -1) + 'i';
  return w;
}

/** Splits prose into keys. `language` decides decimal comma vs point and scale words. */
export function tokenize(text: string, language?: string): Tokens {
  const t: Tokens = { keys: [], start: [], end: [], hyphenated: [], cjk: [] };
  const n = text.length;
  let lastAbbrev = false;
  const push = (key: string, s: number, e: number, cjk = false) => {
    const prev = t.keys.length - 1;
    const hyph = prev >= 0 && s - t.end[prev] === 1 && HYPHENS.has(text[s - 1]) && t.keys[prev] !== BREAK;
    t.keys.push(key); t.start.push(s); t.end.push(e); t.hyphenated.push(hyph); t.cjk.push(cjk);
  };
  const pushBreak = (at: number) => {
    const last = t.keys[t.keys.length - 1];
    if (last !== undefined && last !== BREAK) push(BREAK, at, at + 1);
  };
  let i = 0;
  while (i < n) {
    const ch = text[i];
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (asciiDigit(ch) !== undefined && !isLetter(text[i - 1])) { i = readNumber(text, i, language, push); lastAbbrev = false; continue; }
    if (isCjk(cp)) { push(String.fromCodePoint(cp).normalize('NFKC'), i, i + width, true); i += width; lastAbbrev = false; continue; }
    if (isWordChar(ch)) { const r = readWord(text, i); push(foldWord(r.word), i, r.end); lastAbbrev = r.abbrev; i = r.next; continue; }
    if (ch === '\ufffc') push(OPAQUE, i, i + 1);
    else if (ch === '%' || ch === '\uff05' || ch === '\u066a') push('%', i, i + 1);
    else if (ENDERS.has(ch) || (ch === '.' && !lastAbbrev && (i + 1 >= n || CLOSERS.test(text[i + 1])))) pushBreak(i);
    lastAbbrev = false;
    i += width;
  }
  return t;
}

function readWord(text: string, from: number): { word: string; end: number; next: number; abbrev: boolean } {
  let i = from;
  let word = '';
  let segment = 0; // letters since the last joining dot
  let dotted = false;
  for (;;) {
    const ch = text[i];
    if (ch === '\u00ad') { i++; continue; }
    if (isWordChar(ch)) { word += ch; segment++; i++; continue; }
    const next = text[i + 1];
    if (ch !== undefined && APOSTROPHES.has(ch) && isLetter(next)) {
      if (ELIDED.test(word.toLowerCase())) return { word, end: i, next: i + 1, abbrev: false };
      if ((next === 's' || next === 'S') && !isWordChar(text[i + 2])) return { word, end: i, next: i + 2, abbrev: false };
      i++; // don't, isn't, o'clock: one word
      continue;
    }
    if (ch === '.' && segment === 1 && isLetter(next) && !isWordChar(text[i + 2])) { dotted = true; segment = 0; i++; continue; }
    if (ch === '.' && dotted && segment === 1) return { word, end: i, next: i + 1, abbrev: true };
    const abbrev = ch === '.' && ABBREVIATIONS.has(word.toLowerCase());
    if (ch !== undefined && APOSTROPHES.has(ch) && /s$/i.test(word)) return { word, end: i, next: i + 1, abbrev };
    return { word, end: i, next: i, abbrev };
  }
}

type Push = (key: string, s: number, e: number, cjk?: boolean) => void;

/** Reads "1,200,000", "1.2bn", "1.2 billion", "12亿", "1 200" (no-break space) as one key. */
function readNumber(text: string, from: number, language: string | undefined, push: Push): number {
  let i = from;
  let raw = '';
  for (;;) {
    const d = asciiDigit(text[i]);
    if (d !== undefined) { raw += d; i++; continue; }
    const sep = text[i];
    const spaced = sep === '\u00a0' || sep === '\u202f' || (sep === ' ' && language === 'fr');
    if ((sep === ',' || sep === '.' || sep === '\u066b' || sep === '\u066c' || spaced) && asciiDigit(text[i + 1] ?? '') !== undefined) {
      if (spaced && !/^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) break;
      raw += sep === '\u066b' ? '.' : sep === '\u066c' ? ',' : sep;
      i++;
      continue;
    }
    break;
  }
  let exponent = 0;
  let end = i;
  if (isLetter(text[i])) {
    let j = i;
    while (isWordChar(text[j])) j++;
    const letters = text.slice(i, j).toLowerCase();
    const suffix = /^[a-z]+$/.test(letters) ? scaleSuffix(letters) : undefined;
    if (suffix === undefined) {
      // "5G", "3rd", "10am": a word that starts with digits.
      push(foldWord(text.slice(from, j).replace(/[.,\s]/g, '')), from, j);
      return j;
    }
    exponent = suffix;
    end = i = j;
  } else if (cjkScale(text[i]) !== undefined) {
    for (let e = cjkScale(text[i]); e !== undefined; e = cjkScale(text[++i])) exponent += e;
    end = i;
  } else {
    let j = i;
    while (text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\n') j++;
    let k = j;
    while (isWordChar(text[k])) k++;
    const scale = k > j ? scaleWord(foldWord(text.slice(j, k)), language) ?? scaleWord(text.slice(j, k).toLowerCase(), language) : undefined;
    if (scale !== undefined) { exponent = scale; end = i = k; }
  }
  const { int, frac } = readDigits(raw, language);
  push('#' + canonicalNumber(int, frac, exponent), from, end);
  return i;
}
