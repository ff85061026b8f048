/**
 * Splits a Markdown body into chunks that parse the same alone as in the whole document, so that
 * after an edit only the chunk that changed is parsed again. A chunk ends at a blank line, except
 * where the next line could belong to what came before: inside a fenced code block or an HTML
 * block that runs across blank lines, or before an indented line (a list item's or footnote's
 * continuation, or indented code).
 */
export interface Chunk { start: number; end: number }

const FENCE = /^(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})/;
const FENCE_AT = /(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})/y;
const HTML_OPEN = /^(?:[ \t]*>)*[ \t]{0,3}<(script|pre|style|textarea)\b/i;
const COMMENT_OPEN = '<!--';

/**
 * Where the next occurrence of a character is, for a scan that only moves forward: one native
 * search per occurrence instead of slicing and testing every line (this runs on every keystroke).
 */
class NextOf {
  private at = -1;
  constructor(private readonly text: string, private readonly ch: string) {}
  from(pos: number): number {
    if (this.at < pos) {
      const i = this.text.indexOf(this.ch, pos);
      this.at = i < 0 ? Infinity : i;
    }
    return this.at;
  }
}

/** No character but white space (as String.prototype.trim sees it) in [from, to). */
function blankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 11 || c === 12) continue;
    if (c < 128 || !/\s/.test(text[i])) return false;
  }
  return true;
}

export function splitChunks(text: string, from: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = from;
  let fence: string | undefined;        // the open fence's marker, e.g. "```"
  let htmlClose: string | undefined;    // what ends the open HTML block, e.g. "-->"
  let pos = from;
  let lastBlank = false;
  const lf = new NextOf(text, '\n');
  const cr = new NextOf(text, '\r');
  const tick = new NextOf(text, '`');
  const tilde = new NextOf(text, '~');
  const lt = new NextOf(text, '<');
  while (pos < text.length) {
    const eol = Math.min(lf.from(pos), cr.from(pos), text.length);
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    if (fence) {
      const line = text.slice(pos, eol);
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim().replace(/^(?:>\s*)*/, '').replace(/[`~]/g, '') === '') fence = undefined;
    } else if (htmlClose) {
      if (text.slice(pos, eol).toLowerCase().includes(htmlClose)) htmlClose = undefined;
    } else if (blankBetween(text, pos, eol)) {
      lastBlank = true;
    } else {
      // A non-blank line after blank ones starts a new chunk unless it continues the previous block.
      const c0 = text.charCodeAt(pos);
      if (lastBlank && pos > chunkStart && c0 !== 32 && c0 !== 9) {
        chunks.push({ start: chunkStart, end: pos });
        chunkStart = pos;
      }
      lastBlank = false;
      let f: RegExpExecArray | null = null;
      if (tick.from(pos) < eol || tilde.from(pos) < eol) {
        FENCE_AT.lastIndex = pos;
        f = FENCE_AT.exec(text);
      }
      if (f) fence = f[1];
      else if (lt.from(pos) < eol) {
        const line = text.slice(pos, eol);
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
