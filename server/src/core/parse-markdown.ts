import { ParagraphCache } from './paragraph-cache.js';
import { cacheLimits } from './limits.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { ProseBuilder, type ProseBlock, type BlockKind } from './prose-block.js';
import type { DirectiveComment } from './document.js';
import { definitionLines, splitChunks } from './markdown-chunks.js';

// Front matter is found before parsing (findFrontMatter), so chunks never contain it.
const processor = unified().use(remarkParse).use(remarkGfm);

export interface MarkdownParts {
  blocks: ProseBlock[];
  comments: DirectiveComment[];
  endInsertOffset: number;
}

/** What one chunk parses to, with offsets relative to the chunk: reusable wherever the chunk moves. */
interface ChunkResult {
  blocks: ProseBlock[];
  comments: DirectiveComment[];
  /** Top-level nodes: where content ends, and which nodes are trailing matter (definitions, footnotes, comments). */
  tops: Array<{ start: number; end: number; trailing: boolean }>;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const cache = new ParagraphCache<ChunkResult>();

/**
 * Parses a Markdown body chunk by chunk (see markdown-chunks.ts). Each chunk's result is cached by
 * its text, so re-parsing a draft after an edit costs one chunk; chunks of plain prose, which is
 * most of a news story, skip the Markdown parser altogether.
 */
export function parseMarkdown(text: string, bodyStart = 0): MarkdownParts {
  const definitions = definitionLines(text, bodyStart);
  const blocks: ProseBlock[] = [];
  const comments: DirectiveComment[] = [];
  let lastContentEnd = bodyStart;
  let trailingStart: number | undefined;
  for (const chunk of splitChunks(text, bodyStart)) {
    const source = text.slice(chunk.start, chunk.end);
    const result = parseChunk(source, definitions);
    const delta = chunk.start;
    for (const b of result.blocks) blocks.push(shift(b, delta, blocks.length));
    for (const c of result.comments) comments.push({ start: c.start + delta, end: c.end + delta, body: c.body });
    for (const top of result.tops) {
      if (top.trailing) trailingStart ??= top.start + delta;
      else { trailingStart = undefined; lastContentEnd = top.end + delta; }
    }
  }
  return { blocks, comments, endInsertOffset: trailingStart ?? lastContentEnd };
}

function parseChunk(source: string, definitions: string): ChunkResult {
  // A batch run sees each paragraph once: plain prose is read directly, without hashing the chunk
  // for the cache (its paragraph's text, another string, is hashed by the rules' caches anyway).
  // Chunks with markup go through the cache: boilerplate with links repeats across an archive.
  if (cacheLimits.batch) {
    const simple = simpleParagraph(source);
    if (simple) return simple;
  }
  const usesDefinitions = definitions !== '' && source.includes('[');
  const key = usesDefinitions ? `${source}\u0000${definitions}` : source;
  let result = cache.get(key);
  if (!result) {
    result = simpleParagraph(source) ?? (pathological(source) ? plainParagraph(source) : safeRemark(source, usesDefinitions ? definitions : ''));
    cache.set(key, result);
  }
  return result;
}

/** A cached chunk's block placed where the chunk now stands; the offset map itself is shared. */
function shift(b: ProseBlock, delta: number, index: number): ProseBlock {
  return { ...b, index, start: b.start + delta, end: b.end + delta, base: b.base + delta };
}

// Anything that could be Markdown syntax: inline markup, HTML, entities, escapes, autolinks,
// and line starts that open blocks (headings, lists, quotes, tables, indented code, setext).
// Same answers as /[`*_[\]<>&\\!~|]|:\/\/|www\.|@|^[ \t]|[ \t]$|^(?:#|[-+=]|\d{1,9}[.)])/m, which
// tried every alternative at every character: one native search for inline syntax, then a look
// at each line's start and end. Lines end where a multiline regular expression's do: \n, \r,
// U+2028 and U+2029 (the last three, rare, take a character-by-character scan).
const INLINE_MARKUP = new Uint8Array(128);
for (const ch of '`*_[]<>&\\!~|@') INLINE_MARKUP[ch.charCodeAt(0)] = 1;

const INLINE = /[`*_[\]<>&\\!~|@]|:\/\/|www\./;
const UNUSUAL_BREAK = /[\r\u2028\u2029]/;

export function hasMarkup(s: string): boolean {
  // Inline syntax by one native search; then only line starts and ends need a look. Lines broken
  // by anything but \n take the general scan.
  if (INLINE.test(s)) return true;
  if (UNUSUAL_BREAK.test(s)) return hasMarkupScan(s);
  for (let lineStart = 0; ;) {
    if (opensBlock(s, lineStart)) return true;
    const nl = s.indexOf('\n', lineStart);
    if (nl < 0) break;
    const before = s.charCodeAt(nl - 1);
    if (before === 32 || before === 9) return true;
    lineStart = nl + 1;
  }
  const last = s.charCodeAt(s.length - 1);
  return last === 32 || last === 9;
}

/** A line that starts with a space, tab, #, -, +, = or a list number (1. or 1)). */
function opensBlock(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 32 || c === 9 || c === 35 || c === 45 || c === 43 || c === 61) return true;
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < s.length && j - i < 9 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    return s[j] === '.' || s[j] === ')';
  }
  return false;
}

function hasMarkupScan(s: string): boolean {
  const n = s.length;
  let lineStart = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      if (i > 0 && (s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 9)) return true;
      lineStart = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      if (opensBlock(s, i)) return true;
    }
    if (c < 128 && INLINE_MARKUP[c]) return true;
    if (c === 58 && s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47) return true; // ://
    if (c === 119 && s.startsWith('ww.', i + 1)) return true; // www.
  }
  return n > 0 && (s.charCodeAt(n - 1) === 32 || s.charCodeAt(n - 1) === 9);
}

/**
 * Input no writer produces but a paste or a fuzzer can: a paragraph of more than 50,000
 * characters, or nesting deeper than 16 quote or list levels. remark needs seconds (or overflows
 * its stack) on those; Copydesk reads such a chunk as one plain paragraph instead.
 */
function pathological(source: string): boolean {
  return source.length > 50_000 || /^(?:[ \t]*(?:[>*+-]|\d{1,9}[.)])[ \t]*){16}/m.test(source) || /^[ \t]{64}/m.test(source);
}

function safeRemark(source: string, definitions: string): ChunkResult {
  try {
    return parseWithRemark(source, definitions);
  } catch {
    return plainParagraph(source);
  }
}

function plainParagraph(source: string): ChunkResult {
  const trimmed = source.replace(/\s+$/, '');
  const block: ProseBlock = { kind: 'paragraph', index: 0, start: 0, end: trimmed.length, text: trimmed, base: 0, blockquoteDepth: 0, inList: false };
  return { blocks: trimmed ? [block] : [], comments: [], tops: trimmed ? [{ start: 0, end: trimmed.length, trailing: false }] : [] };
}

/** The chunk without the blank lines (and their indentation) after its last line. */
function withoutTrailingBlankLines(source: string): string {
  let p = source.length;
  while (p > 0) {
    const c = source.charCodeAt(p - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    p--;
  }
  for (let k = p; k < source.length; k++) {
    const c = source.charCodeAt(k);
    if (c === 10 || c === 13) return source.slice(0, k);
  }
  return source;
}

/** A chunk of plain prose lines is one paragraph whose text is the source itself. */
function simpleParagraph(source: string): ChunkResult | undefined {
  const trimmed = withoutTrailingBlankLines(source);
  if (trimmed === '') return undefined;
  if (hasMarkup(trimmed)) return simpleHeading(trimmed);
  const block: ProseBlock = { kind: 'paragraph', index: 0, start: 0, end: trimmed.length, text: trimmed, base: 0, blockquoteDepth: 0, inList: false };
  return { blocks: [block], comments: [], tops: [{ start: 0, end: trimmed.length, trailing: false }] };
}

const ATX = /^(#{1,6})[ \t]+/;

/**
 * `# A headline of plain words` on a line of its own: a heading whose text is the source after
 * the hashes. Anything more (closing hashes, trailing spaces, inline markup) goes to remark.
 */
function simpleHeading(line: string): ChunkResult | undefined {
  const m = ATX.exec(line);
  if (!m) return undefined;
  const text = line.slice(m[0].length);
  if (text === '' || text.endsWith('#') || text.includes('\n') || text.includes('\r') || hasMarkup(text)) return undefined;
  const block: ProseBlock = { kind: 'heading', index: 0, start: 0, end: line.length, text, base: m[0].length, blockquoteDepth: 0, inList: false, depth: m[1].length };
  return { blocks: [block], comments: [], tops: [{ start: 0, end: line.length, trailing: false }] };
}

/** Walks the Markdown syntax tree and keeps what a reader reads; code, HTML and URLs are left out. */
function parseWithRemark(source: string, definitions: string): ChunkResult {
  // remark drops a byte-order mark at the start of what it parses and counts positions without it;
  // a chunk can start with one (a pasted BOM after a blank line), so it is parsed as a space.
  const body = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  const text = definitions ? `${body}\n\n${definitions}\n` : body;
  const tree = processor.parse(text) as Root;
  const blocks: ProseBlock[] = [];
  const comments: DirectiveComment[] = [];
  const tops: ChunkResult['tops'] = [];

  const addComments = (from: number, to: number) => {
    COMMENT.lastIndex = 0;
    const slice = text.slice(from, to);
    for (let m = COMMENT.exec(slice); m; m = COMMENT.exec(slice)) {
      comments.push({ start: from + m.index, end: from + m.index + m[0].length, body: m[1].trim() });
    }
  };

  const pushBlock = (kind: BlockKind, node: Parents, ctx: Ctx, depth?: number) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const b = new ProseBuilder();
    collectInline(node.children as PhrasingContent[], text, b, addComments, start, end);
    if (b.length === 0) return;
    blocks.push(b.build(kind, blocks.length, start, end, { blockquoteDepth: ctx.quote, inList: ctx.list, depth }));
  };

  interface Ctx { quote: number; list: boolean }
  const visit = (node: Nodes, ctx: Ctx) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'heading': pushBlock('heading', node, ctx, node.depth); return;
      case 'paragraph': pushBlock('paragraph', node, ctx); return;
      case 'tableCell': pushBlock('tableCell', node, ctx); return;
      case 'html': addComments(start, end); return;
      case 'code': case 'definition': case 'thematicBreak': case 'yaml': return;
      case 'blockquote': for (const c of node.children) visit(c, { ...ctx, quote: ctx.quote + 1 }); return;
      case 'listItem': for (const c of node.children) visit(c, { ...ctx, list: true }); return;
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) visit(c, ctx);
    }
  };
  for (const child of tree.children) {
    const start = child.position?.start.offset ?? 0;
    // The appended definitions only resolve references; they are not part of this chunk.
    if (start >= source.length) break;
    const trailing = child.type === 'definition' || child.type === 'footnoteDefinition' ||
      (child.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(child.value));
    tops.push({ start, end: child.position?.end.offset ?? start, trailing });
    visit(child, { quote: 0, list: false });
  }
  return { blocks, comments, tops };
}

