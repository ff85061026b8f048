// Drives a real VS Code (code-server, installed by test/e2e/setup.sh) with
// headless Debian Chromium through playwright-core.
//
//   const cs = await startCodeServer({ vsix: 'dist/copydesk.vsix', workspace: dir });
//   await cs.openFile('draft.md');
//   await cs.page.waitForSelector('.monaco-editor .squiggly-warning');
//   await cs.stop();
//
// Everything lives in one temp folder (user data, extensions, XDG dirs, TMPDIR);
// code-server runs in its own process group, which stop() kills.
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
export const TOOLS = process.env.COPYDESK_TOOLS || path.join(os.homedir(), '.cache', 'copydesk-e2e');
export const CHROMIUM = process.env.COPYDESK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Paths of the code-server install, from env or from setup.sh's env.sh; null if not installed. */
export function findCodeServer() {
  const env = { ...process.env };
  const envFile = path.join(TOOLS, 'env.sh');
  if (!(env.CODE_SERVER_BIN && env.CODE_SERVER_NODE) && fs.existsSync(envFile)) {
    for (const m of fs.readFileSync(envFile, 'utf8').matchAll(/^export (\w+)="(.*)"$/gm)) env[m[1]] ??= m[2];
  }
  const { CODE_SERVER_BIN: bin, CODE_SERVER_NODE: node } = env;
  return bin && node && fs.existsSync(bin) && fs.existsSync(node) ? { bin, node } : null;
}

/** Whether code-server and chromium are installed (for skipping tests). */
export function codeServerAvailable() {
  return !!findCodeServer() && fs.existsSync(CHROMIUM);
}

export async function freePort() {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * Packs an unpacked extension folder (package.json + files) into a .vsix (a zip with
 * extension.vsixmanifest, [Content_Types].xml and extension/). Uses Debian's `zip`.
 */
export async function packVsix(folder, outFile) {
  const pkg = JSON.parse(await fsp.readFile(path.join(folder, 'package.json'), 'utf8'));
  const stage = await fsp.mkdtemp(path.join(os.tmpdir(), 'vsix-'));
  try {
    await fsp.cp(folder, path.join(stage, 'extension'), { recursive: true });
    const esc = (s) => String(s).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    await fsp.writeFile(path.join(stage, 'extension.vsixmanifest'), `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata>
    <Identity Language="en-US" Id="${esc(pkg.name)}" Version="${esc(pkg.version)}" Publisher="${esc(pkg.publisher)}"/>
    <DisplayName>${esc(pkg.displayName || pkg.name)}</DisplayName>
    <Description xml:space="preserve">${esc(pkg.description || '')}</Description>
    <Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="${esc(pkg.engines?.vscode || '*')}"/></Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Dependencies/>
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true"/></Assets>
</PackageManifest>
`);
    await fsp.writeFile(path.join(stage, '[Content_Types].xml'), `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".vsixmanifest" ContentType="text/xml"/><Default Extension=".js" ContentType="application/javascript"/><Default Extension=".cjs" ContentType="application/javascript"/><Default Extension=".mjs" ContentType="application/javascript"/><Default Extension=".md" ContentType="text/markdown"/></Types>
`);
    outFile = path.resolve(outFile);
    await fsp.rm(outFile, { force: true });
    await run('zip', ['-q', '-r', '-X', outFile, '.'], { cwd: stage });
    return outFile;
  } finally {
    await fsp.rm(stage, { recursive: true, force: true });
  }
}

/**
 * Live (non-zombie) processes of process group `pgid`, read from /proc: [{pid, state, comm}].
 * Zombies are left out: they run nothing and wait for their (possibly non-reaping) parent.
 */
export function groupProcesses(pgid) {
  const out = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let stat;
    try { stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    const m = /^\d+ \((.*)\) (\S) \d+ (\d+)/s.exec(stat);
    if (m && Number(m[3]) === pgid && m[2] !== 'Z' && m[2] !== 'X') out.push({ pid: Number(pid), state: m[2], comm: m[1] });
  }
  return out;
}

/** Test-only extension answering questions through the vscode API (see its extension.js). */
export const PROBE_EXTENSION = fileURLToPath(new URL('../runner-ext', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Server log, extension-host log, and output channels of extensions other than built-in ones.
const isInterestingLog = (f) => f.endsWith('.log') && (/\/(remoteagent|remoteexthost)\.log$/.test(f)
  || /\/exthost\d*\/output_logging_[^/]+\//.test(f) || /\/exthost\d*\/(?!vscode\.)[^/]+\/[^/]+$/.test(f));

// Running code-servers (process group id -> temp folder), killed and removed if the test
// process exits or is interrupted without stop().
const live = new Map();
const killGroup = (pid, sig) => { try { process.kill(-pid, sig); } catch {} };
const killAll = () => {
  for (const [pid, tmp] of live) {
    killGroup(pid, 'SIGKILL');
    if (!process.env.COPYDESK_E2E_KEEP) try { fs.rmSync(tmp, { recursive: true, force: true }); } catch {}
  }
};
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    killAll();
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig); // keep the default: die by it
  });
}

