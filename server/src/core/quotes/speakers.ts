import type { Lexicon } from './lexicon.js';

/**
 * Likely speakers in a draft: people who are subjects of cue verbs or named with a title
 * ("OpenAI CEO Sam Altman said", "US President Donald Trump"). A bare surname ("Altman") counts
 * as the full name it shortens; a lone capitalised word that never appears as part of a full name
 * is usually an organisation (OpenAI, NATO) and is left out.
 */

export interface Mention {
  /** Source offset of the mention. */
  at: number;
  /** The phrase as written, already cut to the name where possible. */
  text: string;
  /** Named with a title (Mr, President, 氏): a person even if one word. */
  titled: boolean;
  /** Subject of a cue verb (not only named). */
  speaking: boolean;
}

export interface SpeakerCandidate {
  name: string;
  mentions: number[];
  /** Subject of a cue verb somewhere (not only named). */
  speaking: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;

/** Cuts a speaker phrase to a person's name: "OpenAI CEO Sam Altman" → "Sam Altman". */
export function nameIn(lex: Lexicon, phrase: string): { name: string; titled: boolean } | undefined {
  const text = phrase.trim().replace(/['’]s$/, '');
  if (lex.cjk) {
    let best = text;
    let titled = false;
    for (const t of lex.titles) {
      const k = best.lastIndexOf(t);
      if (k < 0) continue;
      titled = true;
      // Chinese puts titles before the name (总统特朗普), Japanese after (田中首相): keep the name part.
      if (lex.lang === 'zh' && k + t.length < best.length) best = best.slice(k + t.length);
    }
    if ([...best].length < 2 || lex.pronouns.includes(best)) return undefined;
    return { name: best, titled };
  }
  const words: string[] = (text.match(WORD) ?? []).map((w) => w.replace(/['’]s$|(?<=s)['’]$/, ''));
  if (!lex.cased) {
    const titled = words.some((w) => lex.titles.has(lex.norm(w)));
    if (!words.length || (words.length === 1 && lex.pronouns.has(lex.norm(words[0])))) return undefined;
    return { name: words.slice(0, 4).join(' '), titled };
  }
  let start = 0;
  let titled = false;
  words.forEach((w, i) => { if (lex.titles.has(w.toLowerCase().replace(/\.$/, ''))) { start = i + 1; titled = true; } });
  // The last run of capitalised words is the name ("Council member Rita Holm", "Le syndicaliste Marc Leroy").
  let run: string[] = [];
  let current: string[] = [];
  for (let i = start; i <= words.length; i++) {
    const w = words[i];
    if (w !== undefined && /^\p{Lu}/u.test(w) && !lex.pronouns.has(w.toLowerCase()) && !lex.determiners.has(w.toLowerCase())) current.push(w);
    else { if (current.length) run = current; current = []; }
  }
  if (!run.length) return undefined;
  // "Department of Defense", "Ministry of Health": an institution, not a person.
  const after = words[words.lastIndexOf(run[run.length - 1]) + 1];
  if (after && /^(of|for|on|de|du|des)$/.test(after)) return undefined;
  if (run.length === 1 && /^\p{Lu}+$/u.test(run[0])) return undefined; // an acronym: NATO, CNN
  if (run.some((w) => /^\p{Lu}-|\d/u.test(w))) return undefined; // "D-Newport", party-state labels
  return { name: run.join(' '), titled };
}

/** Merges mentions into candidates: a surname joins the full name it ends. */
export function candidates(lex: Lexicon, mentions: readonly Mention[]): SpeakerCandidate[] {
  const full = new Map<string, SpeakerCandidate>();
  const add = (name: string, m: Mention) => {
    const c = full.get(name) ?? { name, mentions: [], speaking: false };
    c.mentions.push(m.at);
    c.speaking ||= m.speaking;
    full.set(name, c);
  };
  const single: Mention[] = [];
  for (const m of mentions) {
    if (!lex.cjk && lex.cased && !m.text.includes(' ')) single.push(m);
    else add(m.text, m);
  }
  for (const m of single) {
    const owner = [...full.keys()].find((n) => n.endsWith(' ' + m.text));
    if (owner) add(owner, m);
    else if (m.titled) add(m.text, m);
  }
  for (const c of full.values()) c.mentions.sort((a, b) => a - b);
  return [...full.values()];
}

/** The candidate a short name stands for ("Altman" → "Sam Altman"), or the name itself. */
export function fullName(list: readonly SpeakerCandidate[], name: string): string {
  return list.find((c) => c.name === name || c.name.endsWith(' ' + name))?.name ?? name;
}

/**
 * Up to `max` names, nearest to `offset` first. A quote usually follows the introduction of its
 * speaker, so mentions after it count as farther away; people only named with a title (never
 * seen speaking) count as farther still.
 */
export function nearest(list: readonly SpeakerCandidate[], offset: number, max = 3): string[] {
  const dist = (c: SpeakerCandidate) => Math.min(...c.mentions.map((m) => (m <= offset ? offset - m : 4 * (m - offset)))) * (c.speaking ? 1 : 2);
  return [...list].sort((a, b) => dist(a) - dist(b)).slice(0, max).map((c) => c.name);
}

/** The named person mentioned last before `offset` (for "he", "she", "dia", "il"). */
export function lastBefore(list: readonly SpeakerCandidate[], offset: number): string | undefined {
  let best: string | undefined;
  let at = -1;
  for (const c of list) {
    for (const m of c.mentions) if (m < offset && m > at) { at = m; best = c.name; }
  }
  return best;
}

/** Mentions named with a title anywhere in a block's text ("President Donald Trump"). */
export function titledMentions(lex: Lexicon, text: string, toSource: (i: number) => number): Mention[] {
  if (lex.cjk || !lex.cased) return [];
  const out: Mention[] = [];
  // One pass with a sticky cursor: only a capitalised word is looked up, and only a title starts
  // a run (most words of a draft are neither).
  const re = TITLE_WORD;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    if (!upperInitial(w) || !lex.titles.has(w.toLowerCase().replace(/\.$/, ''))) continue;
    const resume = re.lastIndex;
    const run: string[] = [];
    let first = -1;
    let gapFrom = resume;
    for (let n = re.exec(text); n && run.length < 4; n = re.exec(text)) {
      const v = n[0];
      if (!upperInitial(v) || !/^[\s.]*$/.test(text.slice(gapFrom, n.index)) || lex.titles.has(v.toLowerCase())) break;
      if (first < 0) first = n.index;
      const bare = v.replace(/['’]s$/, '');
      run.push(bare);
      gapFrom = re.lastIndex;
      if (bare !== v) break; // a possessive ends the name
    }
    if (run.length) out.push({ at: toSource(first), text: run.join(' '), titled: true, speaking: false });
    re.lastIndex = resume;
  }
  return out;
}
const TITLE_WORD = new RegExp(WORD.source, 'gu');
function upperInitial(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(w);
}
