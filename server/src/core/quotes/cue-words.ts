import type { Item } from './context.js';
import type { SpacedLexicon } from './lexicon.js';

/**
 * Cue words and phrases of a lexicon, looked up per word: what a word can be (a cue verb, the
 * start of "according to", a speech noun, a naming verb), remembered per lexicon so a sentence
 * scan allocates nothing per word.
 */
export type CueKind = 'verb' | 'according' | 'noun' | 'naming';
export interface CueMatch { kind: CueKind; first: number; last: number }

export function isWord(it: Item | undefined): it is Item { return it !== undefined && it.t === 'w'; }

/** The phrase of `list` (already narrowed to those whose first word fits items[j]) ending furthest at j. */
function phraseAt(items: readonly Item[], j: number, list: readonly string[][], limit: number): number {
  for (const p of list) {
    let k = 1;
    while (k < p.length && j + k < limit && isWord(items[j + k]) && items[j + k].low === p[k]) k++;
    if (k === p.length) return j + k - 1;
  }
  return -1;
}

/**
 * What the lexicon says about one word form, computed once per form and lexicon: cue look-ups
 * are the analysis's inner loop (every word of a draft is asked), so none of them may allocate
 * or try variants twice.
 */
interface WordInfo {
  according: string[][];
  phrases: string[][];
  naming: boolean;
  verb: boolean;
  weak: boolean;
  noun: boolean;
}
const NO_PHRASES: string[][] = [];
const wordInfos = new WeakMap<SpacedLexicon, Map<string, WordInfo | null>>();

function wordInfo(lex: SpacedLexicon, low: string): WordInfo | null {
  let table = wordInfos.get(lex);
  if (!table) wordInfos.set(lex, (table = new Map()));
  let info = table.get(low);
  if (info !== undefined) return info;
  const vs = lex.variants(low);
  const has = (set: ReadonlySet<string>) => set.has(low) || vs.some((v) => set.has(v));
  const starting = (list: readonly string[][]) => {
    const out = list.filter((p) => p[0] === low || vs.includes(p[0]));
    return out.length ? out : NO_PHRASES;
  };
  info = {
    according: starting(lex.according),
    phrases: starting(lex.phrases),
    naming: has(lex.naming),
    verb: has(lex.verbs),
    weak: lex.weakVerbs.has(low),
    noun: has(lex.nouns),
  };
  if (!info.according.length && !info.phrases.length && !info.naming && !info.verb && !info.weak && !info.noun) info = null;
  // Bounded: a long-running server sees an open-ended vocabulary.
  if (table.size > 50_000) table.clear();
  table.set(low, info);
  return info;
}

export function inSet(lex: SpacedLexicon, set: ReadonlySet<string>, it: Item): boolean {
  if (set.has(it.low)) return true;
  const vs = lex.variants(it.low);
  for (let i = 1; i < vs.length; i++) if (set.has(vs[i])) return true;
  return vs.length === 1 && vs[0] !== it.low && set.has(vs[0]);
}

/**
 * Cue starting at item j (words only). Cached on the item: every rule that reads a sentence asks
 * about the same words. (A phrase never spans a quotation or punctuation, so the answer does not
 * depend on where the caller's window ends.)
 */
export function cueAt(lex: SpacedLexicon, items: readonly Item[], j: number, _limit?: number): CueMatch | undefined {
  const it = items[j];
  if (!isWord(it)) return undefined;
  if (it.cue === undefined) it.cue = findCue(lex, items, j) ?? null;
  return (it.cue as CueMatch | null) ?? undefined;
}

function findCue(lex: SpacedLexicon, items: readonly Item[], j: number): CueMatch | undefined {
  const it = items[j];
  const info = wordInfo(lex, it.low);
  if (!info) return undefined;
  const limit = items.length;
  let end = info.according.length ? phraseAt(items, j, info.according, limit) : -1;
  if (end >= 0) return { kind: 'according', first: j, last: end };
  end = info.phrases.length ? phraseAt(items, j, info.phrases, limit) : -1;
  if (end >= 0) return { kind: 'verb', first: j, last: end };
  // "needing to mention", "refused to say": an infinitive reports nothing.
  if (lex.lang === 'en' && isWord(items[j - 1]) && items[j - 1].low === 'to') return undefined;
  // "Stevie Wonder", "Mark Said": a capitalised cue word inside a run of capitalised words is part
  // of a name, unless the whole sentence is in title case (a headline: "Trump Says He Will Win").
  if (lex.cased && j > 0 && isWord(items[j - 1]) && upper(items[j - 1].text) && upper(it.text) && !titleCased(items)) return undefined;
  if (info.naming) return { kind: 'naming', first: j, last: j };
  if (info.verb) return { kind: 'verb', first: j, last: j };
  if (info.weak) {
    const next = items[j + 1];
    const prev = items[j - 1];
    // "In one tweet,", "a charge that": after a determiner or a numeral the word is a noun.
    const noun = isWord(prev) && (lex.determiners.has(prev.low) || prev.low === 'one' || /^\d/.test(prev.low));
    const verbal = !noun && ((next && (next.t === 'q' || next.low === 'that' || next.text === ':' || next.text === ',')) ||
      (isWord(prev) && lex.pronouns.has(prev.low)));
    if (verbal) return { kind: lex.weakNaming.has(it.low) ? 'naming' : 'verb', first: j, last: j };
  }
  if (info.noun) return { kind: 'noun', first: j, last: j };
  return undefined;
}

export function upper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(text);
}

/** Most words of the sentence are capitalised: a headline in title case. */
export function titleCased(items: readonly Item[]): boolean {
  let words = 0;
  let caps = 0;
  for (const it of items) if (it.t === 'w' && /^\p{L}/u.test(it.text)) { words++; if (upper(it.text)) caps++; }
  return caps * 3 >= words * 2;
}
