import { ParagraphCache } from '../paragraph-cache.js';
import { cacheLimits } from '../limits.js';
import type { DraftDocument } from '../document.js';
import { sourceAt, sourceRange, type ProseBlock } from '../prose-block.js';
import { paragraphsOf } from './paragraphs.js';
import type { Attribution, QuotationAnalysis, SourceRange, StrayMark } from './types.js';
import { pairQuotes, type RawQuote } from './marks.js';
import { blockSentences, type BlockItems, type SentenceSpan, type SentenceUnit } from './context.js';
import { lexiconFor } from './cues/index.js';
import type { Lexicon } from './lexicon.js';
import { findInSentence, minor, type Hit } from './attribution.js';
import { cueSubjects, introduction, paragraphLabel, quoteOnly, sentenceCue } from './sentence-cues.js';
import { cueSubjectsCjk, findCjk, MASK, runBefore, sentenceCueCjk, type TextHit, type TextSpan } from './attribution-cjk.js';
import { classifyCjk, classifySpaced, countWords, type Kind } from './classify.js';
import { candidates, fullName, lastBefore, nameIn, titledMentions, type Mention, type SpeakerCandidate } from './speakers.js';
import { lastAttributedSpeech, seriesOfFragments } from './series.js';

/**
 * Every quotation of a draft with its kind and attribution: the analysis behind the
 * unattributed-quote rule, and what hovers, inlay hints and semantic tokens read.
 * Pure and linear in the draft's length; cached per parsed document.
 */
export interface QuotationReport {
  quotations: QuotationAnalysis[];
  strays: StrayMark[];
  /** Likely speakers (cue subjects, people named with a title) with their mentions. */
  speakers: SpeakerCandidate[];
  /** Paragraph index (into `paragraphs`) of each quotation's first and last segment. */
  blocksOf: Array<[number, number]>;
  /** The paragraphs quotes were read in (see paragraphs.ts). */
  paragraphs: ProseBlock[];
  lexicon: Lexicon;
  /** Paragraphs left out because they hold more than MAX_QUOTE_MARKS_PER_PARAGRAPH quotation marks. */
  skipped: ProseBlock[];
}

