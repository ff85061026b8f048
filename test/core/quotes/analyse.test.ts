import assert from 'node:assert/strict';
import { parseDraft } from '../../../server/src/core/parse.js';
import { analyseQuotations, quotationAt } from '../../../server/src/core/quotes/analyse.js';

const analyse = (text: string, lang = 'en') => analyseQuotations(parseDraft(`---\nlang: ${lang}\n---\n${text}`, { kind: 'markdown' }));

describe('quotation analysis', () => {
  it('tells speech from terms, titles and nicknames', () => {
    const qs = analyse('The agency uses a "secure" network. Critics call the vote "rigged." ' +
      'She read the book "The Long Road Home" and met Dwayne "The Rock" Johnson. "We will win this fight in court."');
    assert.deepEqual(qs.map((q) => q.kind), ['term', 'term', 'title', 'nickname', 'speech']);
  });

  it('finds the speaker before, inside and after a quote', () => {
    const qs = analyse([
      'Ana Lima said: "The budget is late."',
      '"It is late," Ana Lima said, "and it will stay late."',
      '"Nothing has changed," said Omar Haddad.',
      'According to Omar Haddad, "the talks have stalled for good."',
      'Omar Haddad told reporters the plan is "dead on arrival and nobody will revive it."',
    ].join('\n\n'));
    assert.deepEqual(qs.map((q) => q.attribution?.via), ['cue-before', 'cue-after', 'cue-before', 'cue-after', 'according-to', 'cue-before']);
    assert.deepEqual(qs.map((q) => q.attribution?.resolvedSpeaker), ['Ana Lima', 'Ana Lima', 'Ana Lima', 'Omar Haddad', 'Omar Haddad', 'Omar Haddad']);
  });

  it('carries a speaker to consecutive quotes and to a quote-only paragraph, not past an unattributed quote', () => {
    const qs = analyse('"We start today," Ana Lima said. "We finish in May."\n\n"Nobody will stop us."\n\nThe weather was cold.\n\n"This one has no source at all."');
    assert.deepEqual(qs.map((q) => q.attribution?.via ?? 'none'), ['cue-after', 'continuation', 'continuation', 'none']);
  });

  it('gives hovers a quotation at an offset, with its source ranges', () => {
    const text = '---\nlang: en\n---\n"We will win," Ana Lima said.';
    const doc = parseDraft(text, { kind: 'markdown' });
    const q = quotationAt(doc, text.indexOf('win'));
    assert.equal(q?.attribution?.speaker, 'Ana Lima');
    assert.equal(text.slice(q!.attribution!.cueRange!.start, q!.attribution!.cueRange!.end), 'said');
    assert.equal(text.slice(q!.range.start, q!.range.end), '"We will win,"');
  });

  it('analyses a 5,000-word draft in a few milliseconds', () => {
    const para = 'Ana Lima, the mayor, said on Tuesday that the "new" budget was late. "We will fix it," she said. ' +
      '"It takes time and patience, and we have both." The council met again in the evening to vote on it.\n\n';
    const text = '---\nlang: en\n---\n' + para.repeat(Math.ceil(5000 / para.split(/\s+/).length));
    // Best of a few runs on fresh parses: the figure the editor sees once the code is warm, and
    // robust to a busy test machine.
    let ms = Infinity;
    let count = 0;
    for (let i = 0; i < 5; i++) {
      const doc = parseDraft(text, { kind: 'markdown' });
      const t0 = performance.now();
      count = analyseQuotations(doc).length;
      ms = Math.min(ms, performance.now() - t0);
    }
    assert.ok(count > 300);
    assert.ok(ms < 60, `took ${ms.toFixed(1)} ms`);
  });
});
