import type { AttributionVia } from './types.js';
import type { Item, SentenceUnit } from './context.js';
import type { SpacedLexicon } from './lexicon.js';
import { cueAt, inSet, isWord, upper, type CueMatch } from './cue-words.js';

export { cueAt, inSet, isWord };

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


const MAX_SPEAKER_WORDS = 8;
/** How far after a quote a cue may sit and still belong to it (`"…," the former secretary of state told reporters`). */
const TAIL_WINDOW = 16;
const CLAUSE_BREAK = new Set([';', '؛']);

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
  // "But Megan Hester, …, said": a conjunction or adverb opening the clause is not the name.
  while (a < cue && (!isWord(items[a]) || ((lex.stops.has(items[a].low) || lex.trim.has(items[a].low)) && isWord(items[a + 1])))) a++;
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
    // "Ouisa Davis' commentary": the apostrophe of a plural possessive is read as punctuation.
    if (it.t === 'p' && (it.text === "'" || it.text === '’') && it.s === items[k - 1]?.e && isWord(items[k - 1]) && /s$/i.test(items[k - 1].text) && k - 1 >= from) {
      let a = k - 1;
      while (a - 1 >= from && isWord(items[a - 1]) && j - a < MAX_SPEAKER_WORDS && !lex.trim.has(items[a - 1].low) && !lex.determiners.has(items[a - 1].low)) a--;
      return [a, k - 1];
    }
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
  // "Name, director of …, said parents want …": the subject opens the clause, before the appositive.
  let appositive = items[c.first - 1]?.text === ',' ? tailSubject(lex, items, from, c.first) : undefined;
  // Only a name of two words or more ("One after another, …, declared" has none).
  if (appositive && appositive[1] === appositive[0] && !lex.pronouns.has(items[appositive[0]].low)) appositive = undefined;
  const speaker = wordsBefore(lex, items, c.first, from) ?? appositive ?? (inverts ? wordsAfter(lex, items, c.last, to) : undefined) ??
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
  // `"…," Leonard E. Burman, director of the centrist … Center, said`: a long appositive between
  // the speaker's name and the cue. The window stretches to the comma that closes it.
  const window = appositiveEnd(lex, items, qi, tailEnd);
  for (let j = qi + 1; j < tailEnd && words < window; j++) {
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
    // "…," at a news conference announcing that: a participle is no finite "X said".
    if (c && c.kind === 'verb' && lex.lang === 'en' && items[c.last].low.endsWith('ing')) { j = c.last; continue; }
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
    // A speech noun attributes what is next to it, or a quote inside its content clause ("its
    // prediction that Trump would be "the healthiest …"").
    if (!c || (c.kind === 'noun' && wordsBetween > 4 && !(COMPLEMENT.has(items[c.last + 1]?.low ?? '') && wordsBetween <= 10 && isWord(items[qi - 1])))) continue;
    const hit = resolve(lex, items, c, leadStart, qi, 'cue-before');
    if (!hit) continue;
    const end = Math.max(c.last, hit.speaker?.[1] ?? 0);
    const direct = handsOver(lex, items, end, qi);
    // `X said he was stiffed after …, "Maybe …"`: a cue whose own clause has content does not
    // attribute a whole quoted sentence set off by a comma (that one had its own "he said").
    if (!direct && c.kind !== 'according' && c.kind !== 'noun' && setOff(lex, items, qi) && sentenceQuote(items[qi]) &&
      (c.kind === 'naming' || ownContent(lex, items, end, qi - 1) || subordinate(items, leadStart, c.first, qi))) break;
    return { ...hit, direct };
  }
  const participle = participleOpener(lex, items, qi);
  if (participle) return participle;
  const interview = interviewLabel(lex, items, qi) ?? colonLead(lex, items, leadStart, qi);
  if (interview) return { ...interview, direct: true };
  return tail;
}

/**
 * The tail's word window: TAIL_WINDOW, or up to APPOSITIVE_WINDOW when the tail opens with a
 * name and a comma and a later comma is followed by a cue (`"…," Name, a long description, said`).
 */
function appositiveEnd(lex: SpacedLexicon, items: readonly Item[], qi: number, tailEnd: number): number {
  let k = qi + 1;
  if (items[k]?.text === ',') k++;
  if (!isWord(items[k]) || !lex.cased || !upper(items[k].text) || lex.stops.has(items[k].low)) return TAIL_WINDOW;
  let words = 0;
  let afterName = false;
  for (; k < tailEnd && words < APPOSITIVE_WINDOW; k++) {
    const it = items[k];
    if (it.t === 'w') { words++; continue; }
    if (it.text !== ',') continue;
    if (!afterName) { afterName = true; continue; }
    const next = items[k + 1];
    if (isWord(next) && cueAt(lex, items, k + 1, tailEnd)?.kind === 'verb') return Math.max(TAIL_WINDOW, words + 2);
  }
  return TAIL_WINDOW;
}
const APPOSITIVE_WINDOW = 40;

