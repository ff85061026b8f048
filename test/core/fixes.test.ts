import assert from 'node:assert/strict';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes.js';
import type { Finding, TextEdit } from '../../server/src/core/types.js';
import { LineIndex } from '../../server/src/core/line-index.js';

const TEXT = 'one two three\r\nfour five\n';
const lines = new LineIndex(TEXT);
const edit = (start: number, end: number, newText: string): TextEdit => ({ range: lines.range(start, end), newText });
const finding = (rule: string, edits: TextEdit[], isPreferred = true): Finding => ({
  rule, severity: 'warning', message: rule, range: edits[0].range, fixes: [{ title: rule, isPreferred, edits }],
});

describe('fixes', () => {
  it('applies non-overlapping edits in any order, across CRLF lines', () => {
    const out = applyEdits(TEXT, [edit(15, 19, 'FOUR'), edit(0, 3, '1'), edit(8, 8, 'and '), edit(TEXT.length, TEXT.length, 'six\n')]);
    assert.equal(out, '1 two and three\r\nFOUR five\nsix\n');
  });

  it('applies two insertions at the same point in the given order', () => {
    assert.equal(applyEdits(TEXT, [edit(3, 3, 'A'), edit(3, 3, 'B')]), 'oneAB two three\r\nfour five\n');
  });

  it('rejects overlapping edits', () => {
    assert.throws(() => applyEdits(TEXT, [edit(0, 7, 'x'), edit(4, 9, 'y')]), /Overlapping edits/);
    assert.throws(() => applyEdits(TEXT, [edit(4, 7, 'x'), edit(5, 5, 'y')]), /Overlapping edits/);
  });

  it('fix-all takes preferred fixes and skips one that overlaps or shares an insertion point with a taken one', () => {
    const a = finding('a', [edit(0, 3, '1')]);
    const overlap = finding('b', [edit(2, 7, 'x')]);
    const samePoint = finding('c', [edit(0, 0, 'zero ')]);
    const later = finding('d', [edit(15, 19, 'FOUR')]);
    const notPreferred = finding('e', [edit(8, 13, 'THREE')], false);
    const edits = fixAllEdits(TEXT, [a, overlap, samePoint, later, notPreferred]);
    assert.deepEqual(edits, [...a.fixes[0].edits, ...later.fixes[0].edits]);
    assert.equal(applyEdits(TEXT, edits), '1 two three\r\nFOUR five\n');
    assert.deepEqual(fixAllEdits(TEXT, [a, later], 'd'), later.fixes[0].edits);
  });

  it('skips a multi-edit fix entirely when any of its edits clashes', () => {
    const a = finding('a', [edit(4, 7, '2')]);
    const multi = finding('b', [edit(0, 3, '1'), edit(5, 6, 'W')]);
    assert.deepEqual(fixAllEdits(TEXT, [a, multi]), a.fixes[0].edits);
  });
});
