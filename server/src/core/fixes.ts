import type { Finding, TextEdit } from './types.js';
import { LineIndex } from './line-index.js';

interface OffsetTextEdit { start: number; end: number; newText: string }

function toOffsets(lines: LineIndex, edits: TextEdit[]): OffsetTextEdit[] {
  return edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
}

/** Applies edits to text. Throws on overlapping edits: a fix must never touch another fix's text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = toOffsets(new LineIndex(text), edits).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('Overlapping edits');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * The edits of every finding's preferred fix that can be applied together: a fix whose edits
 * overlap (or touch at the same insertion point as) one already taken waits for the next pass.
 */
export function fixAllEdits(text: string, findings: Finding[], rule?: string): TextEdit[] {
  const lines = new LineIndex(text);
  const taken: OffsetTextEdit[] = [];
  const result: TextEdit[] = [];
  for (const f of findings) {
    if (rule && f.rule !== rule) continue;
    const fix = f.fixes.find((x) => x.isPreferred);
    if (!fix) continue;
    const offs = toOffsets(lines, fix.edits);
    const clash = offs.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || e.start === t.start));
    if (clash) continue;
    taken.push(...offs);
    result.push(...fix.edits);
  }
  return result;
}
