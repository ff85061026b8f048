import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine.js';
import { applyEdits, fixAllEdits } from '../../server/src/core/fixes.js';
import type { DraftKind } from '../../server/src/core/document.js';

// A real English machine translation from Indonesian, with its own disclaimer footer. It is read
// at run time from the shared seeds folder beside the repository and never copied into it.
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_c7df4136fac80785.txt');
const FRONT_MATTER = '---\nlang: en\ntranslated_from: id\ntranslation: machine\n---\n';
const RULE = 'translation-disclaimer';

describe('seed: a real machine-translated article', function () {
  before(function () {
    if (!existsSync(SEED)) {
      console.warn(`    (skipped: seed article not found at ${SEED})`);
      this.skip();
    }
  });

  const findings = (text: string, kind: DraftKind) => lint({ text, kind }).findings.filter((f) => f.rule === RULE);

  for (const kind of ['plaintext', 'markdown'] as const) {
    it(`its own footer is a valid disclaimer (${kind})`, () => {
      const seed = readFileSync(SEED, 'utf8');
      assert.deepEqual(findings(FRONT_MATTER + seed, kind), []);
    });

    it(`without its footer it gets exactly one error, and the fix makes it clean (${kind})`, () => {
      const seed = readFileSync(SEED, 'utf8').trimEnd();
      const cut = seed.slice(0, seed.lastIndexOf('\n\n')).trimEnd() + '\n';
      assert.ok(!/automatically generated/.test(cut), 'footer removed');
      const text = FRONT_MATTER + cut;
      const before = findings(text, kind);
      assert.deepEqual(before.map((f) => [f.severity, f.range.start.line, f.message]), [
        ['error', 5, 'Machine translation from Indonesian into English has no disclaimer. Tell readers the article was machine-translated and name Indonesian as the original language.'],
      ]);
      const fixed = applyEdits(text, fixAllEdits(text, before));
      assert.equal(fixed, `${text}\nThis article was machine-translated from Indonesian and may contain translation errors. The original Indonesian version prevails.\n`);
      assert.deepEqual(findings(fixed, kind), []);
    });

    it(`as an original (no front matter) its footer gets an info (${kind})`, () => {
      const seed = readFileSync(SEED, 'utf8');
      const result = findings(seed, kind);
      assert.deepEqual(result.map((f) => [f.severity, f.range.start.line, f.range.start.character]), [['info', seed.trimEnd().split('\n').length - 1, 0]]);
      assert.match(result[0].message, /not marked as a translation/);
    });
  }
});