export const MAX_QUOTE_MARKS_PER_PARAGRAPH = 400;
// With the straight apostrophe, which pairs as a single quotation mark too (marks.ts): counted
// like its curly form ’, it is rarely more than a few dozen in a paragraph of prose.
const QUOTE_MARK = /["'“”‘’„‚«»‹›「」『』〝〞〟]/g;

/**
 * More quotation marks than MAX_QUOTE_MARKS_PER_PARAGRAPH. Counted by the regular-expression
 * engine's search from mark to mark (no allocation: this runs on every keystroke), ~15× faster
 * than a JavaScript loop over the characters.
 */
function tooManyMarks(text: string): boolean {
  if (text.length <= MAX_QUOTE_MARKS_PER_PARAGRAPH) return false;
  QUOTE_MARK.lastIndex = 0;
  let n = 0;
  while (QUOTE_MARK.test(text)) if (++n > MAX_QUOTE_MARKS_PER_PARAGRAPH) return true;
  return false;
}

/**
 * Each document's report rides on the document (hovers, hints and tokens ask for it again): a
 * property is cheaper to set than a WeakMap entry (~3 µs each, once per draft of a batch run).
 */
const REPORT = Symbol('quotation report');
type AnalysedDocument = DraftDocument & { [REPORT]?: QuotationReport };

/** Every quotation in the draft, in document order, with its kind and attribution. */
export function analyseQuotations(document: DraftDocument): QuotationAnalysis[] {
  return resolveSpeakers(analyseDocument(document)).quotations;
}

/** The quotation at a source offset (innermost), for hovers. */
export function quotationAt(document: DraftDocument, offset: number): QuotationAnalysis | undefined {
  let found: QuotationAnalysis | undefined;
  for (const q of resolveSpeakers(analyseDocument(document)).quotations) {
    if (q.segments.some((s) => offset >= s.start && offset < s.end) && (!found || q.depth > found.depth)) found = q;
  }
  return found;
}

export function analyseDocument(doc: DraftDocument): QuotationReport {
  const cached = (doc as AnalysedDocument)[REPORT];
  if (cached) return cached;
  const lex = lexiconFor(doc.language);
  // A paragraph with hundreds of quotation marks is not prose to read for quotes (pasted data, a
  // fuzzer): pairing and attribution in it would cost time quadratic in the marks. Skip it, say so.
  const skipped: ProseBlock[] = [];
  const blocks = paragraphsOf(doc).filter((b) => {
    const many = tooManyMarks(b.text);
    if (many) skipped.push(b);
    return !many;
  });
  const { quotes, strays } = pairQuotes(blocks);

  // Top-level segments per block; a block's sentences (with those quotes as items), its masked
  // text (CJK) and the speakers it mentions are read lazily, only for the blocks a quotation needs,
  // from a cache keyed by the block's text and quotation layout: most paragraphs of a story hold
  // no quotation and are never tokenised, and a re-lint after an edit re-reads only what changed.
  const tops: Array<Array<[number, number, number]>> = blocks.map(() => []);
  quotes.forEach((q, i) => { if (q.depth === 0) for (const s of q.segments) tops[s.block].push([i, s.open, s.end]); });
  const masked: string[] = [];
  const entries: BlockEntry[] = [];
  const contexts: BlockItems[] = [];
  const entryOf = (i: number): BlockEntry => (entries[i] ??= blockEntry(lex, blocks[i], tops[i], quotes));
  const ctxOf = (i: number): BlockItems => {
    const known = contexts[i];
    if (known) return known;
    const entry = entryOf(i);
    if (entry.masked !== undefined) masked[i] = entry.masked;
    const where = new Map<number, [number, number]>();
    entry.qpos.forEach((pos, k) => where.set(tops[i][k][0], pos));
    // The units name their block: reuse last lint's while the paragraph keeps its place.
    if (entry.unitsBlock !== i) { entry.units = entry.sentences.map((span, index) => new Unit(i, index, span)); entry.unitsBlock = i; }
    return (contexts[i] = { block: i, sentences: entry.units!, where });
  };
  // Speaker candidates need every paragraph's mentions: only hovers, outlines and the names a
  // fix offers ask for them.
  let speakerList: SpeakerCandidate[] | undefined;
  const speakersOf = (): SpeakerCandidate[] => {
    if (speakerList) return speakerList;
    const mentions: Mention[] = [];
    blocks.forEach((b, i) => {
      for (const m of entryMentions(lex, b, entryOf(i))) mentions.push({ at: sourceAt(b, m.s), text: m.text, titled: m.titled, speaking: m.speaking });
    });
    return (speakerList = candidates(lex, mentions));
  };

  const src = (block: number, s: number, e: number): SourceRange => sourceRange(blocks[block], s, e);
  /** A segment's words, between its marks. */
  const inner = (s: RawQuote['segments'][number]) => blocks[s.block].text.slice(s.open + 1, s.closed ? s.end - 1 : s.end);
  const prose = (block: number, s: number, e: number) => blocks[block].text.slice(s, e).replace(/\s+/g, ' ').trim();

  const toAttribution = (block: number, hit: TextHit): Attribution => {
    const a: Attribution = { via: hit.via, direct: hit.direct ?? false };
    if (hit.speaker) {
      a.speakerRange = src(block, hit.speaker[0], hit.speaker[1]);
      a.speaker = prose(block, hit.speaker[0], hit.speaker[1]);
    }
    if (hit.cue) {
      a.cueRange = src(block, hit.cue[0], hit.cue[1]);
      a.cue = prose(block, hit.cue[0], hit.cue[1]);
    }
    return a;
  };
  const fromItems = (s: SentenceUnit, hit: Hit | undefined): TextHit | undefined => hit && {
    via: hit.via,
    direct: hit.direct,
    cue: hit.cue && [s.items[hit.cue[0]].s, s.items[hit.cue[1]].e],
    speaker: hit.speaker && [s.items[hit.speaker[0]].s, s.items[hit.speaker[1]].e],
  };
  /** A sentence's own cue with a speaker (for the next sentence: "Why?" Then Smith asked.). */
  const cueOf = (s: SentenceUnit, head?: number): TextHit | undefined => {
    if (lex.cjk) { const [ss, se] = bounds(s); return sentenceCueCjk(lex, masked[s.block], ss, se, head); }
    return fromItems(s, sentenceCue(lex, s, head));
  };
  /** A sentence that introduces the quote after it (ends with a colon, or a cue without content). */
  const introOf = (s: SentenceUnit): TextHit | undefined => {
    if (lex.cjk) {
      const [ss, se] = bounds(s);
      const last = masked[s.block].slice(ss, se).trimEnd();
      if (!/[：:]$/.test(last)) return undefined;
      // 市长赵敏在发布会上发言： hands the floor to whoever opens the sentence.
      const who = runBefore(lex, masked[s.block], ss + last.length - 1, ss);
      return sentenceCueCjk(lex, masked[s.block], ss, se) ?? (who ? { via: 'previous-sentence', speaker: who } : undefined);
    }
    return fromItems(s, introduction(lex, s));
  };

  const out: QuotationAnalysis[] = [];
  const blocksOf: Array<[number, number]> = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    const first = q.segments[0];
    const last = q.segments[q.segments.length - 1];
    const single = q.segments.length === 1;
    const text = single ? inner(first) : q.segments.map(inner).join('\n');
    const segments = single ? [src(first.block, first.open, first.end)] : q.segments.map((s) => src(s.block, s.open, s.end));
    const a: QuotationAnalysis = {
      index: i,
      range: { start: segments[0].start, end: segments[segments.length - 1].end },
      segments,
      openMark: q.openMark,
      openRange: src(first.block, first.open, first.open + 1),
      family: q.family,
      depth: q.depth,
      text,
      kind: 'speech',
      kindReason: '',
      unclosed: q.unclosed,
      language: lex.lang,
    };
    if (last.closed) { a.closeMark = q.closeMark; a.closeRange = src(last.block, last.end - 1, last.end); }
    if (q.parent !== undefined) a.parent = q.parent;
    blocksOf.push([first.block, last.block]);
    out.push(a);

    if (q.depth > 0) {
      const n = lex.cjk ? [...text].length : countWords(text);
      const speech = n >= lex.minSpeechLength || /[.!?。！？]\s*$/.test(text);
      a.kind = speech ? 'speech' : 'term';
      a.kindReason = 'a quote inside a quotation';
      const parent = out[q.parent!];
      if (parent.attribution) a.attribution = { ...parent.attribution, via: 'enclosing', direct: false, from: parent.index };
      else a.unattributedReason = 'the quotation around it has no attribution';
      continue;
    }

    const firstCtx = ctxOf(first.block);
    const lastCtx = ctxOf(last.block);
    const [fs, fi] = firstCtx.where.get(i)!;
    const [ls, li] = lastCtx.where.get(i)!;
    const firstSentence = firstCtx.sentences[fs];
    const lastSentence = lastCtx.sentences[ls];
    let hit: TextHit | undefined;
    let hitBlock = first.block;
    let kind: Kind;
    if (lex.cjk) {
      const [ss, se] = bounds(firstSentence);
      hit = findCjk(lex, masked[first.block], ss, se, first.open, first.end);
      if (!hit && last !== first) {
        const [ls0, le0] = bounds(lastSentence);
        hit = findCjk(lex, masked[last.block], ls0, le0, last.open, last.end);
        if (hit) hitBlock = last.block;
      }
      const adjacent = hit !== undefined && (hit.via === 'cue-after' || hit.via === 'cue-before' || hit.via === 'noun') &&
        (hit.cue![0] - last.end < 12 || first.open - hit.cue![1] < 4);
      kind = classifyCjk(lex, q.family, text, masked[first.block], first.open, first.end, adjacent);
    } else {
      // Within one paragraph both answers depend only on what the block entry is keyed by: keep
      // them there, so a keystroke elsewhere does not read this quote again.
      const local = first.block === last.block ? (entryOf(first.block).local ??= new Map()) : undefined;
      const key = `${fs}:${fi}:${q.family}`;
      let known = local?.get(key);
      if (!known) {
        known = { found: findInSentence(lex, firstSentence, fi), kind: classifySpaced(lex, q.family, text, firstSentence, fi) };
        local?.set(key, known);
      }
      hit = fromItems(firstSentence, known.found);
      if (!hit && last !== first) {
        hit = fromItems(lastSentence, findInSentence(lex, lastSentence, li));
        if (hit) hitBlock = last.block;
      }
      kind = known.kind;
    }
    a.kind = kind.kind;
    a.kindReason = kind.reason;
    if (!hit && !lex.cjk) {
      // A transcript paragraph ("WALLACE: …") or a quote that opens with its speaker's label.
      hit = fromItems(firstCtx.sentences[0], paragraphLabel(lex, firstCtx.sentences[0]));
      const label = /^\s*((?:\p{Lu}[\p{L}.'’-]*\s?){1,4}):\s/u.exec(text);
      if (!hit && label && (label[1] === label[1].toUpperCase() || countWords(label[1]) <= 3)) {
        const s0 = first.open + 1 + label.index + label[0].indexOf(label[1]);
        hit = { via: 'interview', speaker: [s0, s0 + label[1].trimEnd().length] };
      }
    }
    if (hit) { a.attribution = toAttribution(hitBlock, hit); continue; }

    // Context: the next sentence, earlier quotes of the paragraph, the sentence or paragraph before.
    const alone = quoteOnly(firstSentence);
    const nextSentence = lastCtx.sentences[ls + 1];
    if (alone && nextSentence && !nextSentence.items.some((it) => it.t === 'q' && !minor(it))) {
      const next = lex.cjk ? cueOf(nextSentence, 12) : fromItems(nextSentence, introduction(lex, nextSentence, true));
      // "According to X, …" attributes its own sentence, not the quote before it.
      if (next && next.via !== 'according-to') { a.attribution = toAttribution(last.block, { ...next, via: 'next-sentence', direct: true }); continue; }
    }
    // Quotes of one sentence share its attribution ("X said A and B"); across sentences only a
    // direct quote lends its speaker.
    const sameSentence = (k: number) => blocksOf[k][1] === first.block && firstCtx.where.get(k)?.[0] === fs;
    const earlier = lastAttributedSpeech(out, i, sameSentence, false) ?? lastAttributedSpeech(out, i, (k) => blocksOf[k][1] === first.block, true);
    if (earlier) { a.attribution = { ...earlier.attribution!, via: 'continuation', from: earlier.index }; continue; }
    const prevSentence = fs > 0 ? firstCtx.sentences[fs - 1] : undefined;
    if (prevSentence && fi === 0) {
      const prev = introOf(prevSentence);
      if (prev) { a.attribution = toAttribution(first.block, { ...prev, direct: true }); continue; }
    }
    const b = first.block;
    const paragraphAlone = fs === 0 && fi === 0 && firstCtx.sentences.every((s) => !s.items.some((it) => it.t === 'w'));
    const prevBlock = b > 0 ? blocks[b - 1] : undefined;
    if (paragraphAlone && prevBlock && prevBlock.kind === 'paragraph' && prevBlock.blockquoteDepth === blocks[b].blockquoteDepth) {
      const before = lastAttributedSpeech(out, i, (k) => blocksOf[k][1] === b - 1, true);
      if (before) { a.attribution = { ...before.attribution!, via: 'continuation', direct: true, from: before.index }; continue; }
      const prevCtx = ctxOf(b - 1);
      const lastOfPrev = prevCtx.sentences[prevCtx.sentences.length - 1];
      const prev = lastOfPrev && introOf(lastOfPrev);
      if (prev) { a.attribution = toAttribution(b - 1, { ...prev, direct: true }); continue; }
    }
    a.unattributedReason = lex.cjk
      ? 'no verb of saying (such as 表示, 说, と述べた) or named source near the quote'
      : 'no verb of saying, “according to” or named source in its sentence, and the sentence or paragraph before names no speaker';
  }

  if (!lex.cjk) {
    const series: BlockItems[] = [];
    for (let b = 0; b < tops.length; b++) if (tops[b].length >= 2) series.push(ctxOf(b));
    seriesOfFragments(out, series, blocksOf);
  }

  const report = new Report(out, strays.map((s) => ({ mark: s.mark, range: src(s.block, s.at, s.at + 1) })), speakersOf, blocksOf, blocks, lex, skipped);
  (doc as AnalysedDocument)[REPORT] = report;
  return report;
}

/** (A class: an object literal with a getter is built by the runtime's slow path, once per draft.) */
class Report implements QuotationReport {
  constructor(
    readonly quotations: QuotationAnalysis[],
    readonly strays: StrayMark[],
    private readonly speakersOf: () => SpeakerCandidate[],
    readonly blocksOf: Array<[number, number]>,
    readonly paragraphs: ProseBlock[],
    readonly lexicon: Lexicon,
    readonly skipped: ProseBlock[],
  ) {}

  get speakers(): SpeakerCandidate[] { return this.speakersOf(); }
}

interface BlockEntry {
  /** The block's sentences (shared between documents: their items cache their cue look-ups). */
  sentences: SentenceSpan[];
  /** [sentence, item] of each top-level quotation of the block, in order. */
  qpos: Array<[number, number]>;
  masked?: string;
  /** Attribution in its own sentence and kind of each single-paragraph quotation, by "sentence:item:family". */
  local?: Map<string, { found: Hit | undefined; kind: Kind }>;
  /** The sentences as units of block `unitsBlock` (see ctxOf). */
  units?: SentenceUnit[];
  unitsBlock?: number;
  /** Speakers mentioned, in block text offsets; read on first use (see entryMentions). */
  mentions?: BlockMention[];
}

/** A sentence as one block's unit: its items are read from the span, made only when first read. */
class Unit implements SentenceUnit {
  constructor(readonly block: number, readonly index: number, private readonly span: SentenceSpan) {}
  get items() { return this.span.items; }
}

interface BlockMention { s: number; text: string; titled: boolean; speaking: boolean }

// By the block's text, then its quotation layout: an unchanged paragraph's text is the very string
// the parse cache returned last time, whose hash the engine keeps, so looking it up costs nothing.
const blockCaches = new WeakMap<Lexicon, ParagraphCache<Map<string, BlockEntry>>>();

/**
 * What a paragraph says independently of the rest of the draft. Everything here depends only on
 * the block's text, the lexicon and where its top-level quotations start, end and whether they
 * close, so it is cached by exactly that.
 */
function blockEntry(lex: Lexicon, block: ProseBlock, tops: ReadonlyArray<[number, number, number]>, quotes: readonly RawQuote[]): BlockEntry {
  // A batch run sees each paragraph once: remembering would only hash it.
  if (cacheLimits.batch) return newBlockEntry(lex, block, tops, quotes);
  let cache = blockCaches.get(lex);
  if (!cache) blockCaches.set(lex, (cache = new ParagraphCache()));
  let layout = '';
  for (const [q, s, e] of tops) { const segs = quotes[q].segments; layout += `${s},${e},${segs[segs.length - 1].closed ? 1 : 0};`; }
  let layouts = cache.get(block.text);
  if (!layouts) cache.set(block.text, (layouts = new Map()));
  const hit = layouts.get(layout);
  if (hit) return hit;
  const entry = newBlockEntry(lex, block, tops, quotes);
  layouts.set(layout, entry);
  return entry;
}

function newBlockEntry(lex: Lexicon, block: ProseBlock, tops: ReadonlyArray<[number, number, number]>, quotes: readonly RawQuote[]): BlockEntry {
  const cut = blockSentences(block, tops, lex.cjk, lex.norm, quotes);
  const entry: BlockEntry = { sentences: cut.sentences, qpos: tops.map(([q]) => cut.where.get(q)!) };
  if (lex.cjk) {
    let m = block.text;
    for (const [, s, e] of tops) m = m.slice(0, s) + MASK.repeat(e - s) + m.slice(e);
    entry.masked = m;
  }
  return entry;
}

/** The people a paragraph mentions: subjects of cue verbs, and names with a title. */
function entryMentions(lex: Lexicon, block: ProseBlock, entry: BlockEntry): BlockMention[] {
  if (entry.mentions) return entry.mentions;
  const mentions: BlockMention[] = [];
  const text = block.text;
  const addMention = (s: number, e: number) => {
    const n = nameIn(lex, text.slice(s, e).replace(/\s+/g, ' ').trim());
    if (n) mentions.push({ s, text: n.name, titled: n.titled, speaking: true });
  };
  if (lex.cjk) {
    for (const span of entry.sentences) {
      const [ss, se] = [span.start, span.end];
      for (const [a, z] of cueSubjectsCjk(lex, entry.masked!, ss, se)) addMention(a, z);
    }
  } else {
    entry.sentences.forEach((span, index) => {
      const items = span.items;
      for (const [a, z] of cueSubjects(lex, { block: 0, index, items })) addMention(items[a].s, items[z].e);
    });
  }
  for (const m of titledMentions(lex, text, (i) => i)) mentions.push({ s: m.at, text: m.text, titled: m.titled, speaking: m.speaking });
  return (entry.mentions = mentions);
}

/**
 * Fills in `resolvedSpeaker` (a pronoun or surname resolved to the person named nearest before it)
 * on every attribution. It needs the speakers of the whole draft, so only hovers, outlines and
 * callers of analyseQuotations pay for it.
 */
export function resolveSpeakers(report: QuotationReport): QuotationReport {
  if (resolved.has(report)) return report;
  resolved.add(report);
  for (const q of report.quotations) {
    const a = q.attribution;
    if (!a?.speaker || !a.speakerRange) continue;
    const named = nameIn(report.lexicon, a.speaker);
    const name = named ? fullName(report.speakers, named.name) : lastBefore(report.speakers, a.speakerRange.start);
    if (name !== undefined) a.resolvedSpeaker = name;
  }
  return report;
}
const resolved = new WeakSet<QuotationReport>();

function bounds(s: SentenceUnit): TextSpan {
  return [s.items[0].s, s.items[s.items.length - 1].e];
}

export type { RawQuote };
