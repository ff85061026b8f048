import type { AttributionVia } from './types.js';
import type { Item, SentenceUnit } from './context.js';
import type { SpacedLexicon } from './lexicon.js';

/**
 * Finds who is quoted in languages written with spaces, from the words of the quote's own
 * sentence: a cue verb and its subject before the quote (`X said: "…"`), after it (`"…," X said`,
 * `"…," said X`), `according to X`, a speech noun with a possessor, a naming verb, an interview
 * label or a dash. Everything is a bounded scan over the sentence's items: no backtracking.
 */

/** Item indices [first, last] within one sentence. */
export type Span = [number, number];

export interface Hit {
  via: AttributionVia;
  cue?: Span;
  speaker?: Span;
  direct?: boolean;
}

type CueKind = 'verb' | 'according' | 'noun' | 'naming';
interface CueMatch { kind: CueKind; first: number; last: number }

const MAX_SPEAKER_WORDS = 8;
/** How far after a quote a cue may sit and still belong to it (`"…," the former secretary of state told reporters`). */
const TAIL_WINDOW = 16;
const CLAUSE_BREAK = new Set([';', '؛']);

export function isWord(it: Item | undefined): it is Item { return it !== undefined && it.t === 'w'; }

function phraseAt(lex: SpacedLexicon, items: readonly Item[], j: number, list: readonly string[][], limit: number): number {
  for (const p of list) {
    let k = 0;
    while (k < p.length && j + k < limit && isWord(items[j + k]) && (items[j + k].low === p[k] || (k === 0 && lex.variants(items[j].low).includes(p[0])))) k++;
    if (k === p.length) return j + k - 1;
  }
  return -1;
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
  const limit = items.length;
  let end = phraseAt(lex, items, j, lex.according, limit);
  if (end >= 0) return { kind: 'according', first: j, last: end };
  end = phraseAt(lex, items, j, lex.phrases, limit);
  if (end >= 0) return { kind: 'verb', first: j, last: end };
  // "needing to mention", "refused to say": an infinitive reports nothing.
  if (lex.lang === 'en' && isWord(items[j - 1]) && items[j - 1].low === 'to') return undefined;
  if (inSet(lex, lex.naming, it)) return { kind: 'naming', first: j, last: j };
  if (inSet(lex, lex.verbs, it)) return { kind: 'verb', first: j, last: j };
  if (lex.weakVerbs.has(it.low)) {
    const next = items[j + 1];
    const prev = items[j - 1];
    const verbal = (next && (next.t === 'q' || next.low === 'that' || next.text === ':' || next.text === ',')) ||
      (isWord(prev) && lex.pronouns.has(prev.low));
    if (verbal) return { kind: lex.weakNaming.has(it.low) ? 'naming' : 'verb', first: j, last: j };
  }
  if (inSet(lex, lex.nouns, it)) return { kind: 'noun', first: j, last: j };
  return undefined;
}

export const looksLikeName = (lex: SpacedLexicon, it: Item) =>
  lex.pronouns.has(it.low) || (lex.cased ? /^\p{Lu}/u.test(it.text) : true);

/** Words before item j back to punctuation, trimmed of auxiliaries and conjunctions. */
function wordsBefore(lex: SpacedLexicon, items: readonly Item[], j: number, from: number): Span | undefined {
  let k = skipParenthesis(items, j - 1, from);
  // Auxiliaries and adverbs sit between subject and verb ("Altman had mistakenly mentioned").
  while (k >= from && isWord(items[k]) && soft(lex, items[k]) && !lex.stops.has(items[k].low)) k--;
  k = skipParenthesis(items, k, from);
  const end = k;
  while (k >= from && isWord(items[k]) && !lex.stops.has(items[k].low) && end - k < MAX_SPEAKER_WORDS) k--;
  return trimSpan(lex, items, k + 1, end);
}

