import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../server/src/core/engine.js';
import { applyEdits } from '../../../server/src/core/fixes.js';
import { parseLedger } from '../../../server/src/core/ledger/parse.js';
import { correctionNotice, NOTICE_LANGUAGES } from '../../../server/src/core/corrections/notices.js';
import type { Ledger } from '../../../server/src/core/ledger/types.js';
import fc from 'fast-check';
import { parseDraft } from '../../../server/src/core/parse.js';
import { SUPPRESSION_COMMENT, survives } from '../../../server/src/core/corrections/fixes.js';

const LEDGER_PATH = '/desk/corrections.yaml';
const parsed = parseLedger(`corrections:
  - id: openai-nato-network
    claim: NATO classified network
    correction: NATO unclassified network
    note: The talks were about NATO's unclassified network only.
    source: https://example.org/corrections/nato
    date: 2026-03-04
`, LEDGER_PATH);
const ledger: Ledger = { entries: parsed.entries, files: [LEDGER_PATH] };
const run = (text: string, kind: 'markdown' | 'plaintext' = 'markdown') => lint({ text, kind, ledger, only: ['corrected-claim'] }).findings;

describe('corrected-claim', () => {
  it('the seed article reports the claim with its correction: info only, no error', function () {
    const seed = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds', '000_c7df4136fac80785.txt');
    let text: string;
    try { text = readFileSync(seed, 'utf8'); } catch { this.skip(); return; }
    const findings = run(text, 'plaintext');
    assert.deepEqual(findings.map((f) => f.severity), ['info']);
    assert.equal(findings[0].data?.reportedWithCorrection, true);
    assert.match(findings[0].message, /^Reported with its correction: "NATO classified network"/);
  });

  it('a follow-up that repeats the claim gets the error, and the preferred fix makes it clean', () => {
    const text = 'OpenAI will deploy across the NATO classified network, the company said.\n';
    const [f] = run(text);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'This repeats a corrected claim: "NATO classified network". Corrected on 2026-03-04: "NATO unclassified network"');
    assert.deepEqual(f.fixes.map((x) => [x.title, x.isPreferred]), [
      ["Replace with 'NATO unclassified network'", true], ['Add a correction notice', false], ['Reported deliberately', false],
    ]);
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(fixed, 'OpenAI will deploy across the NATO unclassified network, the company said.\n');
    assert.deepEqual(run(fixed), []);
  });

  it('gives hovers the note, source and date, and points at the ledger entry', () => {
    const [f] = run('The NATO classified network.\n');
    assert.deepEqual(f.data, {
      ledgerId: 'openai-nato-network', claim: 'NATO classified network', correction: 'NATO unclassified network',
      note: "The talks were about NATO's unclassified network only.", source: 'https://example.org/corrections/nato',
      date: '2026-03-04', rating: undefined, ledgerFile: LEDGER_PATH, reportedWithCorrection: false,
    });
    assert.deepEqual(f.related, [{ path: LEDGER_PATH, range: { start: { line: 1, character: 4 }, end: { line: 7, character: 0 } }, message: 'Ledger entry "openai-nato-network"' }]);
  });

  it('the notice fix corrects the text and appends a notice in the draft language', () => {
    const text = '---\nlang: id\n---\nOpenAI akan memakai NATO classified network.\n\n[ref]: https://example.org\n';
    const [f] = run(text);
    const out = applyEdits(text, f.fixes[1].edits);
    assert.equal(out, '---\nlang: id\n---\nOpenAI akan memakai NATO unclassified network.\n\n' +
      'Ralat (4 Maret 2026): Sebelumnya, redaksi menulis: “NATO classified network”. Informasi yang benar adalah: “NATO unclassified network”.\n\n[ref]: https://example.org\n');
    assert.deepEqual(run(out), []);
  });

  it('has a notice template for each supported language', () => {
    for (const lang of ['en', 'id', 'fr', 'zh', 'ja', 'ar']) {
      assert.ok(NOTICE_LANGUAGES.includes(lang));
      const n = correctionNotice(lang, { claim: 'X', correction: 'Y', date: 'D' });
      assert.ok(n.includes('X') && n.includes('Y') && n.includes('D'), n);
      assert.ok(correctionNotice(lang, { claim: 'X', note: 'N' }).includes('N'));
    }
  });

  for (const [name, text] of [
    ['first line of a paragraph', 'Intro.\n\nThe NATO classified network, he said.\n'],
    ['inside a paragraph', 'Intro line one\nand the NATO classified network, he said.\n'],
    ['in a blockquote', '> Quote line one\n> and the NATO classified network.\n'],
    ['in a list item', '- The NATO classified network.\n- Other item.\n'],
    ['in plain text', 'Intro line one\nand the NATO classified network, he said.\n'],
  ] as const) {
    it(`"Reported deliberately" re-parses with the paragraph intact (${name})`, () => {
      const kind = name === 'in plain text' ? 'plaintext' : 'markdown';
      const before = lint({ text, kind, ledger });
      const fix = before.findings[0].fixes.find((x) => x.title === 'Reported deliberately');
      assert.ok(fix, 'fix offered');
      const out = applyEdits(text, fix.edits);
      assert.match(out, /<!-- copydesk-disable-next-line corrected-claim -- reported deliberately -->/);
      const after = lint({ text: out, kind, ledger });
      assert.deepEqual(after.findings.filter((f) => f.rule === 'corrected-claim' || f.rule === 'suppression'), []);
      const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
      assert.deepEqual(after.document.blocks.map((b) => flat(b.text)), before.document.blocks.map((b) => flat(b.text)));
    });
  }

  it('"Reported deliberately": the answer for a paragraph without markup is the parser\'s (checked without parsing)', () => {
    // Words and punctuation that are not Markdown, and some that are (then the parser decides).
    const word = fc.constantFrom('NATO', 'network', 'said', 'the', 'a', '1.', '-', '+', '#', '>', '=', '---', '***', '`x`', '<b>', '&amp;', 'x_y', 'said:', 'it.', '"quoted"', '(note)', '3)', '1990.');
    const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    let plain = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.constantFrom('', 'Intro.\n\n', '# Title\n\n'), (lines, crlf, before) => {
      const eol = crlf ? '\r\n' : '\n';
      const text = (before + lines.join('\n') + '\n').replace(/\n/g, eol);
      const doc = parseDraft(text, { kind: 'markdown' });
      for (const block of doc.blocks) {
        const first = doc.lines.lineOf(block.start);
        const last = doc.lines.lineOf(Math.max(block.start, block.end - 1));
        for (let l = first; l <= last; l++) {
          const at = doc.lines.lineStart(l);
          const edits = [{ start: at, end: at, newText: SUPPRESSION_COMMENT + eol }];
          if (l > first) edits.push({ start: doc.lines.lineEnd(l - 1), end: doc.lines.lineEnd(l - 1), newText: ' ' + SUPPRESSION_COMMENT });
          for (const edit of edits) {
            const shifted = at + edit.newText.length;
            assert.equal(survives(doc, block, edit, shifted), survives(doc, block, edit, shifted, false), JSON.stringify({ text, line: l, edit: edit.newText }));
          }
        }
        if (block.kind === 'paragraph') plain++;
      }
    }), { numRuns: 500 });
    assert.ok(plain > 300, `only ${plain} paragraphs`);
  });

  it('does nothing without a ledger', () => {
    assert.deepEqual(lint({ text: 'The NATO classified network.', kind: 'markdown', only: ['corrected-claim'] }).findings, []);
  });
});