/**
 * Some nodes come without positions (remark-gfm's autolink literals): those are placed after the
 * previous node, within the parent, so their characters are still found in the source.
 */
function collectInline(nodes: PhrasingContent[], text: string, b: ProseBuilder, addComments: (s: number, e: number) => void, from: number, to: number): void {
  let cursor = from;
  for (const node of nodes) {
    const start = node.position?.start.offset ?? cursor;
    const end = node.position?.end.offset ?? (node.position ? start : to);
    cursor = node.position ? end : cursor;
    switch (node.type) {
      case 'text': {
        const stop = b.addAligned(node.value, text, start, end);
        if (!node.position) cursor = stop;
        break;
      }
      case 'break': b.addChar('\n', start); break;
      case 'inlineCode': case 'image': case 'imageReference': b.addPlaceholder(start); break;
      case 'html': addComments(start, end); if (!/^<!--/.test(node.value)) b.addPlaceholder(start); break;
      case 'footnoteReference': break;
      case 'link':
        // A bare or angle-bracket URL is a link whose text is the URL itself: not prose.
        if (node.children.length === 1 && node.children[0].type === 'text' && node.url.endsWith(node.children[0].value.replace(/^mailto:/, ''))) {
          b.addPlaceholder(start);
          break;
        }
        collectInline(node.children, text, b, addComments, start, end);
        break;
      default:
        // emphasis, strong, delete, linkReference: the words count, the markup does not.
        if ('children' in node) collectInline(node.children as PhrasingContent[], text, b, addComments, start, end);
    }
  }
}