/** "Rep. Jim Jordan (R-Ohio) said": steps back over a parenthesis ending at k. */
function skipParenthesis(items: readonly Item[], k: number, from: number): number {
  if (k - 1 >= from && items[k].text === ',' && items[k - 1].text === ')') k--;
  if (k < from || items[k].text !== ')') return k;
  let m = k - 1;
  while (m >= from && items[m].text !== '(' && k - m < 12) m--;
  return m >= from && items[m].text === '(' ? m - 1 : k;
}

const soft = (lex: SpacedLexicon, it: Item) =>
  lex.trim.has(it.low) || (lex.lang === 'en' && it.low.length > 4 && it.low.endsWith('ly') && /^\p{Ll}/u.test(it.text));

/** "said of the plan", "a déclaré de…": never part of a speaker read after the cue. */
const AFTER_STOPS = new Set(['of', 'de', 'du', 'des']);

/** Words after item j up to punctuation or a stop word. */
function wordsAfter(lex: SpacedLexicon, items: readonly Item[], j: number, to: number): Span | undefined {
  let k = j + 1;
  while (k < to && isWord(items[k]) && !lex.stops.has(items[k].low) && !AFTER_STOPS.has(items[k].low) && k - j <= MAX_SPEAKER_WORDS) k++;
  return trimSpan(lex, items, j + 1, k - 1);
}

function trimSpan(lex: SpacedLexicon, items: readonly Item[], a: number, b: number): Span | undefined {
  while (a <= b && soft(lex, items[b])) b--;
  while (a <= b && (soft(lex, items[a]) || lex.stops.has(items[a].low))) a++;
  return a <= b ? [a, b] : undefined;
}

/** `"…," Scott Pruitt, the attorney general of Oklahoma, said`: the name opening the tail. */
function tailSubject(lex: SpacedLexicon, items: readonly Item[], from: number, cue: number): Span | undefined {
  let a = from;
  while (a < cue && !isWord(items[a])) a++;
  if (a >= cue || !looksLikeName(lex, items[a]) || lex.stops.has(items[a].low) || lex.trim.has(items[a].low)) return undefined;
  let b = a;
  // "Leonard E. Burman": initials keep the name together.
  while (b + 1 < cue && ((isWord(items[b + 1]) && looksLikeName(lex, items[b + 1])) || (items[b + 1].text === '.' && isWord(items[b + 2]) && b + 2 < cue))) b += items[b + 1].t === 'w' ? 1 : 2;
  return [a, b];
}

/** Nearest run of words that can name someone, searching back from item j. */
export function nearestNameBefore(lex: SpacedLexicon, items: readonly Item[], j: number, from: number): Span | undefined {
  for (let k = j - 1; k >= from; k--) {
    if (!isWord(items[k]) || !looksLikeName(lex, items[k]) || lex.trim.has(items[k].low)) continue;
    let a = k;
    while (a - 1 >= from && isWord(items[a - 1]) && looksLikeName(lex, items[a - 1]) && k - a < MAX_SPEAKER_WORDS) a--;
    // "The campaign, however, said": keep the words that follow the capital.
    let b = k;
    while (b + 1 < j && isWord(items[b + 1]) && !lex.trim.has(items[b + 1].low) && b - a < MAX_SPEAKER_WORDS) b++;
    return [a, b];
  }
  return undefined;
}

function possessorOf(lex: SpacedLexicon, items: readonly Item[], j: number, from: number, to: number): Span | undefined {
  for (let k = j - 1; k >= from && k >= j - 3; k--) {
    const it = items[k];
    if (!isWord(it)) break;
    if (lex.possessives.has(it.low)) return [k, k];
    if (/['’]s$|s['’]$/.test(it.text)) {
      let a = k;
      while (a - 1 >= from && isWord(items[a - 1]) && j - a < MAX_SPEAKER_WORDS && !lex.trim.has(items[a - 1].low) && !lex.determiners.has(items[a - 1].low)) a--;
      return [a, k];
    }
  }
  let k = j + 1;
  if (lex.possessorAfterNoun) {
    while (k < to && isWord(items[k]) && (items[k].low === 'de' || items[k].low === 'du' || items[k].low === 'des' || items[k].low === "d'")) k++;
    if (k < to && isWord(items[k]) && !lex.stops.has(items[k].low)) return wordsAfter(lex, items, k - 1, to);
  }
  // "a statement from the White House", "remarks by the president"
  if (isWord(items[j + 1]) && (items[j + 1].low === 'from' || items[j + 1].low === 'by')) return wordsAfter(lex, items, j + 1, to);
  return undefined;
}

