import assert from 'node:assert/strict';
import { addLedgerEntry, mergeLedgerEntries } from '../../../server/src/core/ledger/edit.js';
import { parseLedger } from '../../../server/src/core/ledger/parse.js';

const LEDGER = `# Desk corrections: reviewed by the standards editor
corrections:
  # 2026
  - id: bridge-year # from the council release
    claim: the bridge opened in 1990
    correction: the bridge opened in 1991
    date: 2026-01-05

  - id: mayor-age
    claim: ["the mayor, 54", the 54-year-old mayor]
    correction: the 56-year-old mayor
`;

describe('ledger editing', () => {
  it('addLedgerEntry appends a valid, well-formatted entry and keeps comments and layout', () => {
    const out = addLedgerEntry(LEDGER, { claim: 'NATO classified network', correction: 'NATO unclassified network', note: 'Only the unclassified network.', date: '2026-03-04' });
    assert.ok(out.startsWith(LEDGER), out);
    assert.equal(out.slice(LEDGER.length), `
  - id: nato-classified-network-2026-03-04
    claim: NATO classified network
    correction: NATO unclassified network
    note: Only the unclassified network.
    date: 2026-03-04
`);
    const parsed = parseLedger(out, 'l.yaml');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries.at(-1)?.id, 'nato-classified-network-2026-03-04');
  });

  it('gives a fresh id when the chosen one is taken, and starts an empty ledger with a header', () => {
    const once = addLedgerEntry('', { id: 'x', claim: 'a b', correction: 'c' });
    assert.match(once, /^# Corrections ledger/);
    const twice = addLedgerEntry(once, { id: 'x', claim: 'd e', correction: 'f' });
    assert.deepEqual(parseLedger(twice, 'l').entries.map((e) => e.id), ['x', 'x-2']);
    assert.throws(() => addLedgerEntry('corrections: [\n', { claim: 'a', correction: 'b' }), /not valid YAML/);
  });

  it('quotes what YAML would misread', () => {
    const out = addLedgerEntry(LEDGER, { id: 'tricky', claim: 'yes: "no" # not a comment', correction: '- 12' });
    const e = parseLedger(out, 'l').entries.at(-1)!;
    assert.deepEqual([e.claim, e.correction], [['yes: "no" # not a comment'], '- 12']);
  });

  it('mergeLedgerEntries merges by id without duplicating and never overwrites what editors wrote', () => {
    const r = mergeLedgerEntries(LEDGER, [
      { id: 'bridge-year', claim: 'the bridge opened in 1990', correction: 'imported wording', note: 'imported note' },
      { id: 'new-one', claim: 'a new claim', note: 'Rated “False”.' },
    ]);
    assert.deepEqual([r.added, r.updated, r.unchanged], [['new-one'], ['bridge-year'], []]);
    const entries = parseLedger(r.text, 'l').entries;
    assert.deepEqual(entries.map((e) => e.id), ['bridge-year', 'mayor-age', 'new-one']);
    assert.equal(entries[0].correction, 'the bridge opened in 1991');
    assert.equal(entries[0].note, 'imported note');
    assert.match(r.text, /# from the council release/);
    const again = mergeLedgerEntries(r.text, [{ id: 'new-one', claim: 'A new claim.', note: 'x' }]);
    assert.deepEqual([again.added, again.updated, again.unchanged], [[], [], ['new-one']]);
  });
});
