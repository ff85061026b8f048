import { ProseBuilder, type ProseBlock } from './prose-block.js';
import type { DirectiveComment } from './document.js';

export interface PlaintextParts {
  blocks: ProseBlock[];
  comments: DirectiveComment[];
  endInsertOffset: number;
}

const URL = /\bhttps?:\/\/[^\s<>"“”]+/g;

/**
 * Plain-text drafts: paragraphs are separated by blank lines. Copydesk directives use the same
 * `<!-- … -->` comments as Markdown; they and URLs are not prose.
 *
 * Linear in the length of the text whatever it holds (100,000 unclosed `<!--`, one 1 MB line,
 * thousands of comments and URLs): every scan moves forward only.
 */
export function parsePlaintext(text: string, bodyStart: number): PlaintextParts {
  const comments: DirectiveComment[] = [];
  const hidden: Array<[number, number, boolean]> = []; // [start, end, placeholder]
  /** End (with its own line break) of the comment starting at each offset. */
  const commentAt = new Map<number, number>();
  let lineStart = bodyStart; // start of the line holding `scanned`
  let scanned = bodyStart;
  for (let open = text.indexOf('<!--', bodyStart); open >= 0; open = text.indexOf('<!--', open)) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break; // no comment can close any more
    const end = close + 3;
    comments.push({ start: open, end, body: text.slice(open + 4, close).trim() });
    for (; scanned < open; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 10 || c === 13) lineStart = scanned + 1;
    }
    // A comment on a line of its own takes its line break with it: a suppression comment put
    // inside a paragraph must leave the paragraph's prose exactly as it was.
    const ownLine = text.slice(lineStart, open).trim() === '';
    const lineBreak = ownLine ? /^[ \t]*(?:\r\n|\r|\n)/.exec(text.slice(end, end + 64)) : null;
    hidden.push([open, end + (lineBreak?.[0].length ?? 0), false]);
    commentAt.set(open, end + (lineBreak?.[0].length ?? 0));
    open = end;
  }
  URL.lastIndex = bodyStart;
  for (let m = URL.exec(text); m; m = URL.exec(text)) hidden.push([m.index, m.index + m[0].length, true]);
  hidden.sort((a, b) => a[0] - b[0]);

  const blocks: ProseBlock[] = [];
  let endInsertOffset = bodyStart;
  // \r(?!\n): a CRLF is one line break; split into \r and \n it would look like a blank line.
  const para = /(?:^|\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+/g;
  let start = bodyStart;
  let h = 0; // hidden stretches before this one end before the current block: blocks come in order
  let c = 0; // likewise for comments
  const flush = (blockStart: number, to: number) => {
    // Blank lines and directive comments before a paragraph's first word are not part of it: the
    // block (and a finding on it) must start on the line a disable-next-line comment points at.
    let from = blockStart;
    for (;;) {
      while (from < to && /\s/.test(text[from])) from++;
      const commentEnd = commentAt.get(from);
      if (commentEnd === undefined || commentEnd >= to) break;
      from = commentEnd;
    }
    const b = new ProseBuilder();
    for (let i = from; i < to; i++) {
      while (h < hidden.length && hidden[h][1] <= i) h++;
      const hid = hidden[h];
      if (hid && hid[0] <= i && i < hid[1]) {
        if (hid[2] && i === hid[0]) b.addPlaceholder(i);
        continue;
      }
      b.addChar(text[i], i);
    }
    if (b.length === 0) return;
    const block = b.build('paragraph', blocks.length, from, to, {});
    if (!block.text.trim()) return;
    blocks.push(block);
    while (c < comments.length && comments[c].end < to) c++;
    const onlyComments = c < comments.length && comments[c].start <= from && comments[c].end >= to;
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
