import type { AttributionVia } from './types.js';
import type { CjkLexicon } from './lexicon.js';

/**
 * Attribution in Chinese and Japanese, read on the paragraph's text with every top-level quotation
 * blanked out (so a cue inside a quote never counts). Without spaces, a speaker is the run of
 * characters between the previous punctuation and the cue (他表示, OpenAI首席执行官奥特曼表示), and in
 * Japanese the topic before は/が (田中首相は「…」と述べた) or the name between と and the verb.
 */

/** Block text indices, end exclusive. */
export type TextSpan = [number, number];

export interface TextHit { via: AttributionVia; cue?: TextSpan; speaker?: TextSpan; direct?: boolean }

/** Stands in for a quotation in the masked text. */
export const MASK = '\uFFFD';
const BREAK = /[，。、：；！？,.:;!?（）()\s\uFFFD—「」『』“”"«»《》]/;
const SPEAKER_MAX = 24;
const TAIL_WINDOW = 30;
const PREPOSITIONS = ['在', '于', '對', '对', '向', '接受', '通过', '透過', '周一', '周二', '周三', '周四', '周五', '周末', '今天', '昨天', '日前'];

function occurrences(text: string, word: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word, from); i >= 0 && i + word.length <= to; i = text.indexOf(word, i + 1)) out.push(i);
  return out;
}

function isCue(lex: CjkLexicon, text: string, cue: string, at: number): boolean {
  for (const [c, before, after] of lex.notCue) {
    if (c !== cue) continue;
    if (at > 0 && before.includes(text[at - 1])) return false;
    const next = text[at + cue.length];
    if (next !== undefined && after.includes(next)) return false;
  }
  // A longer cue covering this one is matched on its own (说道 vs 说).
  return true;
}

