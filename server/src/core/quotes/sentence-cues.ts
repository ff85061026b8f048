import type { Item, SentenceUnit } from './context.js';
import type { SpacedLexicon } from './lexicon.js';
import { COMPLEMENT, cueAt, inSet, isWord, looksLikeName, minor, nearestNameBefore, resolve, type Hit, type Span } from './attribution.js';

/**
 * Sentence-level attribution for space-separated languages: whether a whole sentence names a
 * speaker for the quotation next to it (the sentence before or after, a transcript label), and
 * the subjects of every cue (for the list of likely speakers).
 */

/**
 * A cue with its speaker anywhere in a sentence, outside quotations: for the sentence or
 * paragraph before a quote (`Trump said the plan would fail. "It's a disaster."`). With
 * `head`, only a cue among the first words counts (`"Why?" Then Smith asked.`).
 */
export function sentenceCue(lex: SpacedLexicon, s: SentenceUnit, head?: number): Hit | undefined {
  const items = s.items;
  let words = 0;
  for (let j = 0; j < items.length; j++) {
    if (!isWord(items[j])) continue;
    if (head !== undefined && ++words > head) break;
    const c = cueAt(lex, items, j, items.length);
    if (!c || c.kind === 'noun' || c.kind === 'naming') continue;
    const hit = resolve(lex, items, c, 0, items.length, 'previous-sentence');
    if (hit?.speaker) return hit;
  }
  return undefined;
}

/** The sentence has no words outside its quotations. */
export function quoteOnly(s: SentenceUnit): boolean {
  return s.items.some((it) => it.t === 'q') && !s.items.some((it) => it.t === 'w');
}

/** Subjects of every cue verb in a sentence (for the list of likely speakers). */
export function cueSubjects(lex: SpacedLexicon, s: SentenceUnit): Span[] {
  const out: Span[] = [];
  for (let j = 0; j < s.items.length; j++) {
    const c = cueAt(lex, s.items, j, s.items.length);
    if (!c || c.kind === 'noun' || c.kind === 'naming') continue;
    const hit = resolve(lex, s.items, c, 0, s.items.length, 'cue-before', false);
    if (hit?.speaker && hit.speaker !== hit.cue) out.push(hit.speaker);
    j = c.last;
  }
  return out;
}

/**
 * A sentence that hands over to the quotation after it: it ends with a colon ("Sanders made the
 * following comment:"), or its cue has no content of its own ("Trump said in a statement.",
 * "She told reporters on Tuesday."). A sentence with its own content ("Trump said the plan would
 * fail.") does not attribute the next quote: that quote needs its own source.
 */
export function introduction(lex: SpacedLexicon, s: SentenceUnit, appositive = false): Hit | undefined {
  const items = s.items;
  if (items.some((it) => it.t === 'q' && !minor(it))) return undefined;
  let end = items.length;
  while (end > 0 && items[end - 1].t === 'p' && items[end - 1].text !== ':') end--;
  const colon = end > 0 && items[end - 1].text === ':';
  for (let j = 0; j < end; j++) {
    const c = cueAt(lex, items, j, end);
    if (!c) continue;
    // "He didn't suggest retaliation.": a denied cue hands nothing over.
    const before = items[c.first - 1];
    if (isWord(before) && (before.low === 'not' || before.low === 'never' || before.low.endsWith("n't"))) { j = c.last; continue; }
    const hit = c.kind === 'noun' ? resolve(lex, items, c, 0, colon ? end : end, 'previous-sentence') : resolve(lex, items, c, 0, end, 'previous-sentence');
    if (!hit?.speaker) { j = c.last; continue; }
    if (colon) return hit;
    if (c.kind === 'noun' || c.kind === 'naming') { j = c.last; continue; }
    // "…, Graham told The Huffington Post." reports content of its own before the speaker.
    if (!(appositive ? j < 24 && !items.slice(0, j).some((it) => isWord(it) && COMPLEMENT.has(it.low)) : opensSentence(lex, items, Math.min(hit.speaker[0], c.first)))) { j = c.last; continue; }
    // After the cue (and a speaker or listener of two words at most) only adverbials may follow.
    let k = Math.max(c.last, hit.speaker[1] > c.last ? hit.speaker[1] : c.last) + 1;
    let object = 0;
    while (k < end && isWord(items[k]) && !lex.stops.has(items[k].low) && object < 2) { k++; object++; }
    const rest = items.slice(k, end);
    const content = rest.some((it) => isWord(it) && COMPLEMENT.has(it.low)) || rest.filter(isWord).length > 6;
    // "shouted to the crowd" is adverbial; "urging Trump to make…" is content.
    const adverbial = k >= end || (isWord(items[k]) && lex.stops.has(items[k].low) && (items[k].low !== 'to' || object === 0)) || items[k].text === ',';
    if (!content && adverbial) return hit;
    j = c.last;
  }
  if (colon && end > 1) {
    const who = nearestNameBefore(lex, items, end - 1, 0);
    if (who && (lex.cased ? who[0] > 0 || who[1] > who[0] : true)) return { via: 'previous-sentence', speaker: who };
  }
  return undefined;
}
/** Nothing before item k but an optional opening phrase ("In a statement,", "On Tuesday,"). */
function opensSentence(lex: SpacedLexicon, items: readonly Item[], k: number): boolean {
  if (k === 0) return true;
  const first = items[0];
  return isWord(first) && lex.stops.has(first.low) && items[k - 1].text === ',' && !items.slice(0, k).some((it) => it.t === 'q');
}

/** "Pat Caddell: …" or "WALLACE: …" opening a paragraph: everything quoted in it is theirs. */
export function paragraphLabel(lex: SpacedLexicon, s: SentenceUnit): Hit | undefined {
  const items = s.items;
  let k = 0;
  while (k < items.length && k < 5 && isWord(items[k]) && looksLikeName(lex, items[k]) && !inSet(lex, lex.verbs, items[k])) k++;
  return k > 0 && items[k]?.text === ':' ? { via: 'interview', speaker: [0, k - 1] } : undefined;
}
