/**
 * Per-language knowledge the quote analysis needs. Two shapes: languages written with spaces
 * (English, Indonesian, French, Arabic) are read word by word; Chinese and Japanese are read as
 * runs of characters between punctuation, with cues found as substrings.
 */

export type Normalise = (word: string) => string;

/** What a fix inserts after a quotation to attribute it: see fixes.ts. */
export interface AttributionStyle {
  /** Clause inserted after the quote, e.g. (n) => `${n} said`. */
  clause(name: string): string;
  /** Mark joining quote and clause (`,` `，` `،`), or '' when the clause attaches directly (ja). */
  comma: string;
  /** The comma goes inside the closing mark (American English, Indonesian) or after it. */
  commaInside: boolean;
  /** Sentence-final mark. */
  stop: string;
  /** Placeholder name when no speaker is known. */
  placeholder: string;
}

interface Common {
  lang: string;
  norm: Normalise;
  /** Quoted text at least this long (words, or characters for CJK) is speech when nothing else decides. */
  minSpeechLength: number;
  /** Verbs carry their subject (Arabic قالت, Japanese と述べた): a cue alone attributes. */
  proDrop: boolean;
  /** Titles of people (Mr, President, 氏) that mark a name as a person. */
  titles: Set<string>;
  style: AttributionStyle;
}

export interface SpacedLexicon extends Common {
  cjk: false;
  /** Cue verbs in every form worth matching, normalised. */
  verbs: Set<string>;
  /** Cue forms that are mostly nouns ("reports", "claims"): a cue only before that/:/, or a quote, or after a name or pronoun. */
  weakVerbs: Set<string>;
  /** Weak forms that are naming verbs ("they call it"). */
  weakNaming: Set<string>;
  /** Verbs whose object is the listener ("told reporters", "urged voters"): never inverted. */
  objectVerbs: Set<string>;
  /** Multi-word cue verbs ("point out"). */
  phrases: string[][];
  /** Phrases introducing a source that follows them ("according to X"). */
  according: string[][];
  /** Nouns of speech ("statement"), attributing when a possessor is next to them. */
  nouns: Set<string>;
  /** Possessor follows the noun ("pernyataan Jokowi", "les propos de X", "تصريحات الرئيس"). */
  possessorAfterNoun: boolean;
  possessives: Set<string>;
  /** Verbs of naming ("X called it '…'"): attribute a term to X. */
  naming: Set<string>;
  /** Words right before a quotation that make it a term or a nickname ("so-called"). */
  termMarkers: Set<string>;
  /** Words right before a quotation that make it a title ("book", "titled"). */
  titleMarkers: Set<string>;
  /** "known as", "described as": pairs whose second word is right before the quotation. */
  asMarkers: Set<string>;
  determiners: Set<string>;
  /** Subject pronouns: a speaker, though not a name. */
  pronouns: Set<string>;
  /** Words dropped from either end of a speaker phrase (auxiliaries, adverbs, conjunctions). */
  trim: Set<string>;
  /** Words that end a speaker phrase read after the cue ("said Smith in a statement"). */
  stops: Set<string>;
  /** Variants of a word to try as a cue: Arabic و/ف prefixes, French "dit-il", Indonesian "katanya". */
  variants(low: string): string[];
  /** The word carries its speaker (a pronoun suffix: "katanya", "dit-il", "ujarnya"). */
  selfSpeaker(low: string): boolean;
  /** The language has letter case, so capitals can signal names and titles. */
  cased: boolean;
}

export interface CjkLexicon extends Common {
  cjk: true;
  /** Cue words, longest first. */
  cues: string[];
  /** Contexts in which a cue is part of another word: [cue, chars before, chars after]. */
  notCue: Array<[string, string, string]>;
  according: string[];
  nouns: string[];
  pronouns: string[];
  /** Japanese: the quotative particle that links a quote to its verb. */
  quotative?: string;
  /** Text right before a quotation that makes it a term ("所谓", "いわゆる"). */
  termBefore: string[];
  /** Text right after a quotation that makes it a term ("一词", "という"). */
  termAfter: string[];
  /** Words trimmed from the end of a speaker run (adverbs: 还, 也, 则). */
  trimEnd: string[];
}

export type Lexicon = SpacedLexicon | CjkLexicon;

/** Lower case, no diacritics that vary in print (Arabic harakat, tatweel), one apostrophe. */
export function basicNorm(word: string): string {
  const low = word.toLowerCase();
  return low.includes('’') ? low.replace(/’/g, "'") : low;
}

export function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export function phrases(list: string): string[][] {
  return list.split('|').map((p) => p.trim().split(/\s+/)).filter((p) => p.length && p[0]);
}

/**
 * English-style inflection of regular verbs: base, -s, -ed, -ing (with the few spelling rules
 * needed for cue verbs). `noBare` drops base and -s forms for verbs that are mostly nouns
 * ("report", "state"): the past tense stays unambiguous.
 */
export function inflect(bases: string, noBare = false): string[] {
  const out: string[] = [];
  for (const raw of bases.split(/\s+/).filter(Boolean)) {
    const double = raw.endsWith('+');
    const base = double ? raw.slice(0, -1) : raw;
    const stem = double ? base + base[base.length - 1] : base;
    const consonantY = /[^aeiou]y$/.test(base);
    const third = consonantY ? base.slice(0, -1) + 'ies' : /(s|sh|ch|x|z|o)$/.test(base) ? base + 'es' : base + 's';
    const past = consonantY ? base.slice(0, -1) + 'ied' : base.endsWith('e') ? base + 'd' : stem + 'ed';
    const ing = base.endsWith('ie') ? base.slice(0, -2) + 'ying' : base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) + 'ing' : stem + 'ing';
    if (!noBare) out.push(base, third);
    out.push(past, ing);
  }
  return out;
}
