import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadProject } from '../../../server/src/node/project.js';
import { join } from 'node:path';
import { benchmarkMatching, syntheticDraft, syntheticLedger, syntheticLedgerYaml } from '../../../server/src/core/ledger/bench.js';
import { compileLedger, findClaims } from '../../../server/src/core/ledger/matcher.js';
import { lint } from '../../../server/src/core/engine.js';

describe('ledger matching at scale', function () {
  this.timeout(120_000);
  const ledger = syntheticLedger(10_000);

  it('finds exactly the planted claims of a 10,000-entry ledger in a 5,000-word draft (timing printed, not asserted)', () => {
    const draft = syntheticDraft(ledger, 5_000, 25);
    assert.ok(draft.text.split(/\s+/).length >= 4_900);
    let t = performance.now();
    const compiled = compileLedger(ledger);
    const compileMs = performance.now() - t;
    assert.equal(compiled.variants, 10_000);
    findClaims(ledger, draft.text, 'en'); // warm-up
    const runs: number[] = [];
    let found: ReturnType<typeof findClaims> = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      found = findClaims(ledger, draft.text, 'en');
      runs.push(performance.now() - t);
    }
    assert.deepEqual(found.map((f) => [f.id, f.start, f.end]), draft.planted.map((p) => [p.id, p.start, p.end]));
    t = performance.now();
    const result = lint({ text: draft.text, kind: 'markdown', ledger, only: ['corrected-claim'] });
    const lintMs = performance.now() - t;
    assert.equal(result.findings.length, draft.planted.length);
    console.log(`      10,000 entries: compile ${compileMs.toFixed(0)} ms; 5,000 words: match ${Math.min(...runs).toFixed(1)} ms (best of 5), full lint incl. fixes ${lintMs.toFixed(0)} ms`);
  });

  it('exports a benchmark the project benchmark can call', () => {
    const r = benchmarkMatching(2_000, 1_000);
    assert.equal(r.found, r.planted);
  });

  it('reads a 10,000-entry ledger file through the project loader and flags a draft with it', () => {
    // Generated at test time: a 1.4 MB ledger has no place in the repository.
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-large-ledger-'));
    try {
      writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
      writeFileSync(join(dir, 'corrections.yaml'), syntheticLedgerYaml(ledger));
      const draftPath = join(dir, 'draft.md');
      const project = loadProject(draftPath);
      assert.deepEqual(project.problems, []);
      assert.equal(project.ledger.entries.length, 10_000);
      const draft = syntheticDraft(project.ledger, 800, 3);
      const result = lint({ text: draft.text, kind: 'markdown', path: draftPath, config: project.config, ledger: project.ledger, only: ['corrected-claim'] });
      assert.deepEqual(result.findings.map((f) => f.severity), ['error', 'error', 'error']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