/** A quotation that is a whole capitalised sentence or utterance. */
function sentenceQuote(it: Item): boolean {
  const inner = it.text.slice(1).replace(/[\s"'“”‘’«»]+$/u, '');
  return /^\P{L}*\p{Lu}/u.test(inner) && /[.!?,…]$/.test(inner) && inner.split(/\s+/).length >= 3;
}

/** The quote is set off by a comma or a dash, not the complement of "because," or "that,". */
function setOff(lex: SpacedLexicon, items: readonly Item[], qi: number): boolean {
  const p = items[qi - 1];
  if (!p || p.t !== 'p' || !(p.text === ',' || DASHES.has(p.text))) return false;
  const w = items[qi - 2];
  return !(isWord(w) && (COMPLEMENT.has(w.low) || SUBORDINATE.has(w.low)));
}
const DASHES = new Set(['—', '–', '―', '-']);

/** `When terrorists are revealed as …, [someone calls] them "…"`: the cue sits in a subordinate clause closed before the quote. */
function subordinate(items: readonly Item[], from: number, cue: number, qi: number): boolean {
  let opened = false;
  for (let k = from; k < cue; k++) if (isWord(items[k]) && SUBORDINATE.has(items[k].low)) opened = true;
  if (!opened) return false;
  for (let k = cue + 1; k < qi - 1; k++) if (items[k].text === ',') return true;
  return false;
}

/** Words from `from` (exclusive) to `to` (exclusive) that make a clause of their own. */
function ownContent(lex: SpacedLexicon, items: readonly Item[], from: number, to: number): boolean {
  let words = 0;
  for (let k = from + 1; k < to; k++) {
    const it = items[k];
    if (!isWord(it)) continue;
    if (words === 0 && (lex.pronouns.has(it.low) && it.low !== 'it' && it.low !== 'you')) return true;
    if (COMPLEMENT.has(it.low) || SUBORDINATE.has(it.low)) return true;
    words++;
  }
  return words > 10;
}

/**
 * "After saying her foot was "so swollen …," she was …": a sentence opening with a participle of
 * saying (after an optional preposition) is spoken by the subject of its main clause.
 */
function participleOpener(lex: SpacedLexicon, items: readonly Item[], qi: number): Hit | undefined {
  if (lex.lang !== 'en') return undefined;
  let j = 0;
  if (isWord(items[0]) && PARTICIPLE_LEAD.has(items[0].low)) j = 1;
  const c = cueAt(lex, items, j, qi);
  if (!c || c.kind !== 'verb' || !items[c.last].low.endsWith('ing') || c.last >= qi) return undefined;
  for (let k = c.last + 1; k < items.length - 1; k++) {
    const comma = items[k].t === 'p' ? items[k].text === ',' : items[k].t === 'q' && /,\s*\S$/.test(items[k].text);
    if (!comma) continue;
    const who = items[k + 1];
    if (!isWord(who) || !looksLikeName(lex, who) || lex.stops.has(who.low) || k + 1 <= qi) continue;
    let b = k + 1;
    while (b + 1 < items.length && isWord(items[b + 1]) && lex.cased && upper(items[b + 1].text) && b - k < MAX_SPEAKER_WORDS) b++;
    return { via: 'cue-before', cue: [c.first, c.last], speaker: [k + 1, b], direct: false };
  }
  return undefined;
}
const PARTICIPLE_LEAD = new Set(['after', 'before', 'while', 'when', 'upon', 'on']);

/** Only punctuation (or "that") between the end of the attribution and the quote. */
function handsOver(lex: SpacedLexicon, items: readonly Item[], from: number, qi: number): boolean {
  for (let k = from + 1; k < qi; k++) if (isWord(items[k]) && !COMPLEMENT.has(items[k].low)) return false;
  return true;
}

/** A short quotation inside an attribution (`Marcia "Cia" Price said`) does not end it. */
export function minor(it: Item): boolean {
  return it.text.length < 40 && !/[.!?,]['"’”»]?\s*.$/.test(it.text) && it.text.split(/\s+/).length <= 3;
}

/**
 * `Elizabeth Warren Hammers Wells Fargo CEO: "…"`, `A lesson from Loretta Lynch: "…"`: a short
 * lead that names someone (two or more capitalised words in a row) hands the quote over with a
 * colon, as headlines and labels do. `this finding: "…"` names nobody.
 */
function colonLead(lex: SpacedLexicon, items: readonly Item[], from: number, qi: number): Hit | undefined {
  if (!lex.cased || qi < 3 || items[qi - 1].text !== ':' || from !== 0) return undefined;
  let words = 0;
  let best: Span | undefined;
  for (let k = 0; k < qi - 1; k++) {
    if (items[k].t === 'q') return undefined;
    if (!isWord(items[k])) continue;
    if (++words > 12) return undefined;
    if (k > 0 && upper(items[k].text) && isWord(items[k - 1]) && upper(items[k - 1].text) && !lex.determiners.has(items[k - 1].low)) {
      let a = k - 1;
      while (a - 1 >= 0 && isWord(items[a - 1]) && upper(items[a - 1].text) && !lex.determiners.has(items[a - 1].low)) a--;
      best = [a, k];
    }
  }
  return best && { via: 'interview', speaker: best };
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

export const SUBORDINATE = new Set(['when', 'while', 'because', 'before', 'after', 'although', 'though', 'unless', 'until', 'despite', 'whereas',
  'quand', 'lorsque', 'parce', 'bien', 'malgré', 'ketika', 'saat', 'karena', 'meskipun', 'walaupun', 'عندما', 'لان', 'رغم']);
export const COMPLEMENT = new Set(['that', 'que', "qu'", 'bahwa', 'أن', 'ان', 'if', 'whether', 'how', 'why', 'what']);
