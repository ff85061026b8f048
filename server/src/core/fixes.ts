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

/**
 * Applies preferred fixes in passes until none is left (at most 10): fixes that clash in one pass
 * (two insertions at the end of a draft) are applied in the next. `relint` checks a text again.
 */
export function fixAllText(text: string, findings: Finding[], relint: (text: string) => Finding[], rule?: string): { text: string; findings: Finding[] } {
  let current = text;
  let latest = findings;
  for (let pass = 0; pass < 10; pass++) {
    const edits = fixAllEdits(current, latest, rule);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    latest = relint(current);
  }
  return { text: current, findings: latest };
}

/** One edit that turns `before` into `after`, covering only the stretch where they differ. */
export function editBetween(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) { endB--; endA--; }
  // Never split a surrogate pair or a CRLF: widen to whole characters.
  const low = (s: string, i: number) => i > 0 && i < s.length && /[\uDC00-\uDFFF\n]/.test(s[i]) && /[\uD800-\uDBFF\r]/.test(s[i - 1]);
  while (start > 0 && (low(before, start) || low(after, start))) start--;
  while (endB < before.length && (low(before, endB) || low(after, endA))) { endB++; endA++; }
  const lines = new LineIndex(before);
  return { range: lines.range(start, endB), newText: after.slice(start, endA) };
}
