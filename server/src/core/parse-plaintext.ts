import { ProseBuilder, type ProseBlock } from './prose-block.js';
import type { DirectiveComment } from './document.js';
import { lineStartOf } from './text-utils.js';

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
    const end = m.index + m[0].length;
    comments.push({ start: m.index, end, body: m[1].trim() });
    // A comment on a line of its own takes its line break with it: a suppression comment put
    // inside a paragraph must leave the paragraph's prose exactly as it was.
    const ownLine = text.slice(lineStartOf(text, m.index), m.index).trim() === '';
    const lineBreak = ownLine ? /^[ \t]*(?:\r\n|\r|\n)/.exec(text.slice(end, end + 64)) : null;
    hidden.push([m.index, end + (lineBreak?.[0].length ?? 0), false]);
  }
  URL.lastIndex = bodyStart;
  for (let m = URL.exec(text); m; m = URL.exec(text)) hidden.push([m.index, m.index + m[0].length, true]);
  hidden.sort((a, b) => a[0] - b[0]);

  const blocks: ProseBlock[] = [];
  let endInsertOffset = bodyStart;
  // \r(?!\n): a CRLF is one line break; split into \r and \n it would look like a blank line.
  const para = /(?:^|\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+/g;
  let start = bodyStart;
  const flush = (blockStart: number, to: number) => {
    // Blank lines and directive comments before a paragraph's first word are not part of it: the
    // block (and a finding on it) must start on the line a disable-next-line comment points at.
    let from = blockStart;
    for (;;) {
      while (from < to && /\s/.test(text[from])) from++;
      const comment = hidden.find((x) => !x[2] && x[0] === from);
      if (!comment || comment[1] >= to) break;
      from = comment[1];
    }
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
