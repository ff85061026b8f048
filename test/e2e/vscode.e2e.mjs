// Copydesk in real VS Code: code-server (VS Code 1.139) in headless Chromium, with the packaged
// extension (dist/copydesk.vsix) installed. One code-server for the whole suite; the drafts are
// opened one after another. For each rule: squiggle + Problems entry + status bar, hover,
// lightbulb, preferred fix, undo, "Copydesk: Fix all in this draft". Screenshots of each state go
// to test-artifacts/e2e/ (a failing step also saves FAILED-*.png and prints the logs).
//
// What the UI shows is checked in the UI; exact text and ranges through a test-only probe
// extension (test/e2e/runner-ext) that reads them from the vscode API.
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { startCodeServer, codeServerAvailable, groupProcesses, CHROMIUM, TOOLS } from './harness/code-server.mjs';
import { SCENARIOS, ALL_THREE, SAME_POINT, REPO, ARTIFACTS, copyWorkspace, original, fixed, requireTool, plural } from './scenarios.mjs';

const VSIX = path.resolve(REPO, process.env.COPYDESK_E2E_VSIX || 'dist/copydesk.vsix');
const FIX_ALL = 'Copydesk: Fix all in this draft';
const SQUIGGLE = (severity) => `.editor-instance .monaco-editor .squiggly-${severity}`;
const ANY_SQUIGGLE = `${SQUIGGLE('error')}, ${SQUIGGLE('warning')}`;

