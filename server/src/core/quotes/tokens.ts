/**
 * The tokens of a paragraph as the quote analysis reads it: words, single punctuation marks and
 * whole top-level quotations, packed three numbers per token (start, end, flags) so that cutting
 * a paragraph into sentences makes no object per word.
 */

/** Token kinds, in the flags' lowest two bits. */
export const W = 0;
export const P = 1;
export const Q = 2;
/** Flag: whitespace (or an editorial bracket) precedes the token. */
export const SPACE = 4;
/** Flags above this shift hold a 'q' token's quotation index. */
export const QUOTE_SHIFT = 3;

/** A top-level quotation with a segment in the paragraph: [quotation index, start, end]. */
export type Top = readonly [number, number, number];

const WORD_RE = /[\p{L}\p{M}\p{N}\uFFFC]/u;
/**
 * Per UTF-16 code unit: 1 a word character (letter, mark, digit or placeholder), 2 not, 0 not yet
 * known. The Unicode regex decides each code unit once; the tokenizer looks up character codes only.
 */
const WORD_CODES = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) WORD_CODES[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;
export function isWordCode(c: number): boolean {
  let k = WORD_CODES[c];
  if (k === 0) WORD_CODES[c] = k = WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Whitespace between tokens; editorial brackets ([Name], [sic]) too: they never carry attribution. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 0xa0 || c === 0x202f || c === 13 || c === 91 || c === 93;
}

/** Characters that join word characters into one word: don't, Jakarta’s, so-called, U.S, 3.5. */
export function isJoinerCode(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 45 || c === 46;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;

/**
 * Tokens of text[from, to), which must start and end between tokens. `space` is the flag of the
 * first token, `t` the index of the first quotation of `tops` at or after `from`. `cjk` makes
 * words runs between punctuation (spaces between non-CJK characters included).
 */
export function tokenize(text: string, tops: readonly Top[], cjk: boolean, from = 0, to = text.length, space = SPACE, t = 0): number[] {
  const tokens: number[] = [];
  const n = text.length;
  let i = from;
  while (i < to) {
    if (t < tops.length && tops[t][1] === i) {
      const [q, s, e] = tops[t++];
      tokens.push(s, e, Q | space | (q << QUOTE_SHIFT));
      i = e;
      space = 0;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) { space = SPACE; i++; continue; }
    const limit = t < tops.length ? tops[t][1] : n;
    if (isWordCode(c)) {
      let j = i + 1;
      if (cjk) {
        while (j < limit && (isWordCode(text.charCodeAt(j)) || (text.charCodeAt(j) === 32 && j + 1 < limit && !CJK.test(text[j + 1]) && !CJK.test(text[j - 1])))) j++;
      } else {
        for (; j < limit; j++) {
          const d = text.charCodeAt(j);
          if (isWordCode(d)) continue;
          if (isJoinerCode(d) && j + 1 < n && isWordCode(text.charCodeAt(j + 1))) continue;
          break;
        }
      }
      tokens.push(i, j, W | space);
      i = j;
    } else {
      tokens.push(i, i + 1, P | space);
      i++;
    }
    space = 0;
  }
  return tokens;
}
