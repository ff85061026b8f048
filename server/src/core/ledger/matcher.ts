/**
 * All claim variants of a ledger in one token trie, built once per ledger. A draft block is
 * tokenised once and walked from each token; a walk stops at the first key the trie lacks, so
 * the cost is the draft's length times the few steps a partial match survives — independent of
 * how many entries the ledger has.
 */
import type { Ledger, LedgerEntry } from './types.js';
import { rememberedByEntries } from './by-entries.js';
import { BREAK, OPAQUE, hasKeys, tokenize, tokenKeys, type Tokens } from './tokenize.js';
import { ClaimAnchors } from './anchors.js';

export interface VariantRef {
  entry: LedgerEntry;
  /** Index of the variant in `entry.claim`. */
  variant: number;
  lang?: string;
}

/**
 * A trie node, path-compressed: the edge into a node is its first key plus `tail`, the keys that
 * must follow (past its first words a claim is usually unique, so most of a big ledger's paths
 * are single chains). The first child is kept inline and a Map is made only for a second one.
 * A 100,000-entry ledger made hundreds of thousands of nodes, each with a Map; building them
 * and collecting them took seconds (issue #9).
 */
interface Node {
  key: string | undefined;
  child: Node | undefined;
  more: Map<string, Node> | undefined;
  /** The keys after the first, joined by SEP (one string, not an array and a string per key). */
  tail: string | undefined;
  /** The variants ending here: one (most nodes), or several with the same keys. */
  hits: VariantRef | VariantRef[] | undefined;
}

/** Between the keys of a tail; no key holds it (keys are words, numbers, marks and Han/kana). */
const SEP = '\u0000';
const newNode = (tail?: string): Node => ({ key: undefined, child: undefined, more: undefined, tail, hits: undefined });
const joinKeys = (keys: readonly string[], from: number, to = keys.length) => (to > from ? keys.slice(from, to).join(SEP) : undefined);

function step(node: Node, key: string): Node | undefined {
  return node.key === key ? node.child : node.more?.get(key);
}

function attach(node: Node, key: string, child: Node): void {
  if (node.key === undefined || node.key === key) { node.key = key; node.child = child; } else (node.more ??= new Map()).set(key, child);
}

/** The node where `keys` end, made (and edges split) as needed. */
function insert(root: Node, keys: readonly string[]): Node {
  let node = root;
  let i = 0;
  while (i < keys.length) {
    const first = keys[i];
    let child = step(node, first);
    if (!child) {
      child = newNode(joinKeys(keys, i + 1));
      attach(node, first, child);
      return child;
    }
    i++;
    if (child.tail !== undefined) {
      const tail = child.tail.split(SEP);
      let t = 0;
      while (t < tail.length && i < keys.length && tail[t] === keys[i]) { t++; i++; }
      if (t < tail.length) {
        // The keys leave (or end inside) this edge: split it where they do.
        const mid = newNode(joinKeys(tail, 0, t));
        child.tail = joinKeys(tail, t + 1);
        attach(mid, tail[t], child);
        attach(node, first, mid);
        child = mid;
      }
    }
    node = child;
  }
  return node;
}

export interface TokenMatch {
  refs: VariantRef[];
  /** Token indices, end exclusive. */
  from: number;
  to: number;
}

export interface CompiledLedger {
  entries: number;
  variants: number;
  /** What the prefilter looks for: the anchors of every claim wording (collected while building). */
  anchors: ClaimAnchors;
  /** Keys of each entry's correction wordings, to tell when a draft states the correction. */
  correctionKeys(entry: LedgerEntry): string[][];
  /** Matches in one tokenised block: longest at each start, none inside another. */
  scan(tokens: Tokens): TokenMatch[];
}

const EMPTY = build([]);
const remembered = rememberedByEntries(build);

/** The compiled form of a ledger, built once per set of entries and reused while they are the same. */
export function compileLedger(ledger: Ledger): CompiledLedger {
  return ledger.entries.length === 0 ? EMPTY : remembered(ledger.entries);
}

function build(entries: readonly LedgerEntry[]): CompiledLedger {
  const root = newNode();
  let variants = 0;
  const anchors = new ClaimAnchors();
  for (const entry of entries) {
    for (let variant = 0; variant < entry.claim.length; variant++) {
      const lang = entry.claimLang?.[variant] ?? entry.lang;
      const keys = claimKeys(entry.claim[variant], lang);
      anchors.add(keys);
      if (keys.length === 0) continue;
      const node = insert(root, keys);
      const ref: VariantRef = { entry, variant, lang };
      if (node.hits === undefined) node.hits = ref;
      else if (Array.isArray(node.hits)) node.hits.push(ref);
      else node.hits = [node.hits, ref];
      variants++;
    }
  }
  const corrections = new WeakMap<LedgerEntry, string[][]>();
  return {
    entries: entries.length,
    variants,
    anchors,
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

/** Whether a ledger wording has anything to match (claimKeys(text).length > 0, without the keys). */
export function hasWords(text: string): boolean {
  return hasKeys(text);
}

/** Keys of a ledger wording; sentence breaks at its ends do not count. */
export function claimKeys(text: string, lang?: string): string[] {
  const keys = tokenKeys(text, lang);
  while (keys[keys.length - 1] === BREAK) keys.pop();
  return keys;
}

/** Where the keys from `j` on run past a node's tail, or 0 when they do not follow it. */
function matchTail(tail: string, keys: readonly string[], j: number): number {
  for (let pos = 0; ; j++) {
    if (j >= keys.length) return 0;
    const k = keys[j];
    if (!tail.startsWith(k, pos)) return 0;
    pos += k.length;
    if (pos === tail.length) return j + 1;
    if (tail.charCodeAt(pos) !== 0) return 0; // the tail's key only begins with k
    pos++;
  }
}

function scan(root: Node, tokens: Tokens): TokenMatch[] {
  const { keys } = tokens;
  const found: TokenMatch[] = [];
  let coveredTo = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i < coveredTo) continue; // inside the last match: a match here would overlap it
    const first = keys[i];
    if (first === BREAK || first === OPAQUE) continue;
    let node = step(root, first);
    let best: TokenMatch | undefined;
    let j = i + 1; // keys before j are matched
    while (node) {
      if (node.tail !== undefined && !(j = matchTail(node.tail, keys, j))) break;
      if (node.hits) best = { refs: Array.isArray(node.hits) ? node.hits : [node.hits], from: i, to: j };
      if (j >= keys.length) break;
      node = step(node, keys[j++]);
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
