import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint } from '../../server/src/core/engine.js';
import { applyEdits, fixAllEdits, fixAllText } from '../../server/src/core/fixes.js';
import { LineIndex } from '../../server/src/core/line-index.js';
import { loadProject } from '../../server/src/node/project.js';
import type { Finding } from '../../server/src/core/types.js';

// Issue #9.2: every fix Copydesk offers, on every example, fixture and development-corpus text,
// changes only its own range, makes its finding go away, and fix-all never overlaps and is
// idempotent. The corpus (../shared/corpora) is read at test time and never copied here.
const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpora', 'polnear-dev', 'text');

function drafts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...drafts(p));
    else if (/\.(md|markdown|txt)$/i.test(name)) out.push(p);
  }
  return out;
}

interface Checked { files: number; fixes: number; findings: number }

function checkFile(file: string, totals: Checked): void {
  const text = readFileSync(file, 'utf8');
  const kind = /\.(md|markdown)$/i.test(file) ? 'markdown' as const : 'plaintext' as const;
  const project = loadProject(file);
  const run = (t: string) => lint({ text: t, kind, path: file, config: project.config, ledger: project.ledger, locale: 'en' }).findings;
  const findings = run(text);
  const where = relative(ROOT, file);
  totals.files++;
  totals.findings += findings.length;
  const lines = new LineIndex(text);
  for (const f of findings) {
    for (const fix of f.fixes) {
      totals.fixes++;
      const label = `${where} ${f.rule} at ${f.range.start.line + 1}:${f.range.start.character + 1} "${fix.title}"`;
      const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
        .sort((a, b) => a.start - b.start);
      assert.ok(edits.length > 0, `${label}: a fix with no edits`);
      // The edits' positions are exact (no clamping hid a position past a line's end).
      for (const e of fix.edits) for (const p of [e.range.start, e.range.end]) {
        assert.deepEqual(lines.positionAt(lines.offsetAt(p)), p, `${label}: edit position ${JSON.stringify(p)} is not in the draft`);
      }
      const fixed = applyEdits(text, fix.edits);
      assert.notEqual(fixed, text, `${label}: the fix changes nothing`);
      // Only the edited stretches change: the text between and around them is the original's.
      let at = 0;
      let out = 0;
      for (const e of edits) {
        assert.equal(fixed.slice(out, out + e.start - at), text.slice(at, e.start), `${label}: text before an edit changed`);
        out += e.start - at + e.newText.length;
        at = e.end;
      }
      assert.equal(fixed.slice(out), text.slice(at), `${label}: text after the edits changed`);
      // Same rule, same place (the finding's start moved by the edits before it): gone.
      const start = lines.offsetAt(f.range.start);
      const shift = edits.filter((e) => e.end <= start).reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
      const after = new LineIndex(fixed);
      const again = run(fixed).filter((g) => g.rule === f.rule && after.offsetAt(g.range.start) === start + shift && g.message === f.message);
      assert.deepEqual(again.map((g) => g.message), [], `${label}: the finding is still there after its fix`);
    }
  }
  // Fix-all: one pass of preferred fixes never overlaps; all passes twice change nothing more.
  const all = fixAllEdits(text, findings);
  const offs = all.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < offs.length; i++) {
    assert.ok(offs[i].start >= offs[i - 1].end && offs[i].start !== offs[i - 1].start, `${where}: fix-all edits overlap: ${JSON.stringify([offs[i - 1], offs[i]])}`);
  }
  assert.doesNotThrow(() => applyEdits(text, all), `${where}: fix-all edits cannot be applied together`);
  const once = fixAllText(text, findings, run);
  const twice = fixAllText(once.text, once.findings, run);
  assert.equal(twice.text, once.text, `${where}: fix-all is not idempotent`);
  assert.equal(fixAllEdits(once.text, once.findings).length, 0, `${where}: preferred fixes left after fix-all`);
}

describe('reliability: fix safety over examples, fixtures and the development corpus', function () {
  this.timeout(120_000);
  const sets: Array<[string, string[]]> = [
    ['examples', drafts(join(ROOT, 'examples'))],
    ['test fixtures', [...drafts(join(ROOT, 'test', 'fixtures')), ...drafts(join(ROOT, 'test', 'cli', 'fixtures'))]],
    ['polnear-dev corpus', drafts(CORPUS)],
  ];
  for (const [name, files] of sets) {
    it(`${name}: each fix changes only its range and removes its finding; fix-all never overlaps and is idempotent`, function () {
      if (files.length === 0) this.skip(); // the corpus is not in every checkout
      const totals: Checked = { files: 0, fixes: 0, findings: 0 };
      for (const file of files) checkFile(file, totals);
      console.log(`      ${totals.files} drafts, ${totals.findings} findings, ${totals.fixes} fixes checked`);
      if (name !== 'polnear-dev corpus') assert.ok(totals.fixes > 0, 'some fixes were checked');
    });
  }
});
