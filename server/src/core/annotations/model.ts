import type { LintResult } from '../engine.js';
import type { DraftDocument } from '../document.js';
import type { Finding } from '../types.js';
import type { Attribution, QuotationAnalysis, QuotationKind } from '../quotes/types.js';
import type { Lexicon } from '../quotes/lexicon.js';
import { analyseDocument, resolveSpeakers } from '../quotes/analyse.js';
import { nameIn } from '../quotes/speakers.js';
import { findDisclaimers } from '../disclaimer/recognise.js';
import { translationStatus, type TranslationStatus } from '../disclaimer/status.js';
import { summarise, type Summary } from './summary.js';
import { localize } from '../l10n.js';

/**
 * The reading model behind hovers, inlay hints, semantic tokens, the outline and the summary lens:
 * quotations with their speakers, speakers with their quotes, corrected claims and the disclaimer,
 * all in source offsets (UTF-16). Built once per lint result and cached with it.
 */

export interface Span { start: number; end: number }

export type QuoteStatus = 'attributed' | 'unattributed' | 'term';

export interface QuoteAnnotation {
  index: number;
  analysis: QuotationAnalysis;
  kind: QuotationKind;
  /** Speech with or without a source; any other kind is a term (needs no source). */
  status: QuoteStatus;
  /** The person or body the quote is credited to, as hints and the outline show it. */
  speaker?: string;
  /** The name itself where the attribution stands ("Sam Altman" in "OpenAI CEO Sam Altman"). */
  speakerName?: Span;
  cue?: Span;
  /** The first words between its marks, with the marks ("“sees an opportunity to deploy across…”"). */
  preview: string;
  /** Shown in hints, the outline and the summary: speech at the top level. */
  counted: boolean;
}

export interface SpeakerAnnotation {
  name: string;
  /** Indices into `quotations`, in document order. */
  quotes: number[];
  /** The name where it stands in the draft: in attributions and wherever else it is written. */
  names: Span[];
  cues: Span[];
}

export interface ClaimAnnotation {
  range: Span;
  ledgerId: string;
  claim: string;
  correction?: string;
  note?: string;
  source?: string;
  date?: string;
  rating?: string;
  ledgerFile?: string;
  reportedWithCorrection: boolean;
}

export interface DisclaimerAnnotation {
  range: Span;
  /** Language the disclaimer is written in. */
  language: string;
  /** Every language it names. */
  names: string[];
  /** The draft's translation status from its front matter (or the primary language), if a translation. */
  translation?: TranslationStatus;
}

export interface Annotations {
  document: DraftDocument;
  quotations: QuoteAnnotation[];
  /** Speakers of counted quotes, in order of their first quote. */
  speakers: SpeakerAnnotation[];
  /** Counted quotes nobody is credited with. */
  unattributed: number[];
  claims: ClaimAnnotation[];
  disclaimer?: DisclaimerAnnotation;
  translation?: TranslationStatus;
  summary: Summary;
}

export interface AnnotateOptions {
  /** Configured disclaimer templates (config.disclaimers), when the host has them. */
  templates?: Record<string, string>;
  /** The newsroom's primary language (config.primaryLanguage), when the host has it. */
  primaryLanguage?: string;
}

/** Shown for a quote credited by a cue alone, without a name ("…," was said). */
export const UNNAMED_SOURCE = localize('source not named');

const cache = new WeakMap<LintResult, Annotations>();

/** The annotation model of a lint result; computed once per result object. */
export function annotate(result: LintResult, options: AnnotateOptions = {}): Annotations {
  const hit = cache.get(result);
  if (hit) return hit;
  const doc = result.document;
  const report = resolveSpeakers(analyseDocument(doc));
  const quotations = report.quotations.map((q) => quoteAnnotation(doc, report.lexicon, q));
  const speakers: SpeakerAnnotation[] = [];
  const byName = new Map<string, SpeakerAnnotation>();
  const unattributed: number[] = [];
  for (const q of quotations) {
    if (!q.counted) continue;
    if (q.status === 'unattributed') { unattributed.push(q.index); continue; }
    const name = q.speaker ?? UNNAMED_SOURCE;
    let s = byName.get(name);
    if (!s) { s = { name, quotes: [], names: [], cues: [] }; byName.set(name, s); speakers.push(s); }
    s.quotes.push(q.index);
    if (q.speakerName) addSpan(s.names, q.speakerName);
    if (q.cue) addSpan(s.cues, q.cue);
  }
  for (const s of speakers) if (s.name !== UNNAMED_SOURCE) addMentions(doc, report.lexicon, s, quotations);

  const claims = result.findings.filter((f) => f.rule === 'corrected-claim' && f.data).map((f) => claimAnnotation(doc, f));
  const translation = translationStatus(doc, options.primaryLanguage);
  const found = findDisclaimers(doc, options.templates ?? {}, translation?.method === 'human');
  const own = found.find((d) => d.language === doc.language) ?? found[0];
  const disclaimer: DisclaimerAnnotation | undefined = own && {
    range: { start: own.block.start, end: own.block.end }, language: own.language, names: own.namesLanguages, translation,
  };
  const model: Annotations = {
    document: doc, quotations, speakers, unattributed, claims, disclaimer, translation,
    summary: summarise(quotations, claims, result.findings, doc.language, translation, disclaimer),
  };
  cache.set(result, model);
  return model;
}

