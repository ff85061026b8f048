import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { ProseBuilder, type ProseBlock, type BlockKind } from './prose-block.js';
import type { DirectiveComment } from './document.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export interface MarkdownParts {
  blocks: ProseBlock[];
  comments: DirectiveComment[];
  endInsertOffset: number;
  yaml?: { start: number; end: number };
}

const COMMENT = /<!--([\s\S]*?)-->/g;

/** Walks the Markdown syntax tree and keeps what a reader reads; code, HTML and URLs are left out. */
export function parseMarkdown(text: string): MarkdownParts {
  const tree = processor.parse(text) as Root;
  const blocks: ProseBlock[] = [];
  const comments: DirectiveComment[] = [];
  let yaml: MarkdownParts['yaml'];
  let lastContentEnd = 0;
  let trailingStart: number | undefined;

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
    collectInline(node.children as PhrasingContent[], text, b, addComments);
    if (b.length === 0) return;
    blocks.push(b.build(kind, blocks.length, start, end, { blockquoteDepth: ctx.quote, inList: ctx.list, depth }));
  };

  interface Ctx { quote: number; list: boolean }
  const visit = (node: Nodes, ctx: Ctx, topLevel: boolean) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (topLevel) {
      const trailing = node.type === 'definition' || node.type === 'footnoteDefinition' ||
        (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value));
      if (trailing) trailingStart ??= start;
      else if (node.type !== 'yaml') { trailingStart = undefined; lastContentEnd = end; }
    }
    switch (node.type) {
      case 'yaml': yaml = { start, end }; return;
      case 'heading': pushBlock('heading', node, ctx, node.depth); return;
      case 'paragraph': pushBlock('paragraph', node, ctx); return;
      case 'tableCell': pushBlock('tableCell', node, ctx); return;
      case 'html': addComments(start, end); return;
      case 'code': case 'definition': case 'thematicBreak': return;
      case 'blockquote': for (const c of node.children) visit(c, { ...ctx, quote: ctx.quote + 1 }, false); return;
      case 'listItem': for (const c of node.children) visit(c, { ...ctx, list: true }, false); return;
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) visit(c, ctx, false);
    }
  };
  for (const child of tree.children) visit(child, { quote: 0, list: false }, true);
  const endInsertOffset = trailingStart !== undefined ? trailingStart : Math.max(lastContentEnd, yaml?.end ?? 0);
  return { blocks, comments, endInsertOffset, yaml };
}

function collectInline(nodes: PhrasingContent[], text: string, b: ProseBuilder, addComments: (s: number, e: number) => void): void {
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'text': b.addAligned(node.value, text, start, end); break;
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
        collectInline(node.children, text, b, addComments);
        break;
      default:
        // emphasis, strong, delete, link, linkReference: the words count, the markup and URL do not.
        if ('children' in node) collectInline(node.children as PhrasingContent[], text, b, addComments);
    }
  }
}
