/**
 * Splits a Markdown body into chunks that parse the same alone as in the whole document, so that
 * after an edit only the chunk that changed is parsed again. A chunk ends at a blank line, except
 * where the next line could belong to what came before: inside a fenced code block or an HTML
 * block that runs across blank lines, or before an indented line (a list item's or footnote's
 * continuation, or indented code).
 */
export interface Chunk { start: number; end: number }

const FENCE = /^(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})/;
const HTML_OPEN = /^(?:[ \t]*>)*[ \t]{0,3}<(script|pre|style|textarea)\b/i;
const COMMENT_OPEN = '<!--';

export function splitChunks(text: string, from: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = from;
  let fence: string | undefined;        // the open fence's marker, e.g. "```"
  let htmlClose: string | undefined;    // what ends the open HTML block, e.g. "-->"
  let pos = from;
  let lastBlank = false;
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    const line = text.slice(pos, eol);
    const blank = line.trim() === '';
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim().replace(/^(?:>\s*)*/, '').replace(/[`~]/g, '') === '') fence = undefined;
    } else if (htmlClose) {
      if (line.toLowerCase().includes(htmlClose)) htmlClose = undefined;
    } else if (blank) {
      lastBlank = true;
    } else {
      // A non-blank line after blank ones starts a new chunk unless it continues the previous block.
      if (lastBlank && pos > chunkStart && !/^[ \t]/.test(line)) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      lastBlank = false;
      const f = FENCE.exec(line);
      if (f) fence = f[1];
      else {
        const open = line.indexOf(COMMENT_OPEN);
        if (open >= 0 && !line.includes('-->', open + 4)) htmlClose = '-->';
        const h = HTML_OPEN.exec(line);
        if (h && !new RegExp(`</${h[1]}>`, 'i').test(line)) htmlClose = `</${h[1].toLowerCase()}>`;
      }
    }
    pos = next;
  }
  if (text.length > chunkStart) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

const DEFINITION = /^[ \t]{0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*\S.*$/gm;

/** Link reference definitions of the whole body, appended when parsing each chunk so `[text][ref]` resolves everywhere. */
export function definitionLines(text: string, from: number): string {
  if (!text.includes(']:', from)) return '';
  DEFINITION.lastIndex = from;
  const lines: string[] = [];
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) lines.push(m[0].trim());
  return lines.join('\n');
}
