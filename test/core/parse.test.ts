import assert from 'node:assert/strict';
import { parseDraft } from '../../server/src/core/parse.js';
import { lint } from '../../server/src/core/engine.js';
import { PLACEHOLDER, sourceAt, type ProseBlock } from '../../server/src/core/prose-block.js';

const CHAR_REF = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Every prose character is the source character at its offset, or was decoded from the reference there. */
function assertAligned(source: string, blocks: ProseBlock[]): void {
  for (const b of blocks) {
    if (b.offsets) assert.equal(b.offsets.length, b.text.length + 1, `offset map length of ${JSON.stringify(b.text)}`);
    for (let i = 0; i < b.text.length; i++) {
      const ch = b.text[i];
      if (ch === PLACEHOLDER) continue;
      const at = sourceAt(b, i);
      if (source[at] === ch) continue;
      assert.ok(CHAR_REF.test(source.slice(at)), `block ${b.index} char ${i} ${JSON.stringify(ch)} maps to ${JSON.stringify(source.slice(at, at + 10))}`);
    }
    for (let i = 1; i < b.text.length; i++) assert.ok(sourceAt(b, i) >= sourceAt(b, i - 1), `offsets go backwards in block ${b.index} at ${i}`);
  }
}

const MARKDOWN = [
  '---',
  'lang: en',
  'translated_from: id',
  '---',
  '',
  '# Floods *hit* Semarang 🌧️',
  '',
  'Residents of **Kaligawe** said the water rose `2 m` in an hour; see [the agency](https://example.org/bmkg "BMKG") or <https://example.org/raw>.',
  'A soft line continues \\*here\\* with caf&eacute; &amp; &ldquo;entities&rdquo; and <span class="x">inline HTML</span>.',
  '',
  '> The mayor said "we were ready."',
  '> > A nested note 👩🏽‍⚕️ from a nurse.',
  '',
  '- First item with ~~struck~~ text',
  '- Second item[^n]',
  '',
  '| City | Rain |',
  '| --- | --- |',
  '| Semarang | 210 mm |',
  '',
  '```js',
  'console.log("not prose");',
  '```',
  '',
  '<div class="embed">',
  'An HTML block is not prose.',
  '</div>',
  '',
  'Setext heading',
  '==============',
  '',
  'Last paragraph with ![a photo](https://example.org/p.jpg) and [a reference][ref].',
  '',
  '[ref]: https://example.org/ref',
  '[^n]: A footnote in prose.',
  '<!-- copydesk-disable-next-line translation-disclaimer -->',
  '',
].join('\n');

