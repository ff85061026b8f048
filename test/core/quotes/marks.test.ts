import assert from 'node:assert/strict';
import { parseDraft } from '../../../server/src/core/parse.js';
import { analyseQuotations } from '../../../server/src/core/quotes/analyse.js';
import { lint } from '../../../server/src/core/engine.js';

const quotes = (text: string, lang = 'en') =>
  analyseQuotations(parseDraft(`---\nlang: ${lang}\n---\n${text}`, { kind: 'markdown' })).map((q) => q.text);

describe('quote marks', () => {
  it('pairs straight quotes around apostrophes, elisions and inch marks', () => {
    assert.deepEqual(quotes(`Jakarta's mayor said "we don't want the '90s back" and bought a 6" pipe.`), ["we don't want the '90s back"]);
    assert.deepEqual(quotes(`The Joneses' dog barked at 'em all day.`), []);
    assert.deepEqual(quotes(`She said 'it's over' and left.`), ["it's over"]);
  });

  it('nests single quotes inside double quotes', () => {
    const all = analyseQuotations(parseDraft('He said: “She told me ‘never again’ twice.”', { kind: 'markdown' }));
    assert.deepEqual(all.map((q) => [q.text, q.depth]), [['She told me ‘never again’ twice.', 0], ['never again', 1]]);
    assert.equal(all[1].attribution?.via, 'enclosing');
  });

  it('reads guillemets, German, CJK corner brackets and Arabic text', () => {
    assert.deepEqual(quotes('Il a dit : « Nous verrons ‹ demain › ».', 'fr'), [' Nous verrons ‹ demain › ', ' demain ']);
    assert.deepEqual(quotes('Er sagte: „Das ist ‚gut‘.“', 'de'), ['Das ist ‚gut‘.', 'gut']);
    assert.deepEqual(quotes('田中氏は「『雪国』を読んだ」と語った。', 'ja'), ['『雪国』を読んだ', '雪国']);
    assert.deepEqual(quotes('قال الرئيس: «سنفوز».', 'ar'), ['سنفوز']);
  });

  it('joins a quote that reopens each paragraph and closes only in the last', () => {
    const all = analyseQuotations(parseDraft('"First part of the statement.\n\n"Second part," Ana Lima said.\n', { kind: 'markdown' }));
    assert.equal(all.length, 1);
    assert.equal(all[0].segments.length, 2);
    assert.equal(all[0].attribution?.speaker, 'Ana Lima');
  });

  it('reports an unclosed mark once, without spoiling the next paragraph', () => {
    const text = 'The mayor said "we will win.\n\nLater, "We lost," Ana Lima said.\n';
    const findings = lint({ text, kind: 'markdown', only: ['unattributed-quote'] }).findings;
    assert.deepEqual(findings.map((f) => f.message), ['This quotation mark is never closed: where does the quote end?']);
  });
});

describe('paragraphs with too many quotation marks', () => {
  const MARKS = '"“”‘’„‚«»‹›「」『』〝〞〟';
  const paragraph = (marks: number) => Array.from({ length: marks }, (_, i) => `w${i} ${MARKS[i % MARKS.length]}`).join(' ');
  it('skips a paragraph past 400 marks of any kind (counting every kind), and only that one', () => {
    for (const [marks, skipped] of [[400, false], [401, true]] as const) {
      const doc = parseDraft(`${paragraph(marks)}\n\n"Fine," Ana Lima said.\n`, { kind: 'markdown' });
      const info = lint({ text: `${paragraph(marks)}\n\nNothing here.\n`, kind: 'markdown' }).findings.filter((f) => /quotation marks/.test(f.message));
      assert.equal(info.length, skipped ? 1 : 0, `${marks} marks`);
      assert.ok(analyseQuotations(doc).some((q) => q.text === 'Fine,'), `${marks} marks: the next paragraph is still read`);
    }
  });
});
