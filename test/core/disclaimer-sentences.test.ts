import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDraft } from '../../server/src/core/parse.js';
import { moreSentencesThan } from '../../server/src/core/disclaimer/recognise.js';

// Sentence ends of many scripts, separators, closers, spaces and words: what the segmenter reads.
const PIECES = ['This', 'article', 'was', 'machine-translated', 'from', 'Indonesian', 'Mr', 'U.S', '3', ' ', '  ', '\n',
  '.', '!', '?', '…', '‼', '。', '！', '？', '؟', '।', '\u2024', '\uFE52', '\uFF0E', '\u0085', '\u2028', '\u2029', '\r',
  '"', '”', ')', '»', '\u000B', '\u000C', 'B', 'é', '本文', 'ترجمة', '*'];

describe('disclaimer sentences (moreSentencesThan)', () => {
  it('answers as the platform segmenter does, whether or not it asks it', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('en', 'id', 'zh', 'ar'), (pieces, max, lang) => {
      const text = pieces.map((p, i) => (i % 2 ? p : p + ' ')).join('');
      const doc = parseDraft(`---\nlang: ${lang}\n---\n${text}\n`, { kind: 'plaintext' });
      for (const block of doc.blocks) assert.equal(moreSentencesThan(doc, block, max), doc.sentences(block).length > max, JSON.stringify(block.text));
    }), { numRuns: 2_000 });
  });
});
