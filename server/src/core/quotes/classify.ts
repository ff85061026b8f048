import type { QuotationKind, QuoteFamily } from './types.js';
import type { Item, SentenceUnit } from './context.js';
import type { CjkLexicon, SpacedLexicon } from './lexicon.js';
import { cueAt } from './attribution.js';
import { cjkTermContext } from './attribution-cjk.js';

/**
 * Speech or not. A quoted clause or sentence is speech; a short quoted word or phrase used inside
 * a noun phrase (NATO "unclassified" network, the election is "rigged") is a term; a quotation
 * after "book", "film" or in 『』 is a title; a quote between two parts of a name is a nickname.
 * Only general signals are used: the quotation's length and final punctuation, the word before it,
 * whether it stands alone, and whether a cue verb is right next to it.
 */

export interface Kind { kind: QuotationKind; reason: string }

const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;
const TRAILING_MARKS = /[\s"'“”‘’«»‹›„‚「」『』〝〞〟]+$/u;
const CONNECTORS = new Set(['as', 'comme', 'de', 'sebagai', 'dengan']);
const ARTICLES = new Set(['a', 'an', 'the', 'le', 'la', 'les', 'un', 'une', 'des', "l'", 'sebuah', 'seorang']);

export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

function titleCase(text: string): boolean {
  const ws = text.match(WORD) ?? [];
  const small = /^(a|an|the|of|and|or|in|on|at|to|for|with|by|from|vs|de|la|le|du|et)$/i;
  return ws.length > 0 && ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && small.test(w)));
}

const wordAt = (items: readonly Item[], k: number) => (items[k]?.t === 'w' ? items[k] : undefined);

export function classifySpaced(lex: SpacedLexicon, family: QuoteFamily, content: string, s: SentenceUnit, qi: number): Kind {
  const items = s.items;
  const inner = content.replace(TRAILING_MARKS, '');
  const n = countWords(inner);
  const last = inner[inner.length - 1] ?? '';
  const sentenceEnd = /[.!?…]/.test(last);
  const prev = items[qi - 1];
  const prevWord = wordAt(items, qi - 1);
  const nextWord = wordAt(items, qi + 1);
  const firstUpper = /^\P{L}*\p{Lu}/u.test(inner);

  if (family === 'white-corner') return { kind: 'title', reason: '『』 marks a title' };
  if (prevWord && lex.titleMarkers.has(prevWord.low)) return { kind: 'title', reason: `named as a title after “${prevWord.text}”` };
  if (prevWord && (lex.termMarkers.has(prevWord.low) || (CONNECTORS.has(prevWord.low) && wordAt(items, qi - 2) &&
      (lex.asMarkers.has(items[qi - 2].low) || lex.naming.has(items[qi - 2].low))))) {
    if (lex.cased && firstUpper && n <= 4 && !sentenceEnd) return { kind: 'nickname', reason: `a name introduced by “${prevWord.text}”` };
    if (n < lex.minSpeechLength * 2) return { kind: 'term', reason: `a term introduced by “${prevWord.text}”` };
  }
  if (lex.cased && n <= 4 && prevWord && nextWord && /^\p{Lu}/u.test(prevWord.text) && /^\p{Lu}/u.test(nextWord.text) && firstUpper && !sentenceEnd) {
    return { kind: 'nickname', reason: 'a nickname between two parts of a name' };
  }

  const leadWords = items.slice(0, qi).some((it) => it.t === 'w');
  const colon = prev?.t === 'p' && prev.text === ':';
  const cueNext = cueAround(lex, items, qi);
  // A title has no sentence break inside ("The Donald. Big Daddy." is two utterances).
  const titled = lex.cased && n <= 8 && titleCase(inner) && !/[.!?]\s+\S/.test(inner);
  if (colon) return { kind: 'speech', reason: 'introduced by a colon' };
  if (cueNext) return { kind: 'speech', reason: 'next to a verb of saying' };
  // American style puts the full stop inside even after a fragment ("to “keep it under wraps.”"):
  // only a capitalised quote ending in a full stop is a sentence.
  if (sentenceEnd && n >= 2 && (firstUpper || !lex.cased) && !titled) return { kind: 'speech', reason: 'a quoted sentence' };
  // “It’s finished,” / “You winning?”: a capitalised utterance handed on by a comma or a question.
  if (/[,!?]/.test(last) && firstUpper && lex.cased && !titled && n >= 2) return { kind: 'speech', reason: 'a quoted utterance' };
  if (n >= lex.minSpeechLength) {
    if (titled && !/[!?]/.test(last)) return { kind: 'title', reason: 'a capitalised title or slogan' };
    const firstWord = (inner.match(WORD) ?? [''])[0].toLowerCase();
    if (n <= 6 && !/[,;:!?]/.test(last) && (ARTICLES.has(firstWord) || (prevWord && lex.determiners.has(prevWord.low) && nextWord))) {
      return { kind: 'term', reason: 'a noun phrase' };
    }
    return { kind: 'speech', reason: 'a quoted clause' };
  }
  if (!leadWords && !items.slice(qi + 1).some((it) => it.t === 'w') && n >= 1) return { kind: 'speech', reason: 'a quotation standing alone' };
  if (titled) return { kind: 'title', reason: 'a capitalised name or title' };
  return { kind: 'term', reason: 'a short quoted term' };
}

