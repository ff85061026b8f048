import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDraft } from '../../server/src/core/parse.js';
import { moreSentencesThan } from '../../server/src/core/disclaimer/recognise.js';

// Sentence ends of many scripts, separators, closers, spaces and words: what the segmenter reads.
const PIECES = ['This', 'article', 'was', 'machine-translated', 'from', 'Indonesian', 'Mr', 'U.S', '3', ' ', '  ', '\n',
  '.', '!', '?', '…', '‼', '。', '！', '？', '؟', '।', '\u2024', '\uFE52', '\uFF0E', '\u0085', '\u2028', '\u2029', '\r',
  '"', '”', ')', '»', '\u000B', '\u000C', 'B', 'é', '本文', 'ترجمة', '*', ';', '\u037E', 'Αυτό'];

describe('disclaimer sentences (moreSentencesThan)', () => {
  it('answers as the platform segmenter does, whether or not it asks it', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('en', 'id', 'zh', 'ar', 'el', 'de', 'ru', 'hi'), (pieces, max, lang) => {
      const text = pieces.map((p, i) => (i % 2 ? p : p + ' ')).join('');
      const doc = parseDraft(`---\nlang: ${lang}\n---\n${text}\n`, { kind: 'plaintext' });
      for (const block of doc.blocks) assert.equal(moreSentencesThan(doc, block, max), doc.sentences(block).length > max, JSON.stringify(block.text));
    }), { numRuns: 2_000 });
  });

  it('knows every character after which the segmenter ends a sentence, in languages with their own rules too', () => {
    // The bound above holds only if no other character ends a sentence: each BMP character up to
    // the CJK blocks, between two sentences, in languages whose segmenter rules differ (Greek ends
    // a question at a semicolon).
    for (const lang of ['en', 'el', 'de', 'ru', 'ja', 'zh', 'ar', 'hi', 'th']) {
      const doc = parseDraft(`---\nlang: ${lang}\n---\nx\n`, { kind: 'plaintext' });
      const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
      for (let c = 0x20; c < 0x3000; c++) {
        const text = `Abc def${String.fromCharCode(c)} Ghi jkl`;
        if ([...segmenter.segment(text)].length === 1) continue;
        const block = { ...doc.blocks[0], text };
        assert.equal(moreSentencesThan(doc, block, 0), true, `${lang} U+${c.toString(16)}`);
      }
    }
  });
});
