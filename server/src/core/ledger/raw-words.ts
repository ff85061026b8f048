// How the words of a draft's raw text are read before it is parsed (the claim prefilter): which
// characters join the parts of a word, and which Markdown hides letters from a plain reading.

// Besides the tokenizer's apostrophes and dots: Markdown's emphasis markers, escapes and link
// brackets, which disappear when the paragraph is read ("net**work**", "net[work](…)").
export const JOINERS = new Set(["'", '\u2019', '\u2018', '.', '*', '_', '~', '\\', '[', ']']);

/**
 * ASCII, and the punctuation of edited copy beyond it — no-break space, guillemets, dashes, curly
 * quotes, bullets, ellipsis, primes: none of it is (or folds to) a letter, so lower-casing folds
 * such text as the tokenizer does, and only ’ and ‘ join letters (as apostrophes).
 */
export const PLAIN_TEXT = /^[\x00-\x7f\u00a0\u00ab\u00bb\u2010-\u2022\u2026\u2030\u2032\u2033\u2039\u203a]*$/;
/** Letters joined by apostrophes, dots, emphasis markers or escapes ("don't", "U.S.", "net**work**"). */
export const JOINED = /[a-z]['\u2019\u2018.*_~\\[\]]+[a-z]/;
export const JOINER_CHARS = /['\u2019\u2018.*_~\\[\]]/g;
export const JOINER_LIST = [...JOINERS];
/** JOINERS by character code (all below U+2020), for loops over the characters. */
const JOINER_CODES = new Uint8Array(0x2020);
for (const j of JOINERS) JOINER_CODES[j.charCodeAt(0)] = 1;
export const isJoinerCode = (c: number) => c < 0x2020 && JOINER_CODES[c] === 1;

/** Whether the letters just before `end` are `lower` (a–z), in either case. */
export function endsWithLetters(text: string, end: number, lower: string): boolean {
  const start = end - lower.length;
  if (start < 0) return false;
  // (c | 0x20) maps only A–Z onto a–z, and keeps a–z.
  for (let k = 0; k < lower.length; k++) if ((text.charCodeAt(start + k) | 0x20) !== lower.charCodeAt(k)) return false;
  return true;
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
export function hidesLetters(text: string, beginnings: ReadonlySet<string>): boolean {
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

/** The letters of a Latin anchor's slot (anchors.ts). */
export function slotText(slot: number): string {
  let out = '';
  for (; slot > 0; slot = Math.floor(slot / 27)) out = String.fromCharCode(96 + (slot % 27)) + out;
  return out;
}
