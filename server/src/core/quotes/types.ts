/**
 * The quotation model shared by the unattributed-quote rule and, later, hovers, inlay hints and
 * semantic tokens. Everything here is plain data in source offsets (UTF-16), so a consumer never
 * needs the prose-block machinery to use it.
 */

export interface SourceRange { start: number; end: number }

/** Mark families: which closing marks may end a quotation opened by a given mark. */
export type QuoteFamily = 'double' | 'single' | 'guillemet' | 'single-guillemet' | 'corner' | 'white-corner' | 'double-prime';

/** What a quotation is: only `speech` needs a source. */
export type QuotationKind = 'speech' | 'term' | 'title' | 'nickname';

/** How an attribution was found, from the strongest (same clause) to the weakest (context). */
export type AttributionVia =
  | 'cue-before'        // X said: "…" / X said he is "…"
  | 'cue-after'         // "…," X said / "…," said X
  | 'according-to'      // according to X / selon X / menurut X / 据X / によると / بحسب
  | 'noun'              // X's statement that "…" / Clinton's allegations of a "…"
  | 'naming'            // X called it "…"
  | 'interview'         // X: "…"
  | 'dash'              // "…" — X
  | 'previous-sentence' // the sentence before names the speaker
  | 'next-sentence'     // "…?" Then X asked.
  | 'continuation'      // an earlier quote of the same paragraph (or the one before) has a speaker
  | 'enclosing';        // a quote inside a quote belongs to the outer speaker

export interface Attribution {
  via: AttributionVia;
  /**
   * The quotation is the whole of what the cue reports (`"…," X said`, `X said: "…"`), not a
   * fragment inside a paraphrase (`X said he was "surprised"`). Only direct quotes lend their
   * speaker to the quotes that follow them.
   */
  direct: boolean;
  /** Who is quoted, as written ("OpenAI CEO Sam Altman", "he"); absent when only a cue was found. */
  speaker?: string;
  speakerRange?: SourceRange;
  /** The cue word(s) as written ("said", "according to", "表示"). */
  cue?: string;
  cueRange?: SourceRange;
  /** A pronoun speaker resolved to the nearest preceding named person, for hovers. */
  resolvedSpeaker?: string;
  /** For continuation/enclosing: index of the quotation whose attribution is inherited. */
  from?: number;
}

export interface QuotationAnalysis {
  /** Position in document order. */
  index: number;
  /** The whole quotation, marks included; for a multi-paragraph quote, first mark to last mark. */
  range: SourceRange;
  /** One range per paragraph the quotation spans. */
  segments: SourceRange[];
  openMark: string;
  closeMark?: string;
  openRange: SourceRange;
  closeRange?: SourceRange;
  family: QuoteFamily;
  /** 0 for a top-level quotation, 1 for a quote inside a quote, … */
  depth: number;
  parent?: number;
  /** The words between the marks (paragraphs joined by a newline). */
  text: string;
  kind: QuotationKind;
  /** Why it was classified so, in plain words (for hovers and debugging). */
  kindReason: string;
  /** The opening mark is never closed (the quotation runs to the end of its paragraph). */
  unclosed: boolean;
  attribution?: Attribution;
  /** Why no attribution was found; set only when `attribution` is undefined. */
  unattributedReason?: string;
  /** Language whose lexicon was used. */
  language: string;
}

/** A closing mark with no opening mark. */
export interface StrayMark { range: SourceRange; mark: string }