describe('VS Code (code-server): the Copydesk extension', function () {
  this.timeout(90_000);
  let cs;
  let ws;
  let shot = 0;
  let logsDumped = false;
  let t0;

  /** Saves test-artifacts/e2e/vscode-NN-name.png. */
  const screenshot = (name) => cs.screenshot(path.join(ARTIFACTS, `vscode-${String(++shot).padStart(2, '0')}-${name}.png`));
  const state = (file) => cs.probe('/state', { path: file });
  const waitState = (what, file, pred) => cs.waitFor(what, () => state(file), pred);
  const problemRows = () => cs.problems(0);
  const status = () => cs.statusBarItem('copydesk.status');

  /** Waits for the status bar to show these counts ("N blockers" / "Ready", then the warnings). */
  async function expectStatus({ errors, warnings }) {
    const want = errors ? plural(errors, 'blocker') : 'Ready';
    const item = await cs.waitFor(`status bar "${want}"${warnings ? ` + ${warnings} warning(s)` : ''}`, status,
      (s) => !!s && s.text.includes(want) && (warnings ? s.text.endsWith(String(warnings)) : !/\d\s*$/.test(s.text.replace(want, ''))));
    if (errors) assert.match(item.label, /not ready to publish/);
    else assert.match(item.label, warnings ? new RegExp(`ready to publish \\(${plural(warnings, 'warning')} to review\\)`) : /ready to publish$/);
    return item;
  }

  async function expectFindings(file, findings) {
    const s = await waitState(`${findings.length} diagnostic(s) in ${file}`, file, (x) => x.diagnostics.length >= findings.length);
    const got = s.diagnostics.map(({ code, severity, message, range, source }) => ({ code, severity, message, range, source }))
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(got, findings.map((f) => ({ code: f.rule, severity: f.severity, message: f.message, range: f.range, source: 'copydesk' })));
    for (const d of s.diagnostics) assert.ok(d.href?.endsWith(`/docs/rules/${d.code}.md`), `code link of ${d.code}: ${d.href}`);
    return s;
  }

  async function expectCleared(file, text, messages, ms) {
    await cs.waitFor(`the text of ${file} after the fix`, () => state(file), (x) => x.text === text, ms);
    await cs.waitFor(`no diagnostics in ${file}`, () => state(file), (x) => x.diagnostics.length === 0, ms);
    await cs.page.locator(ANY_SQUIGGLE).first().waitFor({ state: 'detached' });
    await cs.waitFor('the Problems entries to go', problemRows, (rows) => !messages.some((m) => rows.some((r) => r.includes(m))));
    await expectStatus({ errors: 0, warnings: 0 });
  }

  before(async function () {
    this.timeout(240_000);
    t0 = Date.now();
    requireTool(this, codeServerAvailable(), `code-server (${TOOLS}) and Chromium (${CHROMIUM})`);
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first`);
    if (!process.env.COPYDESK_E2E_VSIX) {
      const newer = ['dist/extension.cjs', 'dist/server.cjs'].filter((f) => fs.statSync(path.join(REPO, f)).mtimeMs > fs.statSync(VSIX).mtimeMs + 1000);
      assert.deepEqual(newer, [], `${VSIX} is older than ${newer.join(', ')}: run \`npm run package\` (or set COPYDESK_E2E_VSIX)`);
    }
    await fsp.mkdir(ARTIFACTS, { recursive: true });
    for (const f of await fsp.readdir(ARTIFACTS)) if (/^(vscode-|FAILED-vscode).*\.png$/.test(f)) await fsp.rm(path.join(ARTIFACTS, f));
    ws = await copyWorkspace('copydesk-e2e-vscode-');
    // Drafts for the reading-aids step, written before VS Code starts so Quick Open knows them.
    // The seed is read from ../shared at test time and never copied into the repository.
    const seed = path.join(REPO, '..', 'shared', 'seeds', '000_c7df4136fac80785.txt');
    if (fs.existsSync(seed)) await fsp.writeFile(path.join(ws, 'seed-article.md'), `---\nlang: en\ntranslated_from: id\ntranslation: machine\n---\n${await fsp.readFile(seed, 'utf8')}`);
    await fsp.writeFile(path.join(ws, 'harbour-deal.md'), [
      '---', 'lang: en', '---', '', '# Port authority signs the harbour deal', '',
      'The port authority will upgrade the NATO classified network links at the harbour, officials said.', '',
      'Harbour master Ana Ruiz said the work "will start before the winter storms arrive."', '',
      '"We have waited ten years for this," said union leader Tom Becker. "The crews are ready."', '',
      '"Nobody asked the fishermen what they think about the new quay."', '',
    ].join('\n'));

    cs = await startCodeServer({
      vsix: VSIX, workspace: ws, probe: true, timeoutMs: 180_000,
      settings: { 'editor.hover.delay': 150, 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Light Modern' },
    });
    console.log(`      code-server up in ${Date.now() - t0} ms ${JSON.stringify(cs.timings)}`);
  });

  afterEach(async function () {
    if (this.currentTest.state !== 'failed' || !cs) return;
    const name = this.currentTest.fullTitle().replace(/[^\w.-]+/g, '-').slice(0, 120);
    await cs.screenshot(path.join(ARTIFACTS, `FAILED-vscode-${name}.png`)).catch(() => {});
    if (!logsDumped) { logsDumped = true; await cs.dumpLogs(`after "${this.currentTest.title}" failed`); }
    else console.error(`\n---- browser console (last 30 lines)\n${cs.consoleLines.slice(-30).join('\n')}`);
  });

  after(async function () {
    this.timeout(30_000);
    await cs?.stop();
    // Nothing may outlive the suite: code-server's process group (extension host, language server).
    if (ws) await fsp.rm(ws, { recursive: true, force: true });
    if (cs) {
      let left = groupProcesses(cs.pid);
      for (let i = 0; i < 50 && left.length; i++) { await new Promise((r) => setTimeout(r, 100)); left = groupProcesses(cs.pid); }
      assert.deepEqual(left, [], `code-server's process group ${cs.pid} still has live processes`);
    }
    if (t0) console.log(`      VS Code suite: ${Date.now() - t0} ms`);
  });

  for (const s of SCENARIOS) {
    describe(`${s.rule} (${s.file})`, function () {
      let broken = false; // the steps build on each other: after a failure, skip the rest of this rule
      beforeEach(function () { if (broken) { console.log('      skipped: an earlier step of this scenario failed'); this.skip(); } });
      afterEach(function () { if (this.currentTest.state === 'failed') broken = true; });

      it('squiggle, Problems entry with the message, status bar counts', async () => {
        await cs.page.keyboard.press('Escape');
        await cs.openFile(s.file);
        await cs.page.locator(SQUIGGLE(s.severity)).first().waitFor();
        await expectFindings(s.file, [s]);
        const rows = await cs.waitFor('the Problems entry', problemRows, (r) => r.some((x) => x.includes(s.message)));
        assert.ok(rows.some((x) => x.includes(s.message) && x.includes(s.rule)), `Problems rows: ${JSON.stringify(rows)}`);
        await expectStatus(s.status);
        await screenshot(`${s.rule}-1-finding`);
      });

      it("hover over the squiggle: the message and the rule's documentation link", async () => {
        const h = await cs.hover(SQUIGGLE(s.severity));
        assert.ok(h.text.includes(s.message), `hover text: ${h.text}`);
        const link = h.links.find((l) => l.text === s.rule);
        assert.ok(link, `no "${s.rule}" link in the hover: ${JSON.stringify(h.links)}`);
        assert.match(link.href, new RegExp(`/docs/rules/${s.rule}\\.md$`));
        await screenshot(`${s.rule}-2-hover`);
        await cs.page.keyboard.press('Escape');
        await cs.page.mouse.move(5, 5);
      });

      it('lightbulb offers the fixes (preferred: autofix bulb)', async () => {
        const titles = await cs.openCodeActions({ at: SQUIGGLE(s.severity) });
        for (const t of [...s.actions, `Disable ${s.rule} for this line`]) assert.ok(titles.includes(t), `"${t}" not in ${JSON.stringify(titles)}`);
        const bulb = await cs.page.locator('.lightBulbWidget, [class*="codicon-gutter-lightbulb"]').first().evaluate((el) => el.outerHTML);
        assert.match(bulb, /auto-?fix/i, `the lightbulb does not show a preferred fix: ${bulb.slice(0, 300)}`);
        await screenshot(`${s.rule}-3-lightbulb`);
      });

      it(`the preferred fix "${s.preferred}" changes the text; the finding disappears`, async () => {
        await cs.pickCodeAction(s.preferred);
        await expectCleared(s.file, fixed(s.file), [s.message]);
        await screenshot(`${s.rule}-4-fixed`);
      });

      it(`undo brings it back; "${FIX_ALL}" fixes it`, async () => {
        await cs.page.keyboard.press('Control+Z');
        await waitState('the original text after undo', s.file, (x) => x.text === original(s.file));
        await expectFindings(s.file, [s]);
        await cs.page.locator(SQUIGGLE(s.severity)).first().waitFor();
        await expectStatus(s.status);
        await cs.runCommand(FIX_ALL);
        await expectCleared(s.file, fixed(s.file), [s.message]);
        await screenshot(`${s.rule}-5-fix-all`);
      });
    });
  }

  describe(`all three rules in one draft (${ALL_THREE.file})`, function () {
    it('three findings: two error squiggles, a warning, three Problems entries, "2 blockers" + 1 warning', async () => {
      await cs.page.keyboard.press('Escape');
      await cs.openFile(ALL_THREE.file);
      await cs.page.locator(SQUIGGLE('error')).first().waitFor();
      await cs.page.locator(SQUIGGLE('warning')).first().waitFor();
      await expectFindings(ALL_THREE.file, ALL_THREE.findings);
      const rows = await cs.waitFor('three Problems entries', problemRows,
        (r) => ALL_THREE.findings.every((f) => r.some((x) => x.includes(f.message) && x.includes(f.rule))));
      assert.ok(rows.length >= 3);
      await expectStatus(ALL_THREE.status);
      await screenshot('all-three-1-findings');
      const h = await cs.hover(SQUIGGLE('warning'));
      assert.ok(h.text.includes(ALL_THREE.findings[2].message));
      await screenshot('all-three-2-hover-quote');
      await cs.page.keyboard.press('Escape');
      await cs.page.mouse.move(5, 5);
    });

    it(`"${FIX_ALL}" fixes all three; status "Ready"`, async () => {
      await cs.runCommand(FIX_ALL);
      await expectCleared(ALL_THREE.file, fixed(ALL_THREE.file), ALL_THREE.findings.map((f) => f.message));
      await screenshot('all-three-3-fix-all');
    });
  });

  describe(`two fixes at the same point (${SAME_POINT.file}: the quote is the last paragraph)`, function () {
    it(`"${FIX_ALL}" fixes all three in one go`, async () => {
      await cs.page.keyboard.press('Escape');
      await cs.openFile(SAME_POINT.file);
      await expectFindings(SAME_POINT.file, SAME_POINT.findings);
      await expectStatus(SAME_POINT.status);
      await cs.runCommand(FIX_ALL);
      await waitState('the disclaimer to be added', SAME_POINT.file, (x) => x.text !== original(SAME_POINT.file));
      await cs.waitFor('the diagnostics of the edited text', () => state(SAME_POINT.file), (x) => x.diagnostics.length < 3);
      await screenshot('same-point-fix-all');
      const s = await state(SAME_POINT.file).catch(() => ({}));
      try {
        // Everything else has settled by now (the disclaimer is in): no need to wait long.
        await expectCleared(SAME_POINT.file, fixed(SAME_POINT.file), SAME_POINT.findings.map((f) => f.message), 10_000);
      } catch (e) {
        e.message += `\nleft after Fix all: ${JSON.stringify(s.diagnostics?.map((d) => d.code))}\ntext:\n${s.text}`;
        throw e;
      }
    });
  });

  describe('reading aids on the seed article: inlay hints, Sources outline, summary lens', function () {
    const seed = path.join(REPO, '..', 'shared', 'seeds', '000_c7df4136fac80785.txt');
    it('shows the lens, the speakers in the outline and the hints; screenshot for the README', async function () {
      if (!fs.existsSync(seed)) this.skip();
      await cs.openFile('seed-article.md');
      const lens = cs.page.locator('.editor-instance .monaco-editor .codelens-decoration').first();
      await lens.waitFor();
      assert.match(await lens.innerText(), /quotes.*attributed.*correction.*disclaimer/);
      await cs.runCommand('Explorer: Focus on Outline View');
      const speaker = cs.page.locator('.monaco-list-row', { hasText: 'Sam Altman' }).first();
      await speaker.waitFor();
      // Inlay hints are drawn as injected text after each quotation.
      await cs.waitFor('the speaker hint after a quotation', () => cs.page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((el) => {
        for (const span of el.querySelectorAll('span')) {
          const before = getComputedStyle(span, '::before').content + getComputedStyle(span, '::after').content;
          // Monaco draws spaces as no-break spaces: look for the dash alone.
          if ((span.textContent ?? '').includes('—') || before.includes('—')) return true;
        }
        return false;
      }), (found) => found === true);
      await screenshot('annotations-seed');

      // The same on a draft of our own (invented text), the picture the README shows.
      await cs.openFile('harbour-deal.md');
      await cs.page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: 'quotes' }).first().waitFor();
      await cs.page.locator('.monaco-list-row', { hasText: 'Tom Becker' }).first().waitFor();
      await screenshot('annotations-readme');

    });
  });

  describe('crash recovery', function () {
    /** Language-server processes of the installed extension (not the repository's dist/, which Neovim tests use). */
    const serverPids = () => execSync('ps -eo pid=,args=', { encoding: 'utf8' }).split('\n')
      .filter((l) => l.includes('/dist/server.cjs') && !l.includes(path.join(REPO, 'dist')))
      .map((l) => Number(l.trim().split(/\s+/)[0]));

    it('the client restarts a killed server, and the new one checks the draft', async () => {
      await cs.openFile('harbour-deal.md');
      await waitState('the corrected claim', 'harbour-deal.md', (x) => x.diagnostics.some((d) => d.code === 'corrected-claim'));
      const before = serverPids();
      assert.ok(before.length >= 1, 'a server process is running');
      for (const pid of before) process.kill(pid, 'SIGKILL');
      await cs.waitFor('a new server process', async () => serverPids(), (pids) => pids.length > 0 && pids.every((p) => !before.includes(p)), 60_000);
      // Only a working server can flag a claim typed after the crash.
      await cs.page.keyboard.press('Control+End');
      await cs.page.keyboard.type('\nThe NATO classified network is mentioned again.\n');
      await waitState('two corrected claims from the new server', 'harbour-deal.md',
        (x) => x.diagnostics.filter((d) => d.code === 'corrected-claim').length === 2);
      await screenshot('crash-recovery');
    });
  });
});
