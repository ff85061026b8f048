import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core/line-index.js';
import { textArb } from './generators.js';

// The engine's offset ↔ position conversion must agree with the one editors' LSP libraries use,
// whatever order the questions come in (the index is built lazily).
describe('reliability: LineIndex agrees with vscode-languageserver-textdocument', () => {
  it('positionAt, offsetAt, lineCount and line ends match for every offset, asked in any order', () => {
    fc.assert(fc.property(textArb(40), fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { maxLength: 30 }), (text, probes) => {
      const doc = TextDocument.create('x:', 'markdown', 0, text);
      const lines = new LineIndex(text);
      for (const p of probes) {
        const o = Math.floor(p * (text.length + 1));
        const mid = o > 0 && o < text.length && text[o - 1] === '\r' && text[o] === '\n';
        const expected = doc.positionAt(mid ? o - 1 : o);
        assert.deepEqual(lines.positionAt(o), expected, `offset ${o} of ${JSON.stringify(text)}`);
        assert.equal(lines.offsetAt(expected), doc.offsetAt(expected));
        assert.equal(lines.offsetAt({ line: expected.line, character: expected.character + 1000 }), doc.offsetAt({ line: expected.line, character: expected.character + 1000 }));
      }
      assert.equal(lines.lineCount, doc.lineCount);
      for (let l = 0; l <= doc.lineCount; l++) {
        assert.equal(lines.offsetAt({ line: l, character: 0 }), doc.offsetAt({ line: l, character: 0 }), `line ${l}`);
      }
    }), { numRuns: 500, seed: 20261127 });
  });

  it('answers for a position near the start of a huge text without indexing all of it', () => {
    const text = 'line\n'.repeat(2_000_000);
    text.charCodeAt(0); // flatten the repeat() rope first: a file read or an LSP message is flat already
    const lines = new LineIndex(text);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) lines.positionAt(i * 10);
    assert.deepEqual(lines.positionAt(52), { line: 10, character: 2 });
    assert.ok(performance.now() - t0 < 50, 'prefix questions do not scan the whole text');
    assert.equal(lines.lineCount, 2_000_001);
    assert.deepEqual(lines.positionAt(text.length), { line: 2_000_000, character: 0 });
  });
});