/**
 * A speech noun without a possessor attributes in two settings: "In a speech, Trump …" (the
 * subject after it speaks) and "Sanders made the following comment: "…"" (a colon hands the
 * quote over; the subject before it speaks).
 */
function setting(lex: SpacedLexicon, items: readonly Item[], c: CueMatch, from: number, to: number): Span | undefined {
  for (let k = c.first - 1; k >= from && k >= c.first - 3; k--) {
    if (isWord(items[k]) && IN.has(items[k].low)) {
      // The subject of the main clause, after the comma that closes "In a speech on Friday,".
      let m = c.last + 1;
      while (m < to && items[m].text !== ',') m++;
      for (m++; m < to; m++) {
        if (isWord(items[m]) && looksLikeName(lex, items[m]) && !lex.trim.has(items[m].low)) return wordsAfter(lex, items, m - 1, to);
      }
      return undefined;
    }
  }
  if (to < items.length && items[to].t === 'q' && items[to - 1]?.text === ':') return nearestNameBefore(lex, items, c.first, from);
  return undefined;
}
const IN = new Set(['in', 'dans', 'dalam', 'في', 'lors']);

/** Resolves a cue to a hit, or undefined when it has no source (a cue with nobody saying it). */
export function resolve(lex: SpacedLexicon, items: readonly Item[], c: CueMatch, from: number, to: number, before: AttributionVia, guess = true): Hit | undefined {
  const cue: Span = [c.first, c.last];
  if (c.kind === 'according') {
    const src = wordsAfter(lex, items, c.last, to);
    return src ? { via: 'according-to', cue, speaker: src } : undefined;
  }
  if (c.kind === 'noun') {
    const owner = possessorOf(lex, items, c.first, from, to) ?? setting(lex, items, c, from, to);
    return owner ? { via: 'noun', cue, speaker: owner } : undefined;
  }
  const via = c.kind === 'naming' ? 'naming' : before;
  if (lex.selfSpeaker(items[c.first].low)) return { via, cue, speaker: cue };
  // Words after a cue are its speaker only in an inversion ("said Smith"): never after a
  // participle ("saying her foot was") or a verb whose object is the listener ("told reporters").
  const inverts = !lex.objectVerbs.has(items[c.last].low) && !(lex.lang === 'en' && items[c.last].low.endsWith('ing'));
  const speaker = wordsBefore(lex, items, c.first, from) ?? (inverts ? wordsAfter(lex, items, c.last, to) : undefined) ??
    (before === 'cue-after' ? tailSubject(lex, items, from, c.first) : guess ? nearestNameBefore(lex, items, c.first, from) : undefined);
  if (speaker) return { via, cue, speaker };
  return lex.proDrop && c.kind === 'verb' ? { via, cue } : undefined;
}

