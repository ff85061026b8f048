import assert from 'node:assert/strict';
import { lint } from '../../../server/src/core/engine.js';
import { applyEdits } from '../../../server/src/core/fixes.js';

const RULE = 'unattributed-quote';
const run = (text: string, kind: 'markdown' | 'plaintext' = 'markdown') => lint({ text, kind, only: [RULE] });
const prose = (text: string) => run(text).document.blocks.map((b) => b.text);

/** Applies the fix titled `title` of the only finding and returns the new text. */
function applyFix(text: string, title: string, kind: 'markdown' | 'plaintext' = 'markdown'): string {
  const findings = run(text, kind).findings.filter((f) => f.rule === RULE);
  assert.equal(findings.length, 1, `one finding in ${JSON.stringify(text)}`);
  const fix = findings[0].fixes.find((f) => f.title === title);
  assert.ok(fix, `fix "${title}" among ${findings[0].fixes.map((f) => f.title).join(', ')}`);
  return applyEdits(text, fix.edits);
}

describe('unattributed-quote fixes', () => {
  const cases: Array<[string, string]> = [
    ['first line of a paragraph', 'Intro.\n\n"We cannot let the harbour rot while the city waits."\n\nEnd.\n'],
    ['later line of a wrapped paragraph', 'Intro.\n\nThe council met on Tuesday.\n"We cannot let the harbour rot while the city waits."\nThen it rained.\n'],
    ['blockquote', 'Intro.\n\n> "We cannot let the harbour rot while the city waits."\n'],
    ['list item', 'Intro.\n\n- "We cannot let the harbour rot while the city waits."\n- Second item.\n'],
  ];
  for (const [name, text] of cases) {
    it(`"Not a quote (term)" silences the quote without changing the Markdown (${name})`, () => {
      const fixed = applyFix(text, 'Not a quote (term)');
      assert.ok(fixed.includes('<!-- copydesk-disable-next-line unattributed-quote -- term -->'));
      assert.deepEqual(run(fixed).findings.filter((f) => f.rule === RULE || f.rule === 'suppression'), []);
      assert.deepEqual(prose(fixed), prose(text), 'same paragraphs, same prose');
    });
  }

  it('"Not a quote (term)" works in plain text', () => {
    const text = 'Intro.\n\n"We cannot let the harbour rot while the city waits."\n';
    const fixed = applyFix(text, 'Not a quote (term)', 'plaintext');
    assert.deepEqual(run(fixed, 'plaintext').findings.filter((f) => f.rule === RULE), []);
  });

  it('keeps punctuation correct when attributing', () => {
    const named = 'Rita Holm said the vote was close.\n\nThe council met.\n\n';
    assert.ok(applyFix(named + '"We will win."\n', 'Attribute to Rita Holm').endsWith('"We will win," Rita Holm said.\n'));
    assert.ok(applyFix(named + '"Will we win?"\n', 'Attribute to Rita Holm').endsWith('"Will we win?" Rita Holm said.\n'));
    assert.ok(applyFix(named + 'The answer was "we will win the vote in May".\n', 'Attribute to Rita Holm').endsWith('"we will win the vote in May," Rita Holm said.\n'));
    assert.ok(applyFix(named + '"We will win."\n', 'Attribute to …').endsWith('"We will win," [Name] said.\n'));
  });
});
