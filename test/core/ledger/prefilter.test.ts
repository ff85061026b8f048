import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { claimPrefilter } from '../../../server/src/core/ledger/prefilter.js';
import { lint } from '../../../server/src/core/engine.js';
import { loadProject } from '../../../server/src/node/project.js';
import { syntheticDraft, syntheticLedger } from '../../../server/src/core/ledger/bench.js';
import type { Ledger, LedgerEntry } from '../../../server/src/core/ledger/types.js';
import { compileLedger, findClaims } from '../../../server/src/core/ledger/matcher.js';
import { cacheLimits } from '../../../server/src/core/limits.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'corrected-claim');

function* drafts(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* drafts(p);
    else if (/\.(md|txt)$/.test(name) && !/\.fixed\./.test(name)) yield p;
  }
}

const drafts_ = drafts;
/** Runs `f` with the engine used as in a batch run (the CLI) or as in the editor. */
function inMode<T>(batch: boolean, f: () => T): T {
  const before = cacheLimits.batch;
  cacheLimits.batch = batch;
  try { return f(); } finally { cacheLimits.batch = before; }
}

const ledgerOf = (...claims: string[]): Ledger => ({ files: [], entries: claims.map((c, i) => ({ id: `e${i}`, claim: [c], correction: 'x' })) });

