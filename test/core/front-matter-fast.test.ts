import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, type YAMLMap } from 'yaml';
import { parseFrontMatter, plainFrontMatter } from '../../server/src/core/front-matter.js';

// Simple `key: text` front matter skips the YAML library: it must read exactly what the library reads.
describe('front matter: the plain fast path', () => {
  const key = fc.constantFrom('lang', 'title', 'translated_from', 'translation', 'date', 'slug', 'a-b', '_x', 'null', 'true', 'False', 'NaN', 'e1');
  const value = fc.constantFrom('en', 'id', 'machine', 'NATO deal: talks go on', 'Harga BBM naik', '2026-03-04', 'true', '12', '1.5e3', 'null', '~',
    'x # comment', "it's", '"quoted"', '- item', '[a, b]', 'a: b', 'tab\there', 'plain text  ', 'café 😀', '*alias', '&anchor x', '? q', 'x:y', '.inf', '0x1F');
  it('gives the YAML library\'s values and value ranges, or steps aside', () => {
    fc.assert(fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }), (pairs) => {
      const source = pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
      const fast = plainFrontMatter(source, 4);
      if (!fast) return;
      const doc = parseDocument(source, { uniqueKeys: false });
      assert.equal(doc.errors.length, 0, source);
      assert.deepEqual(fast.data, doc.toJS(), source);
      // The library's value ranges, as parseFrontMatter reads them when it uses the library.
      const slow = new Map<string, { start: number; end: number }>();
      for (const pair of (doc.contents as YAMLMap).items) {
        const range = (pair.value as { range: [number, number, number] }).range;
        slow.set(String((pair.key as { value: unknown }).value), { start: 4 + range[0], end: 4 + range[1] });
      }
      assert.deepEqual(fast.valueRanges, slow, source);
    }), { numRuns: 3000, seed: 20261127 });
  });

  it('parseFrontMatter takes it: same data and ranges as before for the usual drafts', () => {
    const text = '---\nlang: en\ntranslated_from: id\n---\nBody.\n';
    const fm = parseFrontMatter(text, 4, 4 + 'lang: en\ntranslated_from: id'.length, text.indexOf('Body'));
    assert.deepEqual(fm.data, { lang: 'en', translated_from: 'id' });
    assert.deepEqual([...fm.valueRanges], [['lang', { start: 10, end: 12 }], ['translated_from', { start: 30, end: 32 }]]);
    assert.deepEqual(fm.problems, []);
  });

  it('is taken for the usual drafts and leaves YAML features to the library', () => {
    assert.ok(plainFrontMatter('lang: en\ntranslated_from: id', 4));
    for (const s of ['lang: en\nlang: fr', 'n: 12', 'ok: true', 'list:\n  - a', 'q: "x"', 'a: &x y', 'k: v # c', '']) assert.equal(plainFrontMatter(s, 4), undefined, s);
  });
});
