import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLedgerImport, type LedgerImportIO } from '../../server/src/cli/ledger-import.js';
import { parseLedger } from '../../server/src/core/ledger/parse.js';

const CHECKS = JSON.stringify([
  { '@type': 'ClaimReview', url: 'https://check.example.org/a', claimReviewed: 'The bridge will close for two years', datePublished: '2026-02-01', reviewRating: { alternateName: 'False' }, author: { name: 'Example Check' } },
  { '@type': 'ClaimReview', url: 'https://check.example.org/b', claimReviewed: 'Acme raised $1.2 billion', datePublished: '2026-02-10', reviewRating: { alternateName: 'Incorrect' } },
]);

describe('copydesk ledger import', () => {
  let dir: string;
  let out: string;
  let err: string;
  let io: LedgerImportIO;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-import-'));
    out = ''; err = '';
    io = {
      readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
      writeFile: (p, t) => writeFileSync(p, t),
      stdout: (t) => { out += t; },
      stderr: (t) => { err += t; },
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };

  it('creates the ledger, then merges a re-import without duplicating, keeping comments', () => {
    const input = file('checks.json', CHECKS);
    const ledger = join(dir, 'corrections.yaml');
    assert.equal(runLedgerImport([input, '--ledger', ledger], io), 0, err);
    assert.match(out, /2 added, 0 updated, 0 already there/);
    const first = readFileSync(ledger, 'utf8');
    assert.deepEqual(parseLedger(first, ledger).problems, []);
    writeFileSync(ledger, first.replace('corrections:', '# Reviewed by the standards desk\ncorrections:'));
    out = '';
    assert.equal(runLedgerImport([input, `--ledger=${ledger}`], io), 0, err);
    assert.match(out, /0 added, 0 updated, 2 already there/);
    const second = readFileSync(ledger, 'utf8');
    assert.match(second, /# Reviewed by the standards desk/);
    assert.equal(parseLedger(second, ledger).entries.length, 2);
  });

  it('--dry-run prints the merged ledger and writes nothing', () => {
    const ledger = join(dir, 'corrections.yaml');
    assert.equal(runLedgerImport([file('c.json', CHECKS), '--ledger', ledger, '--dry-run'], io), 0);
    assert.match(out, /claim: The bridge will close for two years/);
    assert.ok(!existsSync(ledger));
  });

  it('exits 2 with a clear message on bad input, and leaves a broken ledger alone', () => {
    assert.equal(runLedgerImport([], io), 2);
    assert.match(err, /no input file/);
    assert.equal(runLedgerImport([join(dir, 'missing.json')], io), 2);
    assert.match(err, /cannot read/);
    assert.equal(runLedgerImport([file('bad.json', '{ nope')], io), 2);
    assert.match(err, /not valid JSON/);
    assert.equal(runLedgerImport([file('none.json', '{"claims": []}')], io), 2);
    assert.match(err, /no fact checks/);
    const broken = file('corrections.yaml', 'corrections:\n  - id: a\n   claim: b\n');
    assert.equal(runLedgerImport([file('c.json', CHECKS), '--ledger', broken], io), 2);
    assert.match(err, /corrections\.yaml:3:\d+: not valid YAML/);
    assert.equal(readFileSync(broken, 'utf8'), 'corrections:\n  - id: a\n   claim: b\n');
  });
});
