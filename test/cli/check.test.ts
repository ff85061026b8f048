import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');

function copydesk(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MT = '---\nlang: en\ntranslated_from: id\n---\n# OpenAI weighs a NATO contract\n\nJAKARTA - OpenAI is considering a contract on NATO networks, a source said.\n';
const ORIGINAL = '# Hujan deras di Jakarta\n\nHujan deras mengguyur Jakarta sejak pagi dan menyebabkan banjir di beberapa wilayah.\n';

describe('copydesk check (CLI)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-cli-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says so when nothing is wrong', () => {
    writeFileSync(join(dir, 'a.md'), ORIGINAL);
    const r = copydesk(['check', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '✔ 1 draft checked, no problems\n');
  });

  it('exits 1 on an error-level finding and prints file, line:col, severity, message, rule', () => {
    writeFileSync(join(dir, 'mt.md'), MT);
    const r = copydesk(['check', 'mt.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^mt\.md\n  5:1  error  Machine translation from Indonesian into English has no disclaimer\..*  translation-disclaimer\n/);
    assert.match(r.stdout, /✖ 1 finding \(1 error, 0 warnings, 0 info\) in 1 draft\n$/);
  });

  it('--format json follows the versioned contract', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'mt.md'), MT);
    writeFileSync(join(dir, 'ok.txt'), ORIGINAL);
    writeFileSync(join(dir, 'ignored.html'), '<p>not a draft</p>');
    const r = copydesk(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.summary, { files: 2, errors: 1, warnings: 0, infos: 0 });
    assert.deepEqual(json.files.map((f: { path: string; language: string }) => [f.path, f.language]), [['ok.txt', 'id'], ['sub/mt.md', 'en']]);
    const [finding] = json.files[1].findings;
    assert.deepEqual(Object.keys(finding), ['rule', 'severity', 'message', 'range', 'fixes']);
    assert.deepEqual(finding.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 31 } });
    assert.deepEqual(Object.keys(finding.fixes[0]), ['title', 'isPreferred', 'edits']);
    assert.deepEqual(finding.fixes[0].edits[0].range.start, { line: 6, character: 75 });
  });

  it('--fix applies preferred fixes, writes the file, and then exits 0', () => {
    writeFileSync(join(dir, 'mt.md'), MT);
    const r = copydesk(['check', '--fix', 'mt.md'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(readFileSync(join(dir, 'mt.md'), 'utf8'), MT + '\nThis article was machine-translated from Indonesian and may contain translation errors. The original Indonesian version prevails.\n');
    assert.deepEqual(readdirSync(dir), ['mt.md'], 'no temporary file left behind');
    assert.equal(copydesk(['check', 'mt.md'], dir).code, 0);
  });

  it('--rule limits the run to one rule', () => {
    writeFileSync(join(dir, 'mt.md'), MT);
    assert.equal(copydesk(['check', 'mt.md', '--rule', 'unattributed-quote'], dir).code, 0);
    assert.equal(copydesk(['check', 'mt.md', '--rule', 'translation-disclaimer'], dir).code, 1);
  });

  it('exits 2 with file:line: message on a bad configuration', () => {
    writeFileSync(join(dir, '.copydesk.yaml'), 'primaryLanguage: id\nrules:\n  translation-disclaimer: loud\n');
    writeFileSync(join(dir, 'a.md'), ORIGINAL);
    const r = copydesk(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.copydesk\.yaml:3: rules\.translation-disclaimer: /);
    assert.equal(r.stdout, '');
  });

  it('exits 2 on broken YAML in the configuration, at its line', () => {
    writeFileSync(join(dir, '.copydesk.yaml'), 'primaryLanguage: id\nrules: [unclosed\n');
    writeFileSync(join(dir, 'a.md'), ORIGINAL);
    const r = copydesk(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.copydesk\.yaml:\d: not valid YAML/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(copydesk(['check', 'nope.md'], dir).code, 2);
    assert.equal(copydesk(['check', '--format', 'xml'], dir).code, 2);
    assert.equal(copydesk(['check', '--rule', 'no-such-rule'], dir).code, 2);
    assert.equal(copydesk(['frobnicate'], dir).code, 2);
    assert.equal(copydesk(['check', '--bogus'], dir).code, 2);
    assert.equal(copydesk([], dir).code, 2);
    assert.equal(copydesk(['--help'], dir).code, 0);
  });

  it('treats a binary file as a notice, not a crash', () => {
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    const r = copydesk(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.stdout).files[0].findings[0].rule, 'draft-input');
  });

  it('checks the bundled examples as the README says', () => {
    const r = copydesk(['check', 'examples', '--format', 'json'], ROOT);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    const byFile = Object.fromEntries(json.files.map((f: { path: string; findings: Array<{ rule: string; severity: string }> }) => [f.path, f.findings.map((x) => `${x.severity} ${x.rule}`)]));
    assert.deepEqual(byFile['examples/mt-missing-disclaimer.md'], ['error translation-disclaimer']);
    assert.deepEqual(byFile['examples/mt-with-disclaimer.md'], []);
  });
});
