import type { Position, Range } from './types.js';

/**
 * Converts between string offsets and LSP positions. Lines end at \n, \r\n or a lone \r, as in LSP.
 * Line starts are found lazily, only as far as a question needs: the position of a cut near the
 * start of a 50 MB paste costs a scan of the cut's prefix, not of the whole text.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Offset up to which line starts are known. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** Next \n and \r at or after the scan position (Infinity: none left); found by native search. */
  private nextLf = -1;
  private nextCr = -1;

  /** Finds line starts until one lies beyond `offset` (or the text ends). */
  private scanTo(offset: number): void {
    const text = this.text;
    let i = this.scanned;
    const last = this.starts[this.starts.length - 1];
    if (last > offset || i >= text.length) return;
    while (i < text.length) {
      if (this.nextLf < i) { const k = text.indexOf('\n', i); this.nextLf = k < 0 ? Infinity : k; }
      if (this.nextCr < i) { const k = text.indexOf('\r', i); this.nextCr = k < 0 ? Infinity : k; }
      const at = Math.min(this.nextLf, this.nextCr);
      if (at === Infinity) { i = text.length; break; }
      i = at;
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.starts.push(i + 1);
      i++;
      if (i > offset) break;
    }
    this.scanned = i;
  }

  /** Whether every line start is known. */
  private get complete(): boolean { return this.scanned >= this.text.length; }

  get lineCount(): number {
    this.scanTo(Infinity);
    return this.starts.length;
  }

  /** Start offset of a line, for lines that exist (beyond the last line: the last line's start). */
  lineStart(line: number): number {
    while (line >= this.starts.length && !this.complete) this.scanTo(this.starts[this.starts.length - 1]);
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    this.lineStart(line + 1);
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(o);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    // An offset between the \r and \n of a CRLF names no LSP position: it is the line's end.
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStart(position.line);
    if (position.line >= this.starts.length) return this.text.length;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineOf(offset: number): number { return this.positionAt(offset).line; }
}