describe('corrected-claim prefilter (archive scan)', () => {
  it('a batch run (the whole draft tested first) finds in every rule fixture what the editor finds', () => {
    let drafts = 0;
    for (const file of drafts_(join(FIXTURES, '..'))) {
      const project = loadProject(file);
      const text = readFileSync(file, 'utf8');
      const run = (batch: boolean) => inMode(batch, () => lint({ text, kind: file.endsWith('.md') ? 'markdown' : 'plaintext', path: file, config: project.config, ledger: project.ledger }).findings);
      assert.deepEqual(run(true), run(false), file);
      drafts++;
    }
    assert.ok(drafts > 40, `only ${drafts} fixtures`);
    // And long drafts with claims planted anywhere, for a small and a large ledger.
    for (const size of [10, 10_000]) {
      const ledger = syntheticLedger(size);
      for (let seed = 1; seed <= 6; seed++) {
        const { text, planted } = syntheticDraft(ledger, 1_500, seed % 3, seed);
        const run = (batch: boolean) => inMode(batch, () => lint({ text, kind: 'plaintext', ledger }).findings.filter((f) => f.rule === 'corrected-claim'));
        assert.equal(run(false).length, planted.length, `seed ${seed}`);
        assert.deepEqual(run(true), run(false), `seed ${seed}`);
      }
    }
  });

  it('never rules out a fixture draft the full check flags', () => {
    let flagged = 0;
    for (const file of drafts(FIXTURES)) {
      const project = loadProject(file);
      const text = readFileSync(file, 'utf8');
      const full = lint({ text, kind: file.endsWith('.md') ? 'markdown' : 'plaintext', path: file, config: project.config, ledger: project.ledger, only: ['corrected-claim'] });
      if (full.findings.length === 0) continue;
      flagged++;
      assert.equal(claimPrefilter(project.ledger)(text), true, file);
      assert.equal(full.skipped, undefined);
    }
    assert.ok(flagged > 20, `only ${flagged} flagged fixtures`);
  });

  it('keeps inflected, accented, marked-up and CJK forms as candidates', () => {
    const f = claimPrefilter(ledgerOf('NATO classified network', 'city', 'companies', 'réseau classifié', '北约机密网络'));
    for (const text of ['the NATO CLASSIFIED networks', 'the cities', 'a Company', 'le RESEAU classifie', 'les réseaux CLASSIFIÉS', '北约机密网络部署', '**NATO** classi\u00ADfied net\u00ADwork']) {
      assert.equal(f(text), true, text);
    }
    assert.equal(f('Rain fell on the harbour all week.'), false);
  });

  it('keeps drafts whose claim is written with character references (&#99;, &shy;) as candidates', () => {
    // Markdown turns them into letters (or nothing) before the matcher reads the paragraph; the
    // archive scan reads the raw text, and missed these.
    const ledger = ledgerOf('NATO classified network');
    for (const text of ['The NATO &#99;lassified network.', 'The NATO cl&shy;assified network.', 'The NATO &#x63;lassified net&#119;ork.', 'The NATO class&iacute;fied network.']) {
      const full = lint({ text, kind: 'markdown', ledger }).findings.filter((f) => f.rule === 'corrected-claim');
      const scan = lint({ text, kind: 'markdown', ledger, only: ['corrected-claim'] });
      assert.equal(scan.findings.length, full.length, text);
      assert.equal(claimPrefilter(ledger)(text), true, text);
    }
    assert.equal(lint({ text: 'The NATO &#99;lassified network.', kind: 'markdown', ledger, only: ['corrected-claim'] }).findings.length, 1);
    // An ampersand alone ("AT&T", "R&D") is no reason to parse.
    assert.equal(claimPrefilter(ledger)('AT&T and R&D, the Q&A.'), false);
  });

  it('finds in an archive scan what the full check finds, however Markdown splits or spells the words', () => {
    // Each word of the claim may be split, and the parts joined by what Markdown removes when it
    // reads a paragraph (emphasis, escapes, link brackets and destinations, references,
    // footnotes, comments, soft hyphens), or a letter may be spelled as a character reference.
    // One wording (anchors searched as substrings) and 41 (one pass over the words: Scanner).
    const small = ledgerOf('NATO classified network');
    const large = ledgerOf('NATO classified network', ...Array.from({ length: 40 }, (_, i) => `zq${String.fromCharCode(97 + (i % 26))}${i} filler`));
    const splits: Array<(a: string, b: string) => string> = [
      (a, b) => a + b, (a, b) => `${a}**${b}**`, (a, b) => `${a}_${b}_`, (a, b) => `${a}\\${b}`, (a, b) => `${a}&shy;${b}`,
      (a, b) => `${a}<!-- c -->${b}`, (a, b) => `${a}[${b}](https://example.org)`, (a, b) => `[${a}](https://example.org)${b}`,
      (a, b) => `${a}[${b}][r]`, (a, b) => `[${a}][r]${b}`, (a, b) => `${a}[^1]${b}`, (a, b) => `${a}<b>${b}</b>`, (a, b) => `${a} ${b}`,
      (a, b) => `${a}\`${b}\``, (a, b) => (b ? `${a}&#${b.charCodeAt(0)};${b.slice(1)}` : a), (a, b) => (b ? `${a}&#x${b.charCodeAt(0).toString(16)};${b.slice(1)}` : a),
      // The word going on after a link through emphasis, an apostrophe or another link, and
      // destinations with brackets, titles or angle brackets (a review found these missed).
      (a, b) => `[${a}](https://example.org)*${b}*`, (a, b) => `[${a}](https://example.org)'${b}`, (a, b) => `[${a}](a(b))${b}`,
      (a, b) => `[${a}](u "t)")${b}`, (a, b) => `[${a}](<a)>)${b}`, (a, b) => `[${a}][r]*${b}*`, (a, b) => `${a}[^1]*${b}*`,
      (a, b) => `[${a}](u)[${b}](v)`, (a, b) => `*${a}*[^1]${b}`,
    ];
    // Each word cut in up to two places, each cut joined by any of the above.
    const word = (w: string) => fc.tuple(fc.integer({ min: 0, max: w.length }), fc.integer({ min: 0, max: w.length }), fc.constantFrom(...splits), fc.constantFrom(...splits))
      .map(([x, y, first, second]) => { const [i, j] = x <= y ? [x, y] : [y, x]; return second(first(w.slice(0, i), w.slice(i, j)), w.slice(j)); });
    let flagged = 0;
    fc.assert(fc.property(word('NATO'), word('classified'), word('network'), fc.constantFrom('', 'The deal covers the ', '"It is the '), fc.boolean(), (a, b, c, lead, many) => {
      const ledger = many ? large : small;
      const text = `${lead}${a} ${b} ${c}, he said.\n\n[r]: https://example.org\n\n[^1]: A note.\n`;
      // The full check as in the editor (each paragraph tested alone) and as in a batch run.
      const full = inMode(false, () => lint({ text, kind: 'markdown', ledger }).findings.filter((f) => f.rule === 'corrected-claim').length);
      assert.equal(inMode(true, () => lint({ text, kind: 'markdown', ledger }).findings.filter((f) => f.rule === 'corrected-claim').length), full, text);
      const scan = lint({ text, kind: 'markdown', ledger, only: ['corrected-claim'] }).findings.length;
      assert.equal(scan, full, text);
      flagged += full;
    }), { numRuns: 2_000 });
    assert.ok(flagged > 300, `only ${flagged} drafts flagged`);
  });

  it('remembers a ledger\'s compiled form and prefilter by its list of entries, and notices a list that grew', () => {
    const entries: LedgerEntry[] = [{ id: 'a', claim: ['NATO classified network'], correction: 'x' }];
    const ledger: Ledger = { entries, files: [] };
    const compiled = compileLedger(ledger);
    const filter = claimPrefilter(ledger);
    assert.equal(compileLedger(ledger), compiled);
    assert.equal(claimPrefilter(ledger), filter);
    // Another list of the same entries (another folder's project) shares them.
    assert.equal(compileLedger({ entries: [...entries], files: [] }), compiled);
    assert.equal(claimPrefilter({ entries: [...entries], files: [] }), filter);
    entries.push({ id: 'b', claim: ['the harbour bridge opened'], correction: 'y' });
    assert.notEqual(compileLedger(ledger), compiled);
    assert.equal(findClaims(ledger, 'They said the harbour bridge opened.').length, 1);
    assert.equal(claimPrefilter(ledger)('They said the harbour bridge opened.'), true);
  });

  it('keeps a split claim as a candidate when its gate changes (every 512 tests, by what drafts held)', () => {
    // "clas" is in every draft and "netw" in few, so the gate turns from "clas" to "netw"; the
    // draft tested just then splits "clas" with an apostrophe. The gate's byte scan and its look
    // at split words must read the same gate (a review found the scan read the old one).
    const test = claimPrefilter(ledgerOf('classified network'));
    for (let i = 0; i < 1_100; i++) {
      if (i % 4 < 3) assert.equal(test(`The classified papers, part ${i}.`), false);
      else assert.equal(test(`The cl'assified network, part ${i}.`), true, `test ${i + 1}`);
    }
  });

  it('treats a claim without a word anchor (a bare number) as possible everywhere', () => {
    assert.equal(claimPrefilter(ledgerOf('1.2 billion'))('Nothing here.'), true);
  });

  it('lets lint skip drafts without a candidate only when corrected-claim alone runs', () => {
    const ledger = ledgerOf('NATO classified network');
    const text = '---\nlang: en\n---\n"Unattributed words here," somebody wrote.\n';
    assert.equal(lint({ text, kind: 'markdown', ledger, only: ['corrected-claim'] }).skipped, true);
    assert.equal(lint({ text, kind: 'markdown', ledger }).skipped, undefined);
  });

  it('agrees with the full matcher on a 10,000-entry ledger', () => {
    const ledger = syntheticLedger(10_000);
    const draft = syntheticDraft(ledger, 800, 2);
    assert.equal(claimPrefilter(ledger)(draft.text), true);
  });
});
