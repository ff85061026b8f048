import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDraft } from '../../../server/src/core/parse.js';
import { paragraphsOf } from '../../../server/src/core/quotes/paragraphs.js';
import { pairQuotes } from '../../../server/src/core/quotes/marks.js';
import { blockItems } from '../../../server/src/core/quotes/context.js';
import { lexiconFor } from '../../../server/src/core/quotes/cues/index.js';
import * as reference from './reference/context-v1.js';

// Pieces of news prose in several scripts, with what the tokenizer treats specially: apostrophes,
// hyphens and dots inside words, brackets, no-break spaces, sentence ends, abbreviations, CJK runs
// with spaces, combining marks, astral characters, and quotation marks of every kind.
const PIECES = ['The', 'minister', 'said', "don't", 'Jakarta’s', 'so-called', 'a-t-il', 'U.S.', '3.5', 'Mr.', 'Dr.', 'Calif.',
  '[sic]', '[Name]', 'état', 'e\u0301te\u0301', 'بالآلية', 'قال', '政府', '表示', 'です', '。', '、', '！', '？', '؟', '…',
  '.', ',', ':', ';', '!', '?', '(', ')', '—', '–', '-', "'", '’', '"', '“', '”', '«', '»', '„', '「', '」', '『', '』',
  '\u00a0', '\u202f', '\t', '\n', ' ', '  ', '😀', '𝐀', 'x\uFFFCy', '1990', 'A', 'b',
  // What the sentence scan reads around a mark: abbreviations, joined dots, closers, case.
  'e.g.', '...', '?!', '.)', 'U.S', 'a.', "x'", 'No.', 'J.', 'Sen.', '.5', '\r\n', 'Ж', 'ß', 'İ', 'ǅ', '١٢',
  '}', '）', '】', '．', '‼', '!!!', '. . .'];

const blocksOf = (text: string, lang: string) => {
  const doc = parseDraft(`---\nlang: ${lang}\n---\n${text}`, { kind: 'markdown' });
  const blocks = paragraphsOf(doc);
  const { quotes } = pairQuotes(blocks);
  const tops: Array<Array<[number, number, number]>> = blocks.map(() => []);
  quotes.forEach((q, i) => { if (q.depth === 0) for (const s of q.segments) tops[s.block].push([i, s.open, s.end]); });
  return { blocks, quotes, tops };
};
// Items compared as data (the rewrite gives every item the same properties, some undefined).
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (v instanceof Map ? [...v] : v)));

describe('paragraph tokenizer (quotes/context.ts)', () => {
  // blockItems cuts sentences by scanning for their marks (spaced scripts) or from all tokens (CJK),
  // and tokenizes each sentence on its own: together the same as the frozen whole-paragraph version.
  it('splits paragraphs into the same words, punctuation, quotations and sentences as before', () => {
    let items = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }), fc.constantFrom('en', 'fr', 'id', 'zh', 'ja', 'ar'), (pieces, lang) => {
      const text = pieces.map((p, i) => (i % 3 === 0 ? p + ' ' : p)).join('');
      const lex = lexiconFor(lang);
      const { blocks, quotes, tops } = blocksOf(text, lang);
      blocks.forEach((b, i) => {
        const got = blockItems(b, i, tops[i], lex.cjk, lex.norm, quotes);
        const want = reference.blockItems(b, i, tops[i], lex.cjk, lex.norm, quotes);
        assert.deepEqual(plain(got), plain(want), JSON.stringify(b.text));
        items += got.sentences.reduce((n, s) => n + s.items.length, 0);
      });
    }), { numRuns: 3_000 });
    assert.ok(items > 5_000, `only ${items} items`);
  });
});