async function listFiles(dir) {
  const out = [];
  for (const e of await fsp.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (e.isFile()) out.push(path.join(e.parentPath ?? e.path, e.name));
  }
  return out.sort();
}

/**
 * Starts code-server + Chromium and opens `workspace`.
 * @param {object} o
 * @param {string} o.workspace            folder to open
 * @param {string|string[]} [o.vsix]      .vsix file(s) to install (the product)
 * @param {string[]} [o.extensionFolders] unpacked extension folders, packed with packVsix and installed too
 * @param {object} [o.settings]           written to the user settings.json
 * @param {object} [o.env]                extra environment for code-server (and so the extension host)
 * @param {number} [o.timeoutMs=120000]   for start-up steps
 * @param {number} [o.actionTimeoutMs=60000] playwright's default for page actions and waits
 * @param {boolean} [o.probe]           also install test/e2e/runner-ext, for h.probe()
 * @param {boolean} [o.keepTemp]          keep the temp folder after stop() (also COPYDESK_E2E_KEEP=1)
 */
export async function startCodeServer(o) {
  const cs = findCodeServer();
  if (!cs) throw new Error(`code-server not installed: run test/e2e/setup.sh (tools folder ${TOOLS})`);
  const timeout = o.timeoutMs ?? 120_000;
  const t0 = Date.now();
  const timings = {};
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'copydesk-cs-'));
  const d = (n) => path.join(tmp, n);
  for (const n of ['data/User', 'ext', 'config', 'xdgdata', 'cache', 'runtime', 'tmp']) await fsp.mkdir(d(n), { recursive: true });
  await fsp.chmod(d('runtime'), 0o700);
  await fsp.writeFile(d('data/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'update.mode': 'none',
    'security.workspace.trust.enabled': false, 'chat.disableAIFeatures': true, 'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'remote.autoForwardPorts': false, // else a port the extension host listens on shows in the status bar
    ...o.settings,
  }, null, 2));
  const env = {
    // No extension gallery: nothing to fetch on this closed network.
    EXTENSIONS_GALLERY: '{}',
    ...process.env, ...o.env,
    XDG_CONFIG_HOME: d('config'), XDG_DATA_HOME: d('xdgdata'), XDG_CACHE_HOME: d('cache'),
    XDG_RUNTIME_DIR: d('runtime'), TMPDIR: d('tmp'),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to an outer VS Code
  const common = ['--user-data-dir', d('data'), '--extensions-dir', d('ext')];
  // The probe extension (test/e2e/runner-ext) writes its HTTP port here.
  const probeFile = d('probe-port');
  if (o.probe) env.COPYDESK_E2E_PROBE_FILE = probeFile;
  const output = [];
  const consoleLines = [];
  let proc, browser;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await browser?.close().catch(() => {});
    if (proc) {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = once(proc, 'exit');
        killGroup(proc.pid, 'SIGTERM');
        const t = setTimeout(() => killGroup(proc.pid, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      killGroup(proc.pid, 'SIGKILL'); // stragglers in the group (extension host, language servers)
      live.delete(proc.pid);
    }
    if (!(o.keepTemp || process.env.COPYDESK_E2E_KEEP)) await fsp.rm(tmp, { recursive: true, force: true }).catch(() => {});
  };

  /** Text of all logs: code-server output, extension-host/server logs, browser console. */
  const logs = async () => {
    const parts = [`== code-server output\n${output.join('')}`];
    for (const f of await listFiles(d('data/logs'))) {
      if (isInterestingLog(f)) parts.push(`== ${path.relative(tmp, f)}\n${await fsp.readFile(f, 'utf8').catch((e) => e.message)}`);
    }
    parts.push(`== browser console\n${consoleLines.join('\n')}`);
    return parts.join('\n');
  };
  /** Extension-host log text only (server side, where extensions run). */
  const exthostLog = async () => {
    let s = '';
    for (const f of await listFiles(d('data/logs'))) if (/\/remoteexthost\.log$/.test(f)) s += await fsp.readFile(f, 'utf8').catch(() => '');
    return s;
  };
  const dumpLogs = async (why = '') => { console.error(`\n---- code-server logs ${why}\n${await logs()}\n---- end of logs`); };

  try {
    // 1. extensions
    const vsixes = [o.vsix ?? []].flat();
    const folders = [...(o.extensionFolders ?? []), ...(o.probe ? [PROBE_EXTENSION] : [])];
    for (const f of folders) vsixes.push(await packVsix(f, d(`tmp/${path.basename(f)}.vsix`)));
    for (const v of vsixes) {
      const { stdout, stderr } = await run(cs.node, [cs.bin, ...common, '--install-extension', path.resolve(v), '--force'],
        { env, timeout, cwd: tmp }).catch((e) => { throw new Error(`installing ${v} failed: ${e.stderr || e.message}`); });
      output.push(`$ install ${v}\n${stdout}${stderr}`);
    }
    timings.installExtensions = Date.now() - t0;

    // 2. server, in its own process group
    const port = o.port ?? await freePort();
    proc = spawn(cs.node, [cs.bin, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
      ...common, path.resolve(o.workspace)], { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.set(proc.pid, tmp);
    const listening = new Promise((resolve, reject) => {
      const seen = (b) => { output.push(String(b)); if (/HTTP server listening on/.test(output.join(''))) resolve(); };
      proc.stdout.on('data', seen);
      proc.stderr.on('data', seen);
      proc.on('exit', (c, s) => reject(new Error(`code-server exited early (${c ?? s})`)));
      setTimeout(() => reject(new Error('code-server did not start listening')), timeout).unref();
    });
    await listening;
    timings.serverListening = Date.now() - t0;

    // 3. browser
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout, env });
    timings.browser = Date.now() - t0;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(o.actionTimeoutMs ?? 60_000);
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    page.on('requestfailed', (r) => consoleLines.push(`[requestfailed] ${r.url()} ${r.failure()?.errorText}`));
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(o.workspace))}`;
    await page.goto(url, { timeout });
    await page.waitForSelector('.monaco-workbench', { timeout });
    timings.workbench = Date.now() - t0;

    const h = {
      page, browser, url, port, tmp, pid: proc.pid, userDataDir: d('data'), timings, stop, logs, exthostLog, dumpLogs,
      consoleLines, output,

      /** Waits until the extension-host log matches `re` (e.g. /Eager extensions activated/). */
      async waitForExthostLog(re, ms = timeout) {
        const end = Date.now() + ms;
        for (;;) {
          if (re.test(await exthostLog())) return;
          if (Date.now() > end) throw new Error(`extension-host log never matched ${re}`);
          await new Promise((r) => setTimeout(r, 200)); // polling a file; no event to wait on
        }
      },

      /** Opens a workspace-relative file via Quick Open (Ctrl+P) and waits for its editor tab. */
      async openFile(rel) {
        const name = path.basename(rel);
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(rel);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
        await page.keyboard.press('Enter');
        await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
        await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
      },

      /** Opens the Problems panel and returns its rows' text once at least `min` rows show. */
      async problems(min = 1) {
        const rows = page.locator('.markers-panel .monaco-list-row');
        if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel').waitFor();
        if (min > 0) await rows.nth(min - 1).waitFor();
        return rows.allInnerTexts();
      },

      /** Text of the active editor as rendered: the lines in view only, joined with \n. */
      async editorText() {
        return page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((el) =>
          [...el.querySelectorAll('.view-line')] // rendered out of order: sort by position
            .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
            .map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n'));
      },

      /**
       * Puts the cursor on the first element matching `at` (default: a warning or error squiggle),
       * waits for the lightbulb, opens the code-action menu (Ctrl+., or a click on the lightbulb
       * if the key was swallowed) and clicks the row whose text contains `title` (default: the
       * first action). Returns the actions' titles as shown.
       */
      async quickFix({ at = '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', title } = {}) {
        const titles = await this.openCodeActions({ at });
        await this.pickCodeAction(title ?? titles[0]);
        return titles;
      },

      /**
       * Puts the cursor on the first element matching `at`, waits for the lightbulb and opens the
       * code-action menu (Ctrl+., or a click on the lightbulb if the key was swallowed); returns
       * the rows' titles. The menu stays open.
       */
      async openCodeActions({ at = '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error' } = {}) {
        const box = await page.locator(at).first().boundingBox();
        if (!box) throw new Error(`nothing matches ${at}`);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const bulb = page.locator('.lightBulbWidget, [class*="codicon-gutter-lightbulb"]').first();
        await bulb.waitFor();
        const rows = page.locator('.action-widget .monaco-list-row.action');
        await page.keyboard.press('Control+.');
        await rows.first().waitFor({ timeout: 5000 }).catch(async () => { await bulb.click(); await rows.first().waitFor(); });
        return rows.locator('.title').allInnerTexts();
      },

      /** Clicks the open code-action menu's row containing `title` and waits for the menu to close. */
      async pickCodeAction(title) {
        const rows = page.locator('.action-widget .monaco-list-row.action');
        await rows.filter({ hasText: title }).first().click();
        await rows.first().waitFor({ state: 'hidden' });
      },

      /**
       * Moves the mouse over the first element matching `at` and returns the editor hover shown:
       * its text and links ({text, href}). Call page.mouse.move elsewhere / Escape to close it.
       */
      async hover(at = '.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error') {
        const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
        // Code lenses and inlay hints arrive after the squiggle and move the text: aim again
        // (a few times) if the hover does not show where the mouse went.
        for (let attempt = 0; ; attempt++) {
          const box = await page.locator(at).first().boundingBox();
          if (!box) throw new Error(`nothing matches ${at}`);
          await page.mouse.move(box.x + 2, box.y - 40);
          await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2, { steps: 4 });
          const shown = await hover.waitFor({ timeout: attempt < 3 ? 5_000 : 30_000 }).then(() => true, () => false);
          if (shown) break;
          if (attempt >= 3) throw new Error(`no hover over ${at}`);
        }
        await hover.locator('.hover-row').first().waitFor();
        return hover.evaluate((el) => ({
          text: el.innerText,
          links: [...el.querySelectorAll('a')].map((a) => ({ text: a.innerText, href: a.getAttribute('href') })),
        }));
      },

      /** Runs a command from the command palette by its label ("Copydesk: Fix all in this draft"). */
      async runCommand(label) {
        await page.keyboard.press('Control+Shift+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${label}`);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
        await row.waitFor();
        await row.click();
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      },

      /** The status bar item whose id contains `id` (e.g. 'copydesk.status'): {text, label}, or null if not shown. */
      async statusBarItem(id) {
        const el = page.locator(`.statusbar-item[id*="${id}"]`).first();
        if (!(await el.isVisible().catch(() => false))) return null;
        return { text: (await el.innerText()).trim(), label: await el.getAttribute('aria-label') };
      },

      /**
       * Polls `fn` (async) until `pred(value)` holds; returns the value, or throws with the last one.
       * For state with no event to wait on (a status bar's text, the probe's answers).
       */
      async waitFor(what, fn, pred, ms = o.actionTimeoutMs ?? 60_000) {
        const end = Date.now() + ms;
        let last;
        for (;;) {
          try { last = await fn(); if (pred(last)) return last; } catch (e) { last = e; }
          if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
          await sleep(150);
        }
      },

      /**
       * Asks the probe extension (start with `probe: true`): probe('/state', { path }) returns the
       * document's full text and its diagnostics with ranges as the vscode API reports them.
       */
      async probe(route, params = {}) {
        const port = await h.waitFor('the probe extension to listen', () => fsp.readFile(probeFile, 'utf8'), Boolean, timeout);
        const res = await fetch(`http://127.0.0.1:${port}${route}?${new URLSearchParams(params)}`);
        const body = await res.json();
        if (!res.ok) throw new Error(`probe ${route}: ${body.error}`);
        return body;
      },

      async screenshot(file) {
        await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
        await page.screenshot({ path: file });
        return file;
      },
    };
    return h;
  } catch (e) {
    await dumpLogs(`(start-up failed: ${e.message})`).catch(() => {});
    await stop();
    throw e;
  }
}
