import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Nodes, Root } from 'mdast';
import { hasMarkup } from '../../server/src/core/parse-markdown.js';
import { parseDraft } from '../../server/src/core/parse.js';
import { sourceAt } from '../../server/src/core/prose-block.js';

// The fast paths that let plain prose skip remark must answer exactly as the slow way would.
const toString = (n: Nodes): string => ('value' in n ? n.value : 'children' in n ? n.children.map(toString).join('') : '');
describe('parse: fast paths for plain prose', () => {
  const MARKUP_RE = /[`*_[\]<>&\\!~|]|:\/\/|www\.|@|^[ \t]|[ \t]$|^(?:#|[-+=]|\d{1,9}[.)])/m;
  const pieces = ['a', 'Word', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '1', '12.', '3)', '#', '-', '+', '=', '*', '_', '[', ']', '<', '&', '\\', '!', '~', '|', '@',
    ':', '/', '://', 'ww', 'www.', 'w.', '.', ',', '"', '“', 'é', '😀', '1234567890.'];

  it('hasMarkup agrees with the regular expression it replaces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
      const s = parts.join('');
      assert.equal(hasMarkup(s), MARKUP_RE.test(s), JSON.stringify(s));
    }), { numRuns: 5000, seed: 20261127 });
  });

  it('a plain ATX heading reads as remark reads it', () => {
    const processor = unified().use(remarkParse);
    const word = fc.constantFrom('Budget', 'vote', 'délai', '“Deal”', 'NATO', '2026', 'x', 'a,', 'end.', '—', '😀', 'über');
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(' ', '  ', '\t'), fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n', '\r\n'),
      (depth, gap, words, end) => {
        const source = `${'#'.repeat(depth)}${gap}${words.join(' ')}${end}Next paragraph.\n`.replace(/(\n|\r\n)Next/, '$1\nNext');
        const tree = processor.parse(source) as Root;
        const heading = tree.children[0] as Heading;
        const block = parseDraft(source, { kind: 'markdown' }).blocks[0];
        assert.equal(block.kind, 'heading');
        assert.equal(block.depth, heading.depth);
        assert.equal(block.text, toString(heading));
        assert.equal(block.start, heading.position!.start.offset);
        assert.equal(block.end, heading.position!.end.offset);
        for (let i = 0; i < block.text.length; i++) assert.equal(source[sourceAt(block, i)], block.text[i]);
      }), { numRuns: 500, seed: 20261127 });
  });

  it('headings with closing hashes or inline markup still go through remark', () => {
    const closing = parseDraft('## Title ##\n', { kind: 'markdown' }).blocks[0];
    assert.equal(closing.text, 'Title');
    const marked = parseDraft('# A *bold* claim\n', { kind: 'markdown' }).blocks[0];
    assert.equal(marked.text, 'A bold claim');
  });
});