function quoteAnnotation(doc: DraftDocument, lex: Lexicon, q: QuotationAnalysis): QuoteAnnotation {
  const status: QuoteStatus = q.kind !== 'speech' ? 'term' : q.attribution ? 'attributed' : 'unattributed';
  const a = q.attribution;
  const out: QuoteAnnotation = {
    index: q.index, analysis: q, kind: q.kind, status,
    preview: preview(q, lex.cjk),
    counted: q.depth === 0 && q.kind === 'speech',
  };
  if (status === 'attributed' && a) {
    const name = speakerOf(lex, a);
    if (name) out.speaker = name;
    if (a.speakerRange) out.speakerName = nameSpan(doc, lex, a, name);
    if (a.cueRange) out.cue = { ...a.cueRange };
  }
  return out;
}

/** Display name: the resolved person ("Sam Altman" for "he" or "Altman"), else the name in the phrase. */
export function speakerOf(lex: Lexicon, a: Attribution): string | undefined {
  if (a.resolvedSpeaker) return a.resolvedSpeaker;
  if (!a.speaker) return undefined;
  return nameIn(lex, a.speaker)?.name ?? a.speaker;
}

/** Where the name stands inside the attribution phrase; the whole phrase when it cannot be found. */
function nameSpan(doc: DraftDocument, lex: Lexicon, a: Attribution, display: string | undefined): Span {
  const range = a.speakerRange!;
  const written = doc.text.slice(range.start, range.end);
  for (const name of [display, a.speaker && nameIn(lex, a.speaker)?.name]) {
    if (!name) continue;
    const at = written.lastIndexOf(name);
    if (at >= 0) return { start: range.start + at, end: range.start + at + name.length };
  }
  return { start: range.start, end: range.end };
}

/** Every place the speaker's name (or the shorter form an attribution used) is written. */
function addMentions(doc: DraftDocument, lex: Lexicon, s: SpeakerAnnotation, quotations: QuoteAnnotation[]): void {
  const forms = new Set<string>([s.name]);
  for (const i of s.quotes) {
    const span = quotations[i].speakerName;
    if (span) forms.add(doc.text.slice(span.start, span.end));
  }
  const from = doc.frontMatter?.end ?? 0;
  for (const form of [...forms].sort((x, y) => y.length - x.length)) {
    if (form.length < 2) continue;
    for (let at = doc.text.indexOf(form, from); at >= 0; at = doc.text.indexOf(form, at + form.length)) {
      const end = at + form.length;
      if (!lex.cjk && (isWordChar(doc.text[at - 1]) || isWordChar(doc.text[end]))) continue;
      addSpan(s.names, { start: at, end });
    }
  }
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Adds a span unless one already covers it (or it covers one, which it then replaces); keeps order. */
function addSpan(list: Span[], span: Span): void {
  if (list.some((x) => x.start <= span.start && span.end <= x.end)) return;
  for (let i = list.length - 1; i >= 0; i--) if (span.start <= list[i].start && list[i].end <= span.end) list.splice(i, 1);
  let k = list.length;
  while (k > 0 && list[k - 1].start > span.start) k--;
  list.splice(k, 0, span);
}

const PREVIEW_WORDS = 6;
const PREVIEW_CHARS = 12;

function preview(q: QuotationAnalysis, cjk: boolean): string {
  const text = q.text.replace(/\s+/g, ' ').trim();
  let head = text;
  if (cjk) {
    const chars = [...text];
    if (chars.length > PREVIEW_CHARS) head = chars.slice(0, PREVIEW_CHARS).join('') + '…';
  } else {
    const words = text.split(' ');
    if (words.length > PREVIEW_WORDS) head = words.slice(0, PREVIEW_WORDS).join(' ').replace(/[,;:]$/, '') + '…';
  }
  return `${q.openMark}${head}${q.closeMark ?? ''}`;
}

function claimAnnotation(doc: DraftDocument, f: Finding): ClaimAnnotation {
  const d = f.data as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === 'string' ? d[k] as string : undefined);
  return {
    range: { start: doc.lines.offsetAt(f.range.start), end: doc.lines.offsetAt(f.range.end) },
    ledgerId: str('ledgerId') ?? '',
    claim: str('claim') ?? '',
    correction: str('correction'),
    note: str('note'),
    source: str('source'),
    date: str('date'),
    rating: str('rating'),
    ledgerFile: str('ledgerFile'),
    reportedWithCorrection: d.reportedWithCorrection === true,
  };
}

/** Things at a source offset, innermost first. */
export function annotationsAt(model: Annotations, offset: number): {
  claim?: ClaimAnnotation; quote?: QuoteAnnotation; disclaimer?: DisclaimerAnnotation; speaker?: SpeakerAnnotation;
} {
  const inside = (s: Span) => offset >= s.start && offset < s.end;
  const claim = model.claims.find((c) => inside(c.range));
  let quote: QuoteAnnotation | undefined;
  for (const q of model.quotations) {
    if (q.analysis.segments.some(inside) && (!quote || q.analysis.depth > quote.analysis.depth)) quote = q;
  }
  const disclaimer = model.disclaimer && inside(model.disclaimer.range) ? model.disclaimer : undefined;
  const within = (s: Span) => offset >= s.start && offset <= s.end;
  const speaker = model.speakers.find((s) => s.names.some(within));
  return { claim, quote, disclaimer, speaker };
}