/** Attribution inside the quote's own sentence; `qi` is the quote's item index. */
export function findInSentence(lex: SpacedLexicon, s: SentenceUnit, qi: number): Hit | undefined {
  const items = s.items;
  // The tail runs to the next quotation: `"…," X said, "…"` gives X to the first quote here and
  // to the second one through its lead.
  let tailEnd = qi + 1;
  while (tailEnd < items.length && (items[tailEnd].t !== 'q' || minor(items[tailEnd])) && !CLAUSE_BREAK.has(items[tailEnd].text)) tailEnd++;
  let words = 0;
  let tail: Hit | undefined;
  for (let j = qi + 1; j < tailEnd && words < TAIL_WINDOW; j++) {
    if (!isWord(items[j])) {
      if (j === qi + 1 || (j === qi + 2 && !isWord(items[qi + 1]))) {
        const dash = items[j].text;
        if ((dash === '—' || dash === '–' || dash === '-' || dash === '―') && isWord(items[j + 1]) && looksLikeName(lex, items[j + 1])) {
          const who = wordsAfter(lex, items, j, tailEnd);
          if (who) return { via: 'dash', speaker: who, direct: true };
        }
      }
      continue;
    }
    words++;
    // "…," the group said, adding that the phrase suggests / "…," when Clinton blasted him: a cue
    // inside a complement or a subordinate clause is not the quote's attribution.
    if (COMPLEMENT.has(items[j].low) || SUBORDINATE.has(items[j].low)) break;
    const c = cueAt(lex, items, j, tailEnd);
    if (c) {
      tail = resolve(lex, items, c, qi + 1, tailEnd, 'cue-after');
      if (tail) break;
      j = c.last;
    }
  }
  if (tail) tail.direct = true;
  if (tail && words <= 4) return tail;

  // The lead runs back to the previous quotation: a cue before that one is its attribution.
  let leadStart = qi - 1;
  while (leadStart >= 0 && !CLAUSE_BREAK.has(items[leadStart].text) && (items[leadStart].t !== 'q' || minor(items[leadStart]))) leadStart--;
  leadStart++;
  let wordsBetween = 0;
  for (let j = qi - 1; j >= leadStart; j--) {
    if (isWord(items[j])) wordsBetween++;
    const c = cueAt(lex, items, j, qi);
    if (!c || (c.kind === 'noun' && wordsBetween > 4)) continue;
    const hit = resolve(lex, items, c, leadStart, qi, 'cue-before');
    if (hit) return { ...hit, direct: handsOver(lex, items, Math.max(c.last, hit.speaker?.[1] ?? 0), qi) };
  }
  const interview = interviewLabel(lex, items, qi);
  if (interview) return { ...interview, direct: true };
  return tail;
}

/** Only punctuation (or "that") between the end of the attribution and the quote. */
function handsOver(lex: SpacedLexicon, items: readonly Item[], from: number, qi: number): boolean {
  for (let k = from + 1; k < qi; k++) if (isWord(items[k]) && !COMPLEMENT.has(items[k].low)) return false;
  return true;
}

/** A short quotation inside an attribution (`Marcia "Cia" Price said`) does not end it. */
export function minor(it: Item): boolean {
  return it.text.length < 40 && !/[.!?,]['"’”»]?\s*.$/.test(it.text) && it.text.split(/\s+/).length <= 3;
}

/** `Smith: "…"`, `Q: "…"`: one to five name-like words and a colon open the sentence. */
function interviewLabel(lex: SpacedLexicon, items: readonly Item[], qi: number): Hit | undefined {
  if (qi < 2 || items[qi - 1].text !== ':' || qi - 1 > 5) return undefined;
  for (let k = 0; k < qi - 1; k++) {
    const it = items[k];
    if (!isWord(it) || !looksLikeName(lex, it) || inSet(lex, lex.verbs, it)) return undefined;
  }
  return { via: 'interview', speaker: [0, qi - 2] };
}

export const SUBORDINATE = new Set(['when', 'while', 'because', 'although', 'though', 'unless', 'until', 'despite', 'whereas',
  'quand', 'lorsque', 'parce', 'bien', 'malgré', 'ketika', 'saat', 'karena', 'meskipun', 'walaupun', 'عندما', 'لان', 'رغم']);
export const COMPLEMENT = new Set(['that', 'que', "qu'", 'bahwa', 'أن', 'ان', 'if', 'whether', 'how', 'why', 'what']);
