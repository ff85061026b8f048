import assert from 'node:assert/strict';
import { parseDraft } from '../../server/src/core/parse.js';
import { lint } from '../../server/src/core/engine.js';
import { applyEdits } from '../../server/src/core/fixes.js';
import { parseSuppressions, suppressionFor, suppressionInsertion } from '../../server/src/core/suppressions.js';
import type { DraftKind } from '../../server/src/core/document.js';

const KNOWN = new Set(['translation-disclaimer', 'unattributed-quote', 'corrected-claim']);
const parse = (text: string, kind: DraftKind = 'markdown') => {
  const doc = parseDraft(text, { kind });
  return { doc, ...parseSuppressions(doc, KNOWN) };
};
const MT = '---\nlang: en\ntranslated_from: id\n---\n';

describe('suppressions: comments', () => {
  it('disable-next-line covers the next non-blank line only', () => {
    const text = 'Intro.\n\n<!-- copydesk-disable-next-line translation-disclaimer -- wire copy -->\n\n\nTarget line.\nNext line.\n';
    const { suppressions, problems } = parse(text);
    assert.deepEqual(problems, []);
    assert.equal(suppressions.length, 1);
    const s = suppressions[0];
    assert.deepEqual([s.rules, s.reason, text.slice(s.from, s.to)], [['translation-disclaimer'], 'wire copy', 'Target line.']);
    assert.equal(suppressionFor(suppressions, 'translation-disclaimer', text.indexOf('Target')), s);
    assert.equal(suppressionFor(suppressions, 'translation-disclaimer', text.indexOf('Next')), undefined);
    assert.equal(suppressionFor(suppressions, 'unattributed-quote', text.indexOf('Target')), undefined);
  });

  it('disable/enable covers a stretch, per rule, and an all-rules disable', () => {
    const text = [
      '<!-- copydesk-disable unattributed-quote, corrected-claim -- legal reviewed -->', 'A.', '',
      '<!-- copydesk-enable corrected-claim -->', 'B.', '',
      '<!-- copydesk-enable unattributed-quote -->', 'C.', '',
      '<!-- copydesk-disable -->', 'D.', '<!-- copydesk-enable -->', 'E.', '',
    ].join('\n');
    const { suppressions, problems } = parse(text);
    assert.deepEqual(problems, []);
    const at = (s: string) => text.indexOf(s);
    const hit = (rule: string, s: string) => suppressionFor(suppressions, rule, at(s)) !== undefined;
    assert.deepEqual([hit('unattributed-quote', 'A.'), hit('corrected-claim', 'A.'), hit('translation-disclaimer', 'A.')], [true, true, false]);
    assert.deepEqual([hit('unattributed-quote', 'B.'), hit('corrected-claim', 'B.')], [true, false]);
    assert.deepEqual([hit('unattributed-quote', 'C.'), hit('corrected-claim', 'C.')], [false, false]);
    assert.deepEqual([hit('translation-disclaimer', 'D.'), hit('corrected-claim', 'D.')], [true, true]);
    assert.deepEqual([hit('translation-disclaimer', 'E.'), hit('corrected-claim', 'E.')], [false, false]);
    assert.equal(suppressions[0].reason, 'legal reviewed');
    assert.deepEqual(suppressions.map((s) => s.rules), [['unattributed-quote'], ['corrected-claim'], 'all']);
  });

  it('enable of one rule inside a disable of every rule leaves the others disabled', () => {
    const text = '<!-- copydesk-disable -- archive box -->\nA.\n\n<!-- copydesk-enable corrected-claim -->\nB.\n';
    const { suppressions } = parse(text);
    const hit = (rule: string, at: string) => suppressionFor(suppressions, rule, text.indexOf(at)) !== undefined;
    assert.deepEqual([hit('corrected-claim', 'A.'), hit('unattributed-quote', 'A.')], [true, true]);
    assert.deepEqual([hit('corrected-claim', 'B.'), hit('unattributed-quote', 'B.'), hit('translation-disclaimer', 'B.')], [false, true, true]);
  });

  it('reports a comment that silences nothing, with a fix that removes it (own line or inline)', () => {
    const own = '# Title\n\n<!-- copydesk-disable-next-line unattributed-quote -- term -->\nThe weather was fine.\n';
    const [f] = lint({ text: own, kind: 'markdown' }).findings;
    assert.deepEqual([f.rule, f.severity], ['suppression', 'info']);
    assert.match(f.message, /silences nothing: there is no unattributed-quote finding/);
    assert.equal(applyEdits(own, f.fixes[0].edits), '# Title\n\nThe weather was fine.\n');
    const inline = 'First line of a paragraph <!-- copydesk-disable-next-line unattributed-quote -- term -->\nsecond line.\n';
    const [g] = lint({ text: inline, kind: 'markdown' }).findings;
    assert.equal(applyEdits(inline, g.fixes[0].edits), 'First line of a paragraph\nsecond line.\n');
    // A used suppression, or one for a rule that did not run, is not reported.
    const used = '<!-- copydesk-disable-next-line unattributed-quote -- term -->\n"We will not leave until the work is done and the river is clean."\n';
    assert.deepEqual(lint({ text: used, kind: 'markdown' }).findings, []);
    assert.deepEqual(lint({ text: own, kind: 'markdown', only: ['suppression', 'translation-disclaimer'] }).findings, []);
  });

  it('reports an unknown rule id, and still honours the known ones in the same comment', () => {
    const text = '<!-- copydesk-disable-next-line translation-disclaimr, unattributed-quote -->\nLine.\n';
    const { suppressions, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0].start, problems[0].end], [0, text.indexOf('\n')]);
    assert.match(problems[0].message, /^Unknown rule "translation-disclaimr" in a Copydesk comment\. Known rules: /);
    assert.deepEqual(suppressions.map((s) => s.rules), [['unattributed-quote']]);
  });

  it('reports an unknown directive and ignores ordinary comments', () => {
    const text = '<!-- copydesk-ignore translation-disclaimer -->\n<!-- TODO: photo caption -->\nLine.\n';
    const { suppressions, problems } = parse(text);
    assert.deepEqual(problems.map((p) => p.message), ['Unknown Copydesk directive "copydesk-ignore". Use copydesk-disable-next-line, copydesk-disable or copydesk-enable.']);
    assert.deepEqual(suppressions, []);
  });

  it('silences findings through the engine, in Markdown and in plain text', () => {
    for (const kind of ['markdown', 'plaintext'] as const) {
      const body = '# Title\n\nJAKARTA - The city government has postponed completion of the sea wall to 2027, officials said on Monday.\n';
      const plain = lint({ text: MT + body, kind }).findings.filter((f) => f.rule === 'translation-disclaimer');
      assert.equal(plain.length, 1, kind);
      const silenced = lint({ text: `${MT}<!-- copydesk-disable-next-line translation-disclaimer -- CMS adds it -->\n${body}`, kind });
      assert.deepEqual(silenced.findings, [], kind);
      const typo = lint({ text: `${MT}<!-- copydesk-disable-next-line translation-disclaimers -->\n${body}`, kind });
      assert.deepEqual(typo.findings.map((f) => [f.rule, f.severity, f.range.start.line]), [['suppression', 'warning', 4], ['translation-disclaimer', 'error', 5]], kind);
    }
  });
});

