import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { copydesk, write, ROOT, MT, ORIGINAL, LEDGER, CLAIM } from './run-cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe('copydesk check --format html in a browser', function () {
  this.timeout(90_000);
  let dir: string;
  let profile: string;
  let browser: BrowserContext;

  before(async () => {
    // The test installs nothing: CI provides the browser (.ci/run: apt-get install -y chromium).
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
    profile = mkdtempSync(join(tmpdir(), 'copydesk-chromium-'));
    // A fresh profile per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-html-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('renders with no console errors, the right counts, and a screenshot', async () => {
    write(dir, {
      '.copydesk.yaml': 'ledger: corrections.yaml\nrules:\n  unattributed-quote: warning\n',
      'corrections.yaml': LEDGER,
      'desk/nato-talks.md': CLAIM + '\nOfficials again mentioned the NATO classified network on Friday.\n',
      'desk/nato-talks-en.md': MT,
      'desk/banjir.md': ORIGINAL,
      'desk/weather.txt': ORIGINAL,
      'world/<odd & name>.md': MT.replace('# OpenAI', '# "Quoted" <b>OpenAI</b>'),
    });
    const r = copydesk(['check', '-f', 'html', '-o', 'report.html'], dir);
    assert.equal(r.code, 1, r.stderr);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (q) => { if (!q.url().startsWith('file:')) problems.push(`request: ${q.url()}`); });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
    const cards = await page.locator('.card').allInnerTexts();
    assert.deepEqual(cards.map((c) => c.replace(/\s+/g, ' ').trim()), [
      '5 drafts checked', '2 ready to publish', '3 drafts with blockers', '4 findings (4 errors, 0 warnings, 0 info)',
    ]);
    const statuses = await page.locator('#drafts tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[1].textContent, r.children[0].textContent]));
    assert.deepEqual(statuses, [
      ['desk/banjir.md', 'ready'], ['desk/nato-talks-en.md', '1 blocker'], ['desk/nato-talks.md', '2 blockers'],
      ['desk/weather.txt', 'ready'], ['world/<odd & name>.md', '1 blocker'],
    ]);
    assert.equal(await page.locator('svg.chart rect').count(), 2, 'one bar per rule with findings');
    const body = await page.locator('body').innerText();
    assert.match(body, /Indonesian \(id\)/);
    assert.match(body, /English \(en\)/);
    assert.match(body, /Suggested fix: Replace with 'NATO unclassified network'/);
    assert.match(body, /# "Quoted" <b>OpenAI<\/b> weighs a NATO contract/, 'draft text shown as text, not markup');
    const link = await page.locator('.finding a').first().getAttribute('href');
    assert.match(link!, /^vscode:\/\/file\/.*\/desk\/nato-talks-en\.md:5:1$/);
    assert.equal(await page.locator('mark').first().innerText(), '# OpenAI weighs a NATO contract');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
