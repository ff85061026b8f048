import { cacheLimits } from '../../../../server/src/core/limits.js';
import type { Ledger, LedgerEntry } from '../../../../server/src/core/ledger/types.js';
import { claimKeys } from './matcher-v1.js';
import { isCjk } from './tokenize-v1.js';

/**
 * A quick test on a draft's raw text: could it contain any claim of the ledger? It never answers
 * "no" for a draft the full matcher would flag, so an archive scan can skip parsing every draft
 * where it says no. Each claim variant contributes one anchor — the first four letters of its
 * longest word (after folding, which is also a prefix of every inflected form), or two adjacent
 * Han/kana characters — and a variant with no usable anchor (a bare number, say) makes every
 * draft a candidate.
 */
export type Prefilter = (text: string) => boolean;

const cache = new WeakMap<LedgerEntry, { entries: LedgerEntry[]; filter: Prefilter }>();

export function claimPrefilter(ledger: Ledger): Prefilter {
  const list = ledger.entries;
  if (list.length === 0) return () => false;
  const hit = cache.get(list[0]);
  if (hit && hit.entries.length === list.length && hit.entries.every((e, i) => e === list[i])) return hit.filter;
  const filter = build(list);
  cache.set(list[0], { entries: [...list], filter });
  return filter;
}

const LATIN_KEY = /^[a-z]+$/;

function build(entries: readonly LedgerEntry[]): Prefilter {
  // Each variant needs all of its anchors (its two longest words, or one Han/kana pair): one common
  // word of a claim ("hospital") must not make every draft about hospitals a candidate.
  const variants: string[][] = [];
  for (const entry of entries) {
    entry.claim.forEach((text, i) => {
      const keys = claimKeys(text, entry.claimLang?.[i] ?? entry.lang);
      const cjk = keys.findIndex((k, j) => j + 1 < keys.length && isCjkKey(k) && isCjkKey(keys[j + 1]));
      if (cjk >= 0) { variants.push([keys[cjk] + keys[cjk + 1]]); return; }
      const latin = [...new Set(keys.filter((k) => LATIN_KEY.test(k)))].sort((a, b) => b.length - a.length).slice(0, 2);
      // Stemming only trims a word's end, but may turn a final y into i (city → citi): an anchor
      // stops before such an i, so it is a prefix of every surface form of the word.
      const anchors = latin.map((w) => w.slice(0, Math.min(4, w.endsWith('i') ? w.length - 1 : w.length))).filter((a) => a.length >= 2);
      variants.push(anchors);
    });
  }
  // A variant with no anchor at all (a bare number): every draft is a candidate.
  if (variants.some((v) => v.length === 0)) return () => true;
  const anchors = new Set(variants.flat());
  const few = anchors.size <= 24;
  const test = (raw: string): boolean => {
    const text = fold(raw);
    let present: (a: string) => boolean;
    if (few) {
      const seen = new Map<string, boolean>();
      present = (a) => { let v = seen.get(a); if (v === undefined) { v = text.includes(a); seen.set(a, v); } return v; };
    } else {
      const found = new Set<string>();
      for (let i = 0; i + 1 < text.length; i++) {
        const pair = text.slice(i, i + 2);
        if (anchors.has(pair) && !/[a-z]/.test(pair)) found.add(pair);
      }
      const word = /[a-z]+/g;
      for (let m = word.exec(text); m; m = word.exec(text)) {
        for (let n = 2; n <= 4 && n <= m[0].length; n++) {
          const p = m[0].slice(0, n);
          if (anchors.has(p)) found.add(p);
        }
      }
      present = (a) => found.has(a);
    }
    return variants.some((v) => v.every(present));
  };
  // Paragraphs repeat from one version of a draft to the next: remember the answer per text.
  const memo = new Map<string, boolean>();
  return (raw) => {
    let v = memo.get(raw);
    if (v === undefined) {
      v = test(raw);
      if (memo.size >= cacheLimits.paragraphs) memo.delete(memo.keys().next().value!);
      memo.set(raw, v);
    }
    return v;
  };
}

function isCjkKey(k: string): boolean {
  return k.length <= 2 && isCjk(k.codePointAt(0)!);
}

/** The folding of tokenize.ts that matters for anchors: case, accents, soft hyphens, compatibility forms. */
function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/[\p{M}\u0640\u00ad]/gu, '').toLowerCase();
}