/** A verb of saying right before (after optional , or :) or right after (within three words). */
function cueAround(lex: SpacedLexicon, items: readonly Item[], qi: number): boolean {
  let k = qi - 1;
  if (items[k]?.t === 'p' && (items[k].text === ',' || items[k].text === ':')) k--;
  const before = items[k];
  if (before?.t === 'w' && cueAt(lex, items, k, qi)?.kind === 'verb' && !lex.naming.has(before.low)) return true;
  // After the quote, a cue counts only once the quote has handed over with punctuation
  // (`"…," she said`, `"…" — she said`); a word right after the mark continues a noun phrase
  // (the "temporary" tolls, saying …).
  const inner = items[qi].text.replace(TRAILING_MARKS, '');
  if (!/[,!?…]$/.test(inner) && !(items[qi + 1]?.t === 'p' && /[,—–]/.test(items[qi + 1].text))) return false;
  let words = 0;
  for (let j = qi + 1; j < items.length && words < 3; j++) {
    if (items[j].t === 'q') break;
    if (items[j].t !== 'w') { if (items[j].text === '.' || items[j].text === ';') break; continue; }
    words++;
    const c = cueAt(lex, items, j, items.length);
    if (c && (c.kind === 'verb' || c.kind === 'according')) return true;
  }
  return false;
}

const CJK_SENTENCE = /[，。！？；：,!?;…]/;

export function classifyCjk(lex: CjkLexicon, family: QuoteFamily, content: string, masked: string, qs: number, qe: number, attributedNextTo: boolean): Kind {
  const inner = content.replace(TRAILING_MARKS, '');
  const len = [...inner.replace(/[\s\p{P}]/gu, '')].length;
  if (family === 'white-corner' && !attributedNextTo) return { kind: 'title', reason: '『』 marks a title' };
  const hasClause = CJK_SENTENCE.test(inner);
  const context = cjkTermContext(lex, masked, qs, qe);
  if (context && !hasClause && len < lex.minSpeechLength) return { kind: 'term', reason: `a term (${context})` };
  if (attributedNextTo) return { kind: 'speech', reason: 'next to a verb of saying' };
  if (masked[qs - 1] === '：' || masked[qs - 1] === ':') return { kind: 'speech', reason: 'introduced by a colon' };
  if (hasClause) return { kind: 'speech', reason: 'a quoted sentence' };
  if (len >= lex.minSpeechLength) return { kind: 'speech', reason: 'a quoted clause' };
  return { kind: 'term', reason: 'a short quoted term' };
}
