import { LATIN_SLOTS, type ClaimAnchors } from './anchors.js';
import { endsWithLetters, isJoinerCode, JOINED, JOINER_CHARS, JOINER_LIST, PLAIN_TEXT, slotText } from './raw-words.js';
import { ANCHOR, AnchorTable, ASCII, JOINED as JOINED_FLAG, scanBytes } from '../byte-scan.js';
import { isAscii } from '../text-utils.js';

/** Matches any text: the gate that rules nothing out. */
const ANY = /(?:)/;

/**
 * The prefilter for a small ledger (at most 32 distinct wordings) on PLAIN_TEXT. On this project's
 * 2-core machine a loop over the characters in JavaScript reads ~110 MB/s; the engine's own
 * substring search several GB/s. So: first one case-insensitive search of the raw text for one
 * anchor of each wording (the gate), and a look at the places where joining characters could
 * split one; most drafts end there. Where WebAssembly runs, the byte scan (byte-scan.ts) answers
 * both in one pass over the text's bytes. A draft let through is lower-cased, and when letters in
 * it are joined as the tokenizer joins them ("don't", "U.S.") or by Markdown ("net**work**"), the
 * joining characters are dropped (the tokenizer's "dont", "us" and "network" appear; every run
 * of letters stays); then anchors are looked for as substrings — which finds every word that
 * begins with one, and more.
 * Anchors are tried in an order that settles most texts in a few searches: those that rule out
 * the most wordings first, and among them those least often present so far.
 */
export class FewAnchors {
  /** Checks between re-orderings of the anchors by how often they were present. */
  private static readonly REORDER = 512;
  private order: number[];
  /**
   * One anchor of each wording, the one least often present so far, as one regular expression:
   * a single search (the engine's, ~2.5× faster than a substring search per anchor) rules out a
   * draft that holds none of them — most drafts of an archive, as no wording can be complete.
   */
  private gate = ANY;
  /** The gate's anchors for the byte scan (byte-scan.ts), which answers as `gate` does. */
  private gateTable: AnchorTable | undefined;
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

  /**
   * Whether the text could hold a wording; undefined when it is not text this class reads (neither
   * ASCII nor PLAIN_TEXT: the caller's Scanner reads it).
   */
  test(text: string): boolean | undefined {
    // Re-ordered first: the byte scan's answer must be for the gate that splitGateAnchor reads.
    if (++this.tests % FewAnchors.REORDER === 0) this.reorder();
    // The byte scan, when there is one, answers the gate and tells whether any joining character
    // comes before a letter (else none can split an anchor) in one pass.
    const flags = this.gateTable && scanBytes(text, this.gateTable);
    const ascii = flags === undefined ? isAscii(text) : (flags & ASCII) !== 0;
    if (!ascii && !PLAIN_TEXT.test(text)) return undefined;
    let alive = this.latinWordings;
    if (alive === 0) return false;
    // The gate reads the raw text: most drafts are ruled out without lower-casing or joining it.
    const gate = flags === undefined
      ? this.gate.test(text) || this.splitGateAnchor(text)
      : (flags & ANCHOR) !== 0 || ((flags & JOINED_FLAG) !== 0 && this.splitGateAnchor(text));
    if (!gate) return false;
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
    const valid = words.length > 0 && words.every((w) => /^[a-z]{2,4}$/.test(w));
    this.gate = valid ? new RegExp(words.join('|'), 'i') : ANY;
    this.gateTable = valid ? new AnchorTable(words) : undefined;
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
