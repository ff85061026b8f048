import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { copydesk, write, MT, ORIGINAL, LEDGER, CLAIM } from './run-cli.js';

// The official SARIF 2.1.0 schema (OASIS), as shipped in @microsoft/sarif-multitool.
const SARIF_SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));

function sarifValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // Formats the schema uses, checked for real rather than ignored.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv.compile(SARIF_SCHEMA);
}

describe('copydesk check --format (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-fmt-'));
    write(dir, { '.copydesk.yaml': 'ledger: corrections.yaml\n', 'corrections.yaml': LEDGER, 'news/claim.md': CLAIM, 'news/mt.md': MT, 'ok.txt': ORIGINAL });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sarif validates against the SARIF 2.1.0 schema, with rule metadata and fixes', () => {
    const r = copydesk(['check', '--format', 'sarif'], dir);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    const rules = new Map(run.tool.driver.rules.map((x: { id: string }) => [x.id, x]));
    for (const id of ['corrected-claim', 'translation-disclaimer', 'unattributed-quote']) {
      const rule = rules.get(id) as { help: { text: string }; helpUri: string };
      assert.ok(rule.help.text.length > 10, id);
      assert.match(rule.helpUri, new RegExp(`^file://.*/docs/rules/${id}\\.md$`));
    }
    assert.deepEqual(run.results.map((x: { ruleId: string; level: string }) => `${x.level} ${x.ruleId}`), ['error corrected-claim', 'error translation-disclaimer']);
    const claim = run.results[0];
    assert.equal(claim.locations[0].physicalLocation.artifactLocation.uri, 'news/claim.md');
    assert.deepEqual(claim.locations[0].physicalLocation.region, { startLine: 3, startColumn: 30, endLine: 3, endColumn: 53, snippet: { text: 'NATO classified network' } });
    assert.equal(claim.properties.ledgerId, 'nato-network-2026-03');
    assert.equal(claim.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'unclassified');
    // A draft outside the working folder gets an absolute file URL, still valid SARIF.
    write(dir, { 'elsewhere/.keep': '' });
    const outside = copydesk(['check', join(dir, 'news', 'mt.md'), '-f', 'sarif'], join(dir, 'elsewhere'));
    assert.ok(validate(JSON.parse(outside.stdout)), JSON.stringify(validate.errors, null, 2));
    assert.match(JSON.parse(outside.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*\/news\/mt\.md$/);
  });

  it('sarif partialFingerprints survive edits above the finding and change with the ledger id', () => {
    const print = () => JSON.parse(copydesk(['check', 'news/claim.md', '--format', 'sarif'], dir).stdout).runs[0].results[0].partialFingerprints;
    const before = print();
    assert.match(Object.values(before)[0] as string, /^[0-9a-f]{32}$/);
    write(dir, { 'news/claim.md': '# NATO talks\n\nA new first paragraph.\n\nMore   text.\n\n' + CLAIM.split('\n\n')[1] });
    assert.deepEqual(print(), before, 'moved down two paragraphs: same fingerprint');
    write(dir, { 'corrections.yaml': LEDGER.replace('nato-network-2026-03', 'nato-2') });
    assert.notDeepEqual(print(), before, 'another ledger entry: another fingerprint');
  });

  it('sarif fingerprints of identical findings in one file differ', () => {
    write(dir, { 'news/claim.md': CLAIM + '\nAgain: the NATO classified network.\n' });
    const results = JSON.parse(copydesk(['check', 'news/claim.md', '-f', 'sarif'], dir).stdout).runs[0].results;
    assert.equal(results.length, 2);
    assert.notDeepEqual(results[0].partialFingerprints, results[1].partialFingerprints);
  });

  it('github prints workflow annotations, escaped', () => {
    write(dir, { 'news/a,b%.md': MT });
    const r = copydesk(['check', 'news', '--format', 'github'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^::error file=news\/a%2Cb%25\.md,line=5,col=1,endLine=5,endColumn=32,title=Copydesk translation-disclaimer::Machine translation/);
    assert.match(lines[1], /^::error file=news\/claim\.md,line=3,col=30,.*::This repeats a corrected claim/);
    assert.match(lines.at(-1)!, /^✖ 3 findings/);
  });

  it('junit has a suite per draft and errors as failures', () => {
    const r = copydesk(['check', '--format', 'junit'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="copydesk" tests="3" failures="2" errors="0">/);
    assert.match(r.stdout, /<testsuite name="news\/claim\.md" tests="1" failures="1"/);
    assert.match(r.stdout, /<failure type="corrected-claim" message="This repeats a corrected claim: &quot;NATO classified network&quot;/);
    assert.match(r.stdout, /<testcase classname="ok\.txt" name="no findings" file="ok\.txt"\/>/);
    assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, 3);
  });

  it('json keeps its versioned contract whatever else changed', () => {
    const json = JSON.parse(copydesk(['check', '-f', 'json'], dir).stdout);
    assert.deepEqual(Object.keys(json), ['version', 'files', 'summary']);
    assert.equal(json.version, 1);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['news/claim.md', 'news/mt.md', 'ok.txt']);
    assert.deepEqual(Object.keys(json.files[0].findings[0]), ['rule', 'severity', 'message', 'range', 'fixes']);
  });

  it('html is self-contained and escapes what drafts contain', () => {
    write(dir, { 'news/<script>alert(1)</script>.md': MT.replace('# OpenAI', '# <img src=x onerror=alert(1)> OpenAI') });
    const r = copydesk(['check', '--format', 'html'], dir);
    assert.equal(r.code, 1);
    const html = r.stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<img/i);
    assert.match(html, /&#60;img src=x onerror=alert\(1\)&#62; OpenAI/);
    assert.doesNotMatch(html, /(src|href)=["']?https?:/i, 'no external assets');
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;\.md/);
    assert.match(html, /href="vscode:\/\/file\/[^"]*news\/claim\.md:3:30"/);
    assert.match(html, /<svg class="chart"/);
  });
});
