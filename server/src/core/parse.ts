import { findFrontMatter, parseFrontMatter, type FrontMatter } from './front-matter.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePlaintext } from './parse-plaintext.js';
import { LineIndex } from './line-index.js';
import { detectLanguage, normaliseLanguage } from './language.js';
import { sentenceSplitter, type DraftDocument, type DraftKind } from './document.js';

export interface ParseOptions {
  path?: string;
  kind: DraftKind;
  /** Used when neither front matter nor detection gives a language. */
  fallbackLanguage?: string;
}

/** Text + kind in, the document model every rule reads out. Never throws on odd input. */
export function parseDraft(text: string, options: ParseOptions): DraftDocument {
  const fmBounds = findFrontMatter(text);
  let frontMatter: FrontMatter | undefined;
  if (fmBounds) frontMatter = parseFrontMatter(text, fmBounds.yamlStart, fmBounds.yamlEnd, fmBounds.end);

  const parts = options.kind === 'markdown' ? parseMarkdown(text, fmBounds?.end ?? 0) : parsePlaintext(text, fmBounds?.end ?? 0);

  let language: string | undefined;
  let languageSource: DraftDocument['languageSource'] = 'unknown';
  const declared = normaliseLanguage(frontMatter?.data.lang ?? frontMatter?.data.language);
  if (declared) { language = declared; languageSource = 'front-matter'; }
  else {
    const prose = parts.blocks.map((b) => b.text).join('\n');
    const detected = detectLanguage(prose);
    if (detected) { language = detected; languageSource = 'detected'; }
    else if (options.fallbackLanguage) { language = options.fallbackLanguage; languageSource = 'config'; }
  }

  const doc: DraftDocument = {
    path: options.path,
    text,
    kind: options.kind,
    lines: new LineIndex(text),
    frontMatter,
    blocks: parts.blocks,
    comments: parts.comments,
    endInsertOffset: Math.max(parts.endInsertOffset, fmBounds?.end ?? 0),
    language,
    languageSource,
    sentences: () => [],
  };
  doc.sentences = sentenceSplitter(doc);
  return doc;
}
