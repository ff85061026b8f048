/**
 * All claim variants of a ledger in one token trie, built once per ledger. A draft block is
 * tokenised once and walked from each token; a walk stops at the first key the trie lacks, so
 * the cost is the draft's length times the few steps a partial match survives — independent of
 * how many entries the ledger has.
 */
import type { Ledger, LedgerEntry } from '../../../../server/src/core/ledger/types.js';
import { BREAK, OPAQUE, tokenize, type Tokens } from './tokenize-v1.js';

export interface VariantRef {
  entry: LedgerEntry;
  /** Index of the variant in `entry.claim`. */
  variant: number;
  lang?: string;
}

interface Node { next: Map<string, Node>; hits?: VariantRef[] }

export interface TokenMatch {
  refs: VariantRef[];
  /** Token indices, end exclusive. */
  from: number;
  to: number;
}

export interface CompiledLedger {
  entries: number;
  variants: number;
  /** Keys of each entry's correction wordings, to tell when a draft states the correction. */
  correctionKeys(entry: LedgerEntry): string[][];
  /** Matches in one tokenised block: longest at each start, none inside another. */
  scan(tokens: Tokens): TokenMatch[];
}

// Keyed by the first entry: callers often copy the entries into a new array (one per ledger
// file), so the array itself is not a stable key; the same entry objects in the same order are.
const cache = new WeakMap<LedgerEntry, { entries: LedgerEntry[]; compiled: CompiledLedger }>();
const EMPTY = build([]);

/** The compiled form of a ledger, built once per set of entries and reused while they are the same. */
export function compileLedger(ledger: Ledger): CompiledLedger {
  const list = ledger.entries;
  if (list.length === 0) return EMPTY;
  const hit = cache.get(list[0]);
  if (hit && hit.entries.length === list.length && hit.entries.every((e, i) => e === list[i])) return hit.compiled;
  const compiled = build(list);
  cache.set(list[0], { entries: [...list], compiled });
  return compiled;
}

function build(entries: readonly LedgerEntry[]): CompiledLedger {
  const root: Node = { next: new Map() };
  let variants = 0;
  for (const entry of entries) {
    entry.claim.forEach((text, variant) => {
      const lang = entry.claimLang?.[variant] ?? entry.lang;
      const keys = claimKeys(text, lang);
      if (keys.length === 0) return;
      let node = root;
      for (const k of keys) {
        let child = node.next.get(k);
        if (!child) { child = { next: new Map() }; node.next.set(k, child); }
        node = child;
      }
      (node.hits ??= []).push({ entry, variant, lang });
      variants++;
    });
  }
  const corrections = new WeakMap<LedgerEntry, string[][]>();
  return {
    entries: entries.length,
    variants,
    correctionKeys(entry) {
      let keys = corrections.get(entry);
      if (!keys) {
        const texts = entry.correction === undefined ? [] : typeof entry.correction === 'string' ? [[entry.correction, entry.lang] as const] : Object.entries(entry.correction).map(([l, c]) => [c, l] as const);
        keys = texts.map(([c, l]) => claimKeys(c, l)).filter((k) => k.length > 0);
        corrections.set(entry, keys);
      }
      return keys;
    },
    scan: (tokens) => scan(root, tokens),
  };
}

/** Keys of a ledger wording; sentence breaks at its ends do not count. */
export function claimKeys(text: string, lang?: string): string[] {
  const keys = tokenize(text, lang).keys;
  while (keys[keys.length - 1] === BREAK) keys.pop();
  return keys;
}

function scan(root: Node, tokens: Tokens): TokenMatch[] {
  const { keys } = tokens;
  const found: TokenMatch[] = [];
  let coveredTo = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i < coveredTo) continue; // inside the last match: a match here would overlap it
    const first = keys[i];
    if (first === BREAK || first === OPAQUE) continue;
    let node = root.next.get(first);
    let best: TokenMatch | undefined;
    for (let j = i + 1; node; j++) {
      if (node.hits) best = { refs: node.hits, from: i, to: j };
      if (j >= keys.length) break;
      node = node.next.get(keys[j]);
    }
    // Leftmost-longest, never overlapping: a repeated phrase must not yield one match per word
    // (a 5,000-word claim in a 20,000-word draft gave thousands of overlapping findings).
    if (!best || best.from < coveredTo) continue;
    found.push(best);
    coveredTo = best.to;
  }
  return found;
}

/** Finds every claim of `ledger` in plain text (no Markdown): for benchmarks and tools. */
export function findClaims(ledger: Ledger, text: string, language?: string): Array<{ id: string; variant: string; start: number; end: number }> {
  const tokens = tokenize(text, language);
  return compileLedger(ledger).scan(tokens).flatMap((m) => m.refs.map((r) => ({
    id: r.entry.id, variant: r.entry.claim[r.variant], start: tokens.start[m.from], end: tokens.end[m.to - 1],
  })));
}