describe('parse: Markdown prose blocks', () => {
  for (const eol of ['\n', '\r\n']) {
    const source = MARKDOWN.replace(/\n/g, eol);
    const doc = parseDraft(source, { kind: 'markdown' });
    const label = eol === '\n' ? 'LF' : 'CRLF';

    it(`maps every prose character back to the source (${label})`, () => {
      assertAligned(source, doc.blocks);
    });

    it(`keeps the words a reader reads and nothing else (${label})`, () => {
      const nl = eol;
      assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [
        ['heading', 'Floods hit Semarang 🌧️'],
        ['paragraph', `Residents of Kaligawe said the water rose ${PLACEHOLDER} in an hour; see the agency or ${PLACEHOLDER}.${nl}A soft line continues *here* with café & “entities” and ${PLACEHOLDER}inline HTML${PLACEHOLDER}.`],
        ['paragraph', 'The mayor said "we were ready."'],
        ['paragraph', 'A nested note 👩🏽‍⚕️ from a nurse.'],
        ['paragraph', 'First item with struck text'],
        ['paragraph', 'Second item'],
        ['tableCell', 'City'], ['tableCell', 'Rain'], ['tableCell', 'Semarang'], ['tableCell', '210 mm'],
        ['heading', 'Setext heading'],
        ['paragraph', `Last paragraph with ${PLACEHOLDER} and a reference.`],
        ['paragraph', 'A footnote in prose.'],
      ]);
      assert.deepEqual(doc.blocks.map((b) => b.blockquoteDepth), [0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual(doc.blocks.map((b) => b.inList), [false, false, false, false, true, true, false, false, false, false, false, false, false]);
      assert.equal(doc.blocks[0].depth, 1);
      assert.equal(doc.blocks[10].depth, 1);
    });

    it(`never puts code, HTML blocks, front matter or URLs into prose (${label})`, () => {
      const all = doc.blocks.map((b) => b.text).join('\n');
      for (const s of ['console.log', 'not prose', 'embed', 'HTML block', 'lang:', 'translated_from', 'https://', 'example.org', 'BMKG', '2 m', 'photo', '<span', 'copydesk-disable']) {
        assert.ok(!all.includes(s), `prose contains ${s}`);
      }
    });

    it(`puts the end-of-article insertion point before trailing definitions, footnotes and comments (${label})`, () => {
      assert.equal(doc.endInsertOffset, source.indexOf('[ref]: https'));
      assert.equal(doc.language, 'en');
      assert.equal(doc.languageSource, 'front-matter');
      assert.deepEqual(doc.comments.map((c) => c.body), ['copydesk-disable-next-line translation-disclaimer']);
    });
  }

  it('maps prose after a character reference to the right place (no jump to a later é)', () => {
    const source = 'Un caf&eacute; pr&egrave;s du march&eacute;, r\u00e9sum\u00e9 &#x201C;ok&#x201D; &#x1F600;!\n';
    const doc = parseDraft(source, { kind: 'markdown' });
    assert.equal(doc.blocks[0].text, 'Un café près du marché, résumé “ok” 😀!');
    assertAligned(source, doc.blocks);
    const b = doc.blocks[0];
    const r = b.text.indexOf('résumé');
    assert.equal(source.slice(sourceAt(b, r), sourceAt(b, r + 5) + 1), 'r\u00e9sum\u00e9');
  });

  it('takes the end of the last paragraph as the insertion point when nothing trails', () => {
    const source = '# Title\n\nOnly paragraph.\n\n\n';
    assert.equal(parseDraft(source, { kind: 'markdown' }).endInsertOffset, source.indexOf('.') + 1);
  });

  it('an empty draft and a front-matter-only draft have no blocks and a sane insertion point', () => {
    assert.deepEqual(parseDraft('', { kind: 'markdown' }).blocks, []);
    const fm = '---\nlang: fr\n---\n';
    const doc = parseDraft(fm, { kind: 'markdown' });
    assert.deepEqual(doc.blocks, []);
    assert.equal(doc.endInsertOffset, fm.length);
    assert.equal(doc.language, 'fr');
  });
});

describe('parse: plain text', () => {
  it('splits paragraphs at blank lines, hides comments and replaces URLs', () => {
    const source = '---\r\nlang: id\r\n---\r\n\r\n<!-- copydesk-disable-next-line -->\r\nJudul berita\r\n\r\nParagraf satu, lihat https://example.org/a?b=1 untuk data.\r\nBaris kedua.\r\n\r\n  \r\nParagraf dua 🇮🇩.\r\n\r\n';
    const doc = parseDraft(source, { kind: 'plaintext' });
    assert.deepEqual(doc.blocks.map((b) => b.text), [
      'Judul berita',
      `Paragraf satu, lihat ${PLACEHOLDER} untuk data.\r\nBaris kedua.`,
      'Paragraf dua 🇮🇩.',
    ]);
    assertAligned(source, doc.blocks);
    // The first block starts at its first word, not at the blank line or the comment above it.
    assert.equal(doc.blocks[0].start, source.indexOf('Judul'));
    assert.equal(doc.endInsertOffset, source.indexOf('🇮🇩.') + 5);
    assert.equal(doc.language, 'id');
    assert.deepEqual(doc.comments.map((c) => c.body), ['copydesk-disable-next-line']);
  });

  it('does not treat Markdown syntax in plain text as markup', () => {
    const source = '# Not a heading *really*\n\n[not a link](x)\n';
    const doc = parseDraft(source, { kind: 'plaintext' });
    assert.deepEqual(doc.blocks.map((b) => [b.kind, b.text]), [['paragraph', '# Not a heading *really*'], ['paragraph', '[not a link](x)']]);
  });
});

describe('parse: front matter problems', () => {
  it('reports broken YAML as a front-matter finding on its line and still parses the body', () => {
    const source = '---\nlang: en\ntranslated_from: [id\ntitle: x\n---\n\n# Title\n\nBody text here.\n';
    const r = lint({ text: source, kind: 'markdown' });
    const fm = r.findings.filter((f) => f.rule === 'front-matter');
    assert.equal(fm.length >= 1, true);
    assert.ok(fm.every((f) => f.range.start.line >= 1 && f.range.start.line <= 4), JSON.stringify(fm.map((f) => f.range)));
    assert.match(fm[0].message, /^Front matter is not valid YAML: /);
    assert.deepEqual(r.document.blocks.map((b) => b.text), ['Title', 'Body text here.']);
    assert.deepEqual(r.document.frontMatter?.data, {});
  });

  it('points at a duplicate key on its own line', () => {
    const source = '---\nlang: en\nlang: id\n---\nText.\n';
    const r = lint({ text: source, kind: 'plaintext' });
    const fm = r.findings.filter((f) => f.rule === 'front-matter');
    assert.equal(fm.length, 1);
    assert.equal(fm[0].range.start.line, 2);
  });

  it('reports a list instead of a map', () => {
    const r = lint({ text: '---\n- a\n- b\n---\nText.\n', kind: 'markdown' });
    assert.deepEqual(r.findings.filter((f) => f.rule === 'front-matter').map((f) => [f.range.start.line, f.message]),
      [[1, 'Front matter must be a set of "key: value" lines.']]);
  });

  it('bounds an alias bomb (billion laughs) and reports it', () => {
    const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('lang: en', '---', '', 'Body.', '');
    const started = performance.now();
    const r = lint({ text: lines.join('\n'), kind: 'markdown' });
    assert.ok(performance.now() - started < 2000, 'alias expansion is bounded');
    const fm = r.findings.filter((f) => f.rule === 'front-matter');
    assert.equal(fm.length, 1);
    assert.match(fm[0].message, /^Front matter could not be read: .*alias/i);
    assert.equal(fm[0].range.start.line, 1);
    assert.deepEqual(r.document.frontMatter?.data, {});
  });

  it('maps prose exactly when a chunk starts with a byte-order mark (found by the sync fuzzer)', () => {
    const text = '\n\n\uFEFFsaid<!-- copydesk-disable-next-line nonsense -->\u{10000}»';
    const [block] = parseDraft(text, { kind: 'markdown' }).blocks;
    assert.equal(block.text, 'said\u{10000}»');
    for (let i = 0; i < block.text.length; i++) assert.equal(text[sourceAt(block, i)], block.text[i], `char ${i}`);
  });

  it('maps prose exactly around an autolink literal that remark gives no position (found by the sync fuzzer)', () => {
    const text = '\u{10000}“[https://example.com>';
    const [block] = parseDraft(text, { kind: 'markdown' }).blocks;
    assert.equal(block.text, '\u{10000}“[\uFFFC>');
    for (let i = 0; i < block.text.length; i++) if (block.text[i] !== '\uFFFC') assert.equal(text[sourceAt(block, i)], block.text[i], `char ${i}`);
    assert.equal(sourceAt(block, 4), text.indexOf('https'));
  });
});
