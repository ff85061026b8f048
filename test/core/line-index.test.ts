import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/line-index.js';

describe('LineIndex', () => {
  it('treats \\n, \\r\\n and a lone \\r as line breaks, as LSP does', () => {
    const text = 'a\nbb\r\nccc\rdddd\r\n\r\ne';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 6);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((l) => [lines.lineStart(l), lines.lineEnd(l)]), [[0, 1], [2, 4], [6, 9], [10, 14], [16, 16], [18, 19]]);
    assert.deepEqual(lines.positionAt(text.indexOf('ccc')), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('dddd') + 2), { line: 3, character: 2 });
    assert.deepEqual(lines.positionAt(text.length), { line: 5, character: 1 });
  });

  it('round-trips every offset that is not inside a line break', () => {
    const text = 'x\r\n🌧️ rain\r😀\nend 👩🏽‍⚕️\r\n';
    const lines = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n: not a position of its own
      assert.equal(lines.offsetAt(lines.positionAt(o)), o, `offset ${o}`);
    }
  });

  it('counts UTF-16 code units, so a surrogate pair is two characters', () => {
    const text = '😀a\n𝕏b';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(text.indexOf('a')), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 1, character: 2 }), text.indexOf('b'));
  });

  it('clamps positions past the end of a line or the document', () => {
    const text = 'ab\r\ncd';
    const lines = new LineIndex(text);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), text.length);
    assert.equal(lines.offsetAt({ line: 1, character: -3 }), 4);
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(999), { line: 1, character: 2 });
    assert.deepEqual(lines.range(1, 5), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
    assert.equal(lines.lineOf(4), 1);
  });

  it('has one empty line for empty text', () => {
    const lines = new LineIndex('');
    assert.equal(lines.lineCount, 1);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.equal(lines.lineEnd(0), 0);
  });
});
