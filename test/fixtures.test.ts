/**
 * Rule fixtures: test/fixtures/<rule-id>/(any subfolders)/<case>.(md|txt) with
 *   <case>.expected.json  [{ "rule", "severity", "range": "line:col-line:col" (1-based), "message" }]
 *                         every finding of that rule (and of the engine's front-matter/suppression)
 *   <case>.fixed.(md|txt) optional: the text after applying the rule's preferred fixes (fix-all);
 *                         it is linted again and must have no finding of that rule at all.
 * A folder may hold .copydesk.yaml and corrections.yaml; they apply as in real use.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixAll, lintAs, rangeLabel } from './helpers/lint-file.js';

const ROOT = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

function* drafts(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* drafts(p);
    else if (/\.(md|txt)$/.test(name) && !/\.fixed\.(md|txt)$/.test(name)) yield p;
  }
}

for (const ruleId of readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()).sort()) {
  describe(`fixtures: ${ruleId}`, () => {
    for (const file of drafts(join(ROOT, ruleId))) {
      const base = file.replace(/\.(md|txt)$/, '');
      const ext = file.slice(base.length);
      it(relative(join(ROOT, ruleId), file), () => {
        const text = readFileSync(file, 'utf8');
        const relevant = (r: string) => r === ruleId || r === 'front-matter' || r === 'suppression';
        const actual = lintAs(file, text).findings.filter((f) => relevant(f.rule))
          .map((f) => ({ rule: f.rule, severity: f.severity, range: rangeLabel(f), message: f.message }));
        const expectedPath = `${base}.expected.json`;
        if (UPDATE) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
        assert.ok(existsSync(expectedPath), `missing ${expectedPath}`);
        assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));

        const fixedPath = `${base}.fixed${ext}`;
        if (UPDATE && actual.some((a) => a.rule === ruleId)) {
          const fixed = fixAll(file, text, ruleId);
          if (fixed !== text) writeFileSync(fixedPath, fixed);
        }
        if (existsSync(fixedPath)) {
          const expectedFixed = readFileSync(fixedPath, 'utf8');
          assert.equal(fixAll(file, text, ruleId), expectedFixed, 'fix-all output');
          const again = lintAs(file, expectedFixed).findings.filter((f) => f.rule === ruleId);
          assert.deepEqual(again.map((f) => `${rangeLabel(f)} ${f.message}`), [], 'fixed text re-lints clean');
        }
      });
    }
  });
}
