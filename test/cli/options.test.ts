import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copydesk, write, MT, ORIGINAL, WARN_CONFIG, LEDGER, CLAIM } from './run-cli.js';

describe('copydesk check options (CLI)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-opt-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--fix-dry-run prints a unified diff that git applies, and changes nothing', () => {
    write(dir, { '.copydesk.yaml': 'ledger: corrections.yaml\n', 'corrections.yaml': LEDGER, 'a.md': CLAIM, 'mt.md': MT, 'ok.md': ORIGINAL });
    const r = copydesk(['check', '--fix-dry-run'], dir);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), CLAIM, 'untouched');
    assert.equal(readFileSync(join(dir, 'mt.md'), 'utf8'), MT, 'untouched');
    assert.equal(r.code, 0, 'nothing would be left after the fixes');
    assert.equal(r.stdout, [
      '--- a/a.md', '+++ b/a.md', '@@ -1,3 +1,3 @@', ' # NATO talks', ' ',
      '-OpenAI is in talks about the NATO classified network, officials said.',
      '+OpenAI is in talks about the NATO unclassified network, officials said.',
      '--- a/mt.md', '+++ b/mt.md', '@@ -5,3 +5,5 @@', ' # OpenAI weighs a NATO contract', ' ',
      ' JAKARTA - OpenAI is considering a contract on NATO networks, a source said.', '+',
      '+This article was machine-translated from Indonesian and may contain translation errors. The original Indonesian version prevails.', '',
    ].join('\n'));
    assert.match(r.stderr, /^✔ 3 drafts checked, no problems after fixes\n$/);
    // The diff is exactly what --fix writes.
    writeFileSync(join(dir, 'fixes.patch'), r.stdout);
    const apply = spawnSync('git', ['apply', '--unsafe-paths', 'fixes.patch'], { cwd: dir, encoding: 'utf8' });
    assert.equal(apply.status, 0, apply.stderr);
    const patched = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8'));
    write(dir, { 'a.md': CLAIM, 'mt.md': MT });
    assert.equal(copydesk(['check', '--fix'], dir).code, 0);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(dir, f), 'utf8')), patched);
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    write(dir, { '.copydesk.yaml': WARN_CONFIG, 'a.md': MT, 'b.md': MT });
    assert.equal(copydesk(['check'], dir).code, 0, 'warnings alone pass');
    assert.equal(copydesk(['check', '--max-warnings', '2'], dir).code, 0);
    const r = copydesk(['check', '--max-warnings', '1'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal(copydesk(['check', '--max-warnings', '0', '--quiet'], dir).code, 1, '--quiet hides warnings but still counts them');
    assert.equal(copydesk(['check', '--max-warnings', '-1'], dir).code, 2);
    assert.equal(copydesk(['check', '--max-warnings', 'lots'], dir).code, 2);
  });

  it('--quiet reports errors only', () => {
    write(dir, { '.copydesk.yaml': `${WARN_CONFIG}ledger: corrections.yaml\n`, 'corrections.yaml': LEDGER, 'claim.md': CLAIM, 'mt.md': MT });
    const loud = JSON.parse(copydesk(['check', '-f', 'json'], dir).stdout);
    assert.deepEqual(loud.summary, { files: 2, errors: 1, warnings: 1, infos: 0 });
    const r = copydesk(['check', '-f', 'json', '--quiet'], dir);
    assert.equal(r.code, 1);
    const quiet = JSON.parse(r.stdout);
    assert.deepEqual(quiet.summary, { files: 2, errors: 1, warnings: 0, infos: 0 });
    assert.deepEqual(quiet.files.map((f: { findings: unknown[] }) => f.findings.length), [1, 0]);
  });

  it('--output writes the report to a file (creating its folder) instead of stdout', () => {
    write(dir, { 'mt.md': MT });
    const r = copydesk(['check', '-f', 'sarif', '--output', 'reports/copydesk.sarif'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'reports', 'copydesk.sarif'), 'utf8')).version, '2.1.0');
    assert.deepEqual(readdirSync(join(dir, 'reports')), ['copydesk.sarif'], 'no temporary file left');
    write(dir, { 'file-not-folder': 'x' });
    assert.equal(copydesk(['check', '-o', 'file-not-folder/r.json'], dir).code, 2);
  });

  it('worker threads give byte-identical output to a single thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`d${String(i % 7)}/draft-${i}.md`] = i % 3 ? ORIGINAL : MT;
    write(dir, files);
    const one = copydesk(['check', '-f', 'json', '--workers', '1'], dir, { COPYDESK_STATS: '1' });
    const three = copydesk(['check', '-f', 'json', '--workers', '3'], dir, { COPYDESK_STATS: '1' });
    assert.equal(three.stdout, one.stdout);
    assert.equal(three.code, 1);
    assert.match(one.stderr, /copydesk-stats \{"files":60,.*"workers":1/);
    assert.match(three.stderr, /copydesk-stats \{"files":60,.*"workers":3/);
    assert.equal(copydesk(['check', '--workers', '0'], dir).code, 2);
  });

  it('exit codes: 0 clean, 1 error-level finding, 2 usage or configuration error', () => {
    write(dir, { 'ok.md': ORIGINAL, 'mt.md': MT });
    assert.equal(copydesk(['check', 'ok.md'], dir).code, 0);
    assert.equal(copydesk(['check', 'mt.md'], dir).code, 1);
    assert.equal(copydesk(['check', '--fix', '--fix-dry-run'], dir).code, 2);
    assert.equal(copydesk(['check', '--format', 'pdf'], dir).code, 2);
    assert.equal(copydesk(['check', '--changed-since='], dir).code, 2);
    write(dir, { '.copydesk.yaml': 'ledger: missing.yaml\n' });
    const r = copydesk(['check'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.copydesk\.yaml:1: ledger: cannot read/);
  });
});

