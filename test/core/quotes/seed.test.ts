import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../server/src/core/engine.js';
import { applyEdits } from '../../../server/src/core/fixes.js';
import { analyseQuotations } from '../../../server/src/core/quotes/analyse.js';

// The seed article is read where the project keeps it, never copied into the repository.
const SEED = join(import.meta.dirname, '../../../../shared/seeds/000_c7df4136fac80785.txt');
const RULE = 'unattributed-quote';
const run = (text: string) => lint({ text, kind: 'plaintext', only: [RULE] });

(existsSync(SEED) ? describe : describe.skip)('unattributed-quote on the seed article', () => {
  const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';

  it('finds nothing: its scare quotes are terms and its three quotes are attributed', () => {
    assert.deepEqual(run(seed).findings.filter((f) => f.rule === RULE), []);
    const quotes = analyseQuotations(run(seed).document);
    const speech = quotes.filter((q) => q.kind === 'speech');
    assert.equal(speech.length, 3);
    assert.ok(speech.every((q) => q.attribution));
    assert.deepEqual(quotes.filter((q) => q.kind === 'term').map((q) => q.text), ['unclassified', 'unclassified']);
    assert.equal(speech[0].attribution?.resolvedSpeaker, 'Sam Altman');
    assert.equal(speech[0].attribution?.cue, 'said');
  });

  it('flags a quote-only paragraph after the NATO paragraph once, and fixes it with Sam Altman', () => {
    const at = seed.indexOf('\n\n', seed.indexOf('NATO, a military alliance'));
    assert.ok(at > 0);
    const text = `${seed.slice(0, at)}\n\n"We will not build weapons for anyone, and we will say so in public."${seed.slice(at)}`;
    const findings = run(text).findings.filter((f) => f.rule === RULE);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].message, 'Who said this? The quote has no attribution.');
    const preferred = findings[0].fixes.find((f) => f.isPreferred);
    assert.equal(preferred?.title, 'Attribute to Sam Altman');
    const fixed = applyEdits(text, preferred!.edits);
    assert.ok(fixed.includes('"We will not build weapons for anyone, and we will say so in public," Sam Altman said.'));
    assert.deepEqual(run(fixed).findings.filter((f) => f.rule === RULE), []);
  });
});
