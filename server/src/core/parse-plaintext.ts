import { ProseBuilder, type ProseBlock } from './prose-block.js';
import type { DirectiveComment } from './document.js';

export interface PlaintextParts {
  blocks: ProseBlock[];
  comments: DirectiveComment[];
  endInsertOffset: number;
}

const COMMENT = /<!--([\s\S]*?)-->/g;
const URL = /\bhttps?:\/\/[^\s<>"“”]+/g;

/**
 * Plain-text drafts: paragraphs are separated by blank lines. Copydesk directives use the same
 * `<!-- … -->` comments as Markdown; they and URLs are not prose.
 */
export function parsePlaintext(text: string, bodyStart: number): PlaintextParts {
  const comments: DirectiveComment[] = [];
  const hidden: Array<[number, number, boolean]> = []; // [start, end, placeholder]
  COMMENT.lastIndex = bodyStart;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    comments.push({ start: m.index, end: m.index + m[0].length, body: m[1].trim() });
    hidden.push([m.index, m.index + m[0].length, false]);
  }
  URL.lastIndex = bodyStart;
  for (let m = URL.exec(text); m; m = URL.exec(text)) hidden.push([m.index, m.index + m[0].length, true]);
  hidden.sort((a, b) => a[0] - b[0]);

  const blocks: ProseBlock[] = [];
  let endInsertOffset = bodyStart;
  const para = /(?:^|\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))+/g;
  let start = bodyStart;
  const flush = (from: number, to: number) => {
    const b = new ProseBuilder();
    let h = 0;
    for (let i = from; i < to; i++) {
      while (h < hidden.length && hidden[h][1] <= i) h++;
      const hid = hidden[h];
      if (hid && hid[0] <= i && i < hid[1]) {
        if (hid[2] && i === hid[0]) b.addPlaceholder(i);
        continue;
      }
      b.addChar(text[i], i);
    }
    const trimmed = b.length;
    if (trimmed === 0) return;
    const block = b.build('paragraph', blocks.length, from, to, {});
    if (!block.text.trim()) return;
    blocks.push(block);
    const onlyComments = comments.some((c) => c.start <= from && c.end >= to);
    if (!onlyComments) endInsertOffset = to;
  };
  para.lastIndex = bodyStart;
  for (let m = para.exec(text); m; m = para.exec(text)) {
    if (m[0].length === 0) { para.lastIndex++; continue; }
    if (m.index > start) flush(start, m.index);
    start = m.index + m[0].length;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) flush(start, end);
  return { blocks, comments, endInsertOffset };
}