describe('copydesk init (CLI)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-init-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a valid, commented config and ledger that check accepts', () => {
    const r = copydesk(['init'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote \.copydesk\.yaml\nwrote corrections\.yaml\n/);
    assert.match(readFileSync(join(dir, '.copydesk.yaml'), 'utf8'), /^# Copydesk configuration/);
    assert.match(readFileSync(join(dir, 'corrections.yaml'), 'utf8'), /^corrections: \[\]$/m);
    write(dir, { 'a.md': ORIGINAL, 'mt.md': MT });
    const check = copydesk(['check', '-f', 'json'], dir);
    assert.equal(check.stderr, '');
    assert.equal(check.code, 1, 'the starter config keeps the disclaimer rule an error');
  });

  it('refuses to overwrite without --force (exit 2), and overwrites with it', () => {
    write(dir, { 'corrections.yaml': LEDGER });
    const r = copydesk(['init'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /corrections\.yaml already exists; use --force/);
    assert.equal(readFileSync(join(dir, 'corrections.yaml'), 'utf8'), LEDGER);
    assert.equal(existsSync(join(dir, '.copydesk.yaml')), false, 'all or nothing');
    assert.equal(copydesk(['init', '--force'], dir).code, 0);
    assert.notEqual(readFileSync(join(dir, 'corrections.yaml'), 'utf8'), LEDGER);
  });

  it('initialises another folder, and wires `ledger import` as a command', () => {
    write(dir, { 'desk/.keep': '' });
    assert.equal(copydesk(['init', 'desk'], dir).code, 0);
    assert.ok(existsSync(join(dir, 'desk', '.copydesk.yaml')));
    assert.equal(copydesk(['init', 'nowhere'], dir).code, 2);
    assert.equal(copydesk(['ledger', 'import', '--help'], dir).code, 0);
    assert.equal(copydesk(['ledger', 'frob'], dir).code, 2);
  });
});
