import type { FrontMatter } from './front-matter.js';
import type { ProseBlock } from './prose-block.js';
import { LineIndex } from './line-index.js';

export type DraftKind = 'markdown' | 'plaintext';

/** A comment in the draft that Copydesk reads (suppressions); offsets cover the whole comment. */
export interface DirectiveComment {
  start: number;
  end: number;
  /** Text between the comment markers, trimmed. */
  body: string;
}

export interface Sentence {
  /** Offsets into the block's prose text. */
  start: number;
  end: number;
  text: string;
}

/** A parsed draft: what every rule reads. Built once per version of the text. */
export interface DraftDocument {
  path?: string;
  text: string;
  kind: DraftKind;
  lines: LineIndex;
  frontMatter?: FrontMatter;
  /** Prose blocks in reading order. */
  blocks: ProseBlock[];
  /** Comments that may hold Copydesk directives. */
  comments: DirectiveComment[];
  /**
   * Where text "at the end of the article" goes: before trailing link reference definitions,
   * footnote definitions and comments, after the last prose.
   */
  endInsertOffset: number;
  /** Language as a primary BCP-47 subtag, or undefined when unknown. */
  language?: string;
  languageSource: 'front-matter' | 'detected' | 'config' | 'unknown';
  /** Sentences of a block, segmented in the document's language; cached. */
  sentences(block: ProseBlock): Sentence[];
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string | undefined): Intl.Segmenter {
  const key = language ?? 'und';
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(language && language !== 'und' ? [language] : undefined, { granularity: 'sentence' });
    segmenters.set(key, s);
  }
  return s;
}

export function sentenceSplitter(doc: Pick<DraftDocument, 'language'>): (block: ProseBlock) => Sentence[] {
  // Made on first use: most documents are never asked for sentences.
  let cache: WeakMap<ProseBlock, Sentence[]> | undefined;
  return (block) => {
    cache ??= new WeakMap();
    let found = cache.get(block);
    if (!found) {
      found = [];
      for (const seg of segmenterFor(doc.language).segment(block.text)) {
        found.push({ start: seg.index, end: seg.index + seg.segment.length, text: seg.segment });
      }
      cache.set(block, found);
    }
    return found;
  };
}