describe('suppressions: suppressionInsertion', () => {
  const RULE = 'unattributed-quote';
  function check(text: string, target: string, kind: DraftKind = 'markdown') {
    const doc = parseDraft(text, { kind });
    const offset = text.indexOf(target);
    assert.ok(offset >= 0, target);
    const edit = suppressionInsertion(doc, offset, RULE, 'checked with the desk');
    const out = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    const after = parseDraft(out, { kind });
    assert.deepEqual(after.blocks.map((b) => b.text), doc.blocks.map((b) => b.text), 'prose unchanged');
    const { suppressions, problems } = parseSuppressions(after, KNOWN);
    assert.deepEqual(problems, []);
    const s = suppressionFor(suppressions, RULE, out.indexOf(target));
    assert.ok(s, `suppressed in:\n${out}`);
    return out;
  }

  it('on the first line of a draft', () => {
    assert.equal(check('"We will rebuild," a voice said.\n', '"We will'), '<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\n"We will rebuild," a voice said.\n');
  });

  it('inside a paragraph: at the end of the previous line, not splitting it', () => {
    const out = check('# Title\n\nFirst line of the paragraph\n"We will rebuild," someone said.\nLast line.\n', '"We will');
    assert.equal(out, '# Title\n\nFirst line of the paragraph<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\n"We will rebuild," someone said.\nLast line.\n');
  });

  it('in a list item and a blockquote, keeping their markers', () => {
    assert.equal(check('- One.\n- "Quote here," said nobody.\n', '"Quote'), '- One.\n<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\n- "Quote here," said nobody.\n');
    assert.equal(check('> Intro line\n> "Quote here," said nobody.\n', '"Quote'), '> Intro line<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\n> "Quote here," said nobody.\n');
    check('> First.\n>\n> "Quote here," said nobody.\n', '"Quote');
  });

  it('with CRLF line endings', () => {
    const out = check('Intro.\r\n\r\nLine one\r\n"Quote here," said nobody.\r\n', '"Quote');
    assert.equal(out, 'Intro.\r\n\r\nLine one<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\r\n"Quote here," said nobody.\r\n');
    const first = check('"Quote here," said nobody.\r\nMore.\r\n', '"Quote');
    assert.ok(first.startsWith('<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\r\n'));
  });

  it('in plain text, on its own line', () => {
    const out = check('Intro.\n\nLine one\n"Quote here," said nobody.\n', '"Quote', 'plaintext');
    assert.equal(out, 'Intro.\n\nLine one\n<!-- copydesk-disable-next-line unattributed-quote -- checked with the desk -->\n"Quote here," said nobody.\n');
  });

  it('strips --> from the reason so the comment cannot close early', () => {
    const doc = parseDraft('Text.\n', { kind: 'markdown' });
    assert.equal(suppressionInsertion(doc, 0, RULE, 'a --> b').newText, '<!-- copydesk-disable-next-line unattributed-quote -- a  b -->\n');
  });
});
