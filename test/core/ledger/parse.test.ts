import assert from 'node:assert/strict';
import { parseLedger } from '../../../server/src/core/ledger/parse.js';

const ok = `# comment
corrections:
  - id: nato
    claim: NATO classified network
    correction: NATO unclassified network
    note: It was the unclassified network.
    source: https://example.org/c
    date: 2026-03-04
  - id: multi
    claim: { en: [a claim, another claim], id: klaim satu }
    correction: { en: the fact, id: faktanya }
  - id: verdict-only
    claim: the bridge closes for two years
    note: Two months, not two years.
`;

describe('ledger parse', () => {
  it('reads entries, variants with their language, and where each entry is', () => {
    const { entries, problems } = parseLedger(ok, '/n/corrections.yaml');
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 3);
    assert.deepEqual(entries[1].claim, ['a claim', 'another claim', 'klaim satu']);
    assert.deepEqual(entries[1].claimLang, ['en', 'en', 'id']);
    assert.deepEqual(entries[1].correction, { en: 'the fact', id: 'faktanya' });
    assert.equal(entries[0].date, '2026-03-04');
    assert.deepEqual(entries[0].location?.range?.start, { line: 2, character: 4 });
    assert.equal(entries[2].correction, undefined);
  });

  const problem = (text: string) => parseLedger(text, 'l.yaml').problems.map((p) => `${p.line + 1}: ${p.message}`);

  it('reports YAML syntax errors at their line, without throwing', () => {
    const p = problem('corrections:\n  - id: a\n   claim: b\n');
    assert.equal(p.length, 1);
    assert.match(p[0], /^3: not valid YAML/);
  });
  it('reports duplicate ids, missing fields and empty claims, and keeps the valid entries', () => {
    const text = `corrections:
  - id: a
    claim: x y
    correction: z
  - id: a
    claim: p q
    correction: r
  - id: b
    claim: ""
    correction: r
  - id: c
    claim: s t
  - claim: u v
    correction: w
  - id: d
    claim: "?!"
    correction: w
  - id: e
    claim: g h
    correction: i
    date: last Tuesday
    colour: red
`;
    assert.deepEqual(problem(text), [
      '5: entry "a": duplicate id (first used on line 2)',
      '9: entry "b": claim must be a non-empty text, a list of texts, or texts per language (en: …); an empty claim would match nothing',
      '11: entry "c": needs a "correction" (the corrected wording) or at least a "note"',
      '13: entry 5: missing "id"',
      '16: entry "d": claim "?!" has no words to match',
      '22: entry "e": unknown field "colour"',
      '21: entry "e": date must be an ISO date such as 2026-03-04',
    ]);
    assert.deepEqual(parseLedger(text, 'l.yaml').entries.map((e) => e.id), ['a']);
  });
  it('accepts an empty ledger and a bare list; rejects other shapes', () => {
    assert.deepEqual(parseLedger('', 'l').problems, []);
    assert.deepEqual(parseLedger('# nothing yet\ncorrections:\n', 'l').problems, []);
    assert.equal(parseLedger('- id: a\n  claim: b c\n  correction: d\n', 'l').entries.length, 1);
    assert.match(problem('claims: []\n')[0], /unknown top-level key "claims"/);
    assert.match(problem('corrections: 5\n')[0], /must be a list/);
  });
});
