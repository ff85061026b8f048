/**
 * The anchors of claim wordings, for the prefilter (prefilter.ts): each wording's first adjacent
 * Han/kana pair, else the first (up to four) letters of its two longest a–z words. They are
 * collected while the matcher is built (matcher.ts), from the keys it has at hand: for a
 * 100,000-entry ledger, reading them back or tokenizing the claims again took a tenth of a second.
 *
 * Anchors are numbers. A Latin anchor is its own slot in base 27 (a = 1 … z = 26, so that anchors
 * of different lengths never share one): below LATIN_SLOTS. A Han/kana pair is numbered from
 * LATIN_SLOTS up, in the order first seen.
 */
import { isCjk } from './tokenize.js';

export const LATIN_SLOTS = 27 ** 4;

export class ClaimAnchors {
  /** Some wording has no anchor at all (a bare number, no words): every draft is a candidate. */
  always = false;
  /** Han/kana pairs and their numbers. */
  readonly cjk = new Map<string, number>();
  /**
   * Each distinct set of anchors a wording needs: `a · 2²⁶ + b + 1` with a < b, or b = -1 for a
   * wording with one anchor (many wordings share their anchors: "the bridge number 1 … 100,000").
   */
  readonly sets = new Set<number>();

  /** The anchors of one wording, given its keys (claimKeys). */
  add(keys: readonly string[]): void {
    if (this.always) return;
    let a = -1;
    let b = -1;
    for (let j = 0; j + 1 < keys.length; j++) {
      if (isCjkKey(keys[j]) && isCjkKey(keys[j + 1])) { a = this.cjkId(keys[j] + keys[j + 1]); break; }
    }
    if (a < 0) {
      // The two longest distinct a–z keys, the earlier first among equals.
      let first = '';
      let second = '';
      for (const k of keys) {
        if (k.length <= second.length || k === first || !isLatinKey(k)) continue;
        if (k.length > first.length) { second = first; first = k; } else second = k;
      }
      a = latinAnchor(first);
      b = latinAnchor(second);
      if (a < 0) { a = b; b = -1; }
      if (a === b) b = -1;
      if (b >= 0 && b < a) { const t = a; a = b; b = t; }
    }
    if (a < 0) { this.always = true; return; }
    this.sets.add(a * 0x4000000 + (b + 1)); // both below 2²⁶: exact in a double
  }

  private cjkId(pair: string): number {
    let id = this.cjk.get(pair);
    if (id === undefined) { id = LATIN_SLOTS + this.cjk.size; this.cjk.set(pair, id); }
    return id;
  }
}

/**
 * The slot of a word's anchor: its first four letters — or fewer, stopping before a final i,
 * which stemming may have made of a y (city → citi), so that the anchor begins every surface form
 * of the word. -1 when that leaves fewer than two letters (or there is no word).
 */
function latinAnchor(w: string): number {
  const n = Math.min(4, w.endsWith('i') ? w.length - 1 : w.length);
  if (n < 2) return -1;
  let slot = 0;
  for (let i = 0; i < n; i++) slot = slot * 27 + (w.charCodeAt(i) - 96);
  return slot;
}

function isLatinKey(k: string): boolean {
  for (let i = 0; i < k.length; i++) { const c = k.charCodeAt(i); if (c < 0x61 || c > 0x7a) return false; }
  return k.length > 0;
}

function isCjkKey(k: string): boolean {
  return k.length <= 2 && isCjk(k.codePointAt(0)!);
}