/** All cue positions in [from, to), as [start, end]. */
function cues(lex: CjkLexicon, text: string, from: number, to: number): TextSpan[] {
  const found: TextSpan[] = [];
  for (const c of lex.cues) {
    for (const at of occurrences(text, c, from, to)) {
      if (found.some(([s, e]) => at >= s && at < e)) continue;
      if (isCue(lex, text, c, at)) found.push([at, at + c.length]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** The run of characters before `at`, trimmed of adverbs and time words, cut at a preposition. */
export function runBefore(lex: CjkLexicon, text: string, at: number, from: number): TextSpan | undefined {
  let s = at;
  while (s > from && !BREAK.test(text[s - 1]) && at - s < SPEAKER_MAX) s--;
  let e = at;
  for (let changed = true; changed && e > s;) {
    changed = false;
    for (const t of lex.trimEnd) {
      if (e - t.length >= s && text.slice(e - t.length, e) === t) { e -= t.length; changed = true; }
    }
  }
  for (const p of PREPOSITIONS) {
    const k = text.indexOf(p, s);
    if (k > s + 1 && k < e) e = k;
  }
  return e > s ? [s, e] : undefined;
}

/** Japanese topic: the run before the last は/が of [from, to). */
function topic(text: string, from: number, to: number): TextSpan | undefined {
  for (let i = to - 1; i > from; i--) {
    if (text[i] !== 'は' && text[i] !== 'が') continue;
    let s = i;
    while (s > from && !BREAK.test(text[s - 1]) && i - s < SPEAKER_MAX) s--;
    if (text[s] === 'と' && text[s - 1] === MASK) s++; // 」と佐藤大臣は: the quotative is not the name
    if (i > s) return [s, i];
  }
  return undefined;
}

function according(lex: CjkLexicon, text: string, from: number, to: number): TextHit | undefined {
  for (const a of lex.according) {
    for (const at of occurrences(text, a, from, to)) {
      if (lex.lang === 'zh') {
        if (a === '据' && (/[数证占盘单票根依]/.test(text[at - 1] ?? '') || text[at + 1] === '说')) continue;
        let e = at + a.length;
        while (e < to && !BREAK.test(text[e]) && e - at < SPEAKER_MAX) e++;
        if (e > at + a.length) return { via: 'according-to', cue: [at, at + a.length], speaker: [at + a.length, e] };
      } else {
        const src = runBefore(lex, text, at, from);
        if (src) return { via: 'according-to', cue: [at, at + a.length], speaker: src };
      }
    }
  }
  return undefined;
}

/** Attribution inside the quote's sentence [ss, se) for the quote [qs, qe). */
export function findCjk(lex: CjkLexicon, text: string, ss: number, se: number, qs: number, qe: number): TextHit | undefined {
  let t = qe;
  while (t < se && /[，、,\s]/.test(text[t])) t++;
  if (lex.quotative) {
    // 「…」と述べた / 「…」と田中氏は語った / 「…」との声明
    if (text.startsWith(lex.quotative, t)) {
      const from = t + lex.quotative.length;
      const end = Math.min(se, from + TAIL_WINDOW);
      const cue = cues(lex, text, from, end).find(([s]) => !text.slice(from, s).includes('。'));
      const noun = text.startsWith('の', from) && lex.nouns.some((n) => text.startsWith(n, from + 1));
      if (cue || noun) {
        const inner = cue ? topic(text, from, cue[0] + 1) ?? (cue[0] > from ? trimmedRun(text, from, cue[0]) : undefined) : undefined;
        return { via: noun ? 'noun' : 'cue-after', cue: cue ?? [from, from + 1], speaker: inner ?? topic(text, ss, qs) };
      }
    }
  } else {
    const end = Math.min(se, t + TAIL_WINDOW);
    const cue = cues(lex, text, t, end).find(([s]) => !BREAK.test(text.slice(t, s)) || s === t);
    if (cue) {
      const speaker = cue[0] > t ? runBefore(lex, text, cue[0], t) : undefined;
      if (speaker || lex.proDrop) return { via: 'cue-after', cue, speaker };
    }
  }
  const acc = according(lex, text, ss, qs) ?? according(lex, text, qe, se);
  if (acc) return acc;
  const lead = cues(lex, text, ss, qs).pop();
  if (lead) {
    const speaker = lex.quotative ? topic(text, ss, lead[0]) : runBefore(lex, text, lead[0], ss);
    if (speaker || lex.proDrop) return { via: 'cue-before', cue: lead, speaker };
  }
  for (const n of lex.nouns) {
    for (const at of occurrences(text, n, ss, qs)) {
      if (text[at - 1] === '的' || text[at - 1] === 'の') {
        const owner = runBefore(lex, text, at - 1, ss);
        if (owner) return { via: 'noun', cue: [at, at + n.length], speaker: owner };
      }
    }
  }
  // Interview style: 奥特曼：“…” / 田中氏：「…」
  const colon = text[qs - 1] === '：' || text[qs - 1] === ':' ? qs - 1 : -1;
  if (colon > ss && !text.slice(ss, colon).split('').some((c) => BREAK.test(c))) return { via: 'interview', speaker: [ss, colon] };
  return undefined;
}

function trimmedRun(text: string, s: number, e: number): TextSpan | undefined {
  while (s < e && BREAK.test(text[s])) s++;
  while (e > s && BREAK.test(text[e - 1])) e--;
  return e > s ? [s, e] : undefined;
}

/** A cue with a speaker anywhere in the sentence [ss, se), for neighbouring sentences. */
export function sentenceCueCjk(lex: CjkLexicon, text: string, ss: number, se: number, head?: number): TextHit | undefined {
  const limit = head === undefined ? se : Math.min(se, ss + head);
  for (const cue of cues(lex, text, ss, limit)) {
    const speaker = lex.quotative ? topic(text, ss, cue[0]) : runBefore(lex, text, cue[0], ss);
    if (speaker) return { via: 'previous-sentence', cue, speaker };
  }
  return undefined;
}

/** Is a CJK quotation a term, from what surrounds it? */
export function cjkTermContext(lex: CjkLexicon, text: string, qs: number, qe: number): string | undefined {
  for (const b of lex.termBefore) if (qs >= b.length && text.slice(qs - b.length, qs) === b) return `follows “${b}”`;
  for (const a of lex.termAfter) if (text.startsWith(a, qe)) return `followed by “${a}”`;
  return undefined;
}

/** Speakers of every cue in the sentence [ss, se) (for the list of likely speakers). */
export function cueSubjectsCjk(lex: CjkLexicon, text: string, ss: number, se: number): TextSpan[] {
  const out: TextSpan[] = [];
  for (const cue of cues(lex, text, ss, se)) {
    const speaker = lex.quotative ? topic(text, ss, cue[0]) : runBefore(lex, text, cue[0], ss);
    if (speaker) out.push(speaker);
  }
  return out;
}
