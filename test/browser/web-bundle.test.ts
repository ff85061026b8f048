/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';

// The web build (vscode.dev / github.dev) in a real browser: scripts/build-web.mjs bundles the
// worker server, a page in headless Chromium starts it and speaks LSP to it over postMessage, and
// its diagnostics must equal the CLI's findings for the same files. The page and worker run under
// a Content-Security-Policy without 'unsafe-eval' (as strict as a web extension host can be), so
// the core's schema validation must not compile code at run time.

const REPO = join(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'dist', 'cli.cjs');
const PAGE = join(import.meta.dirname, 'page');
const SEED = join(REPO, '..', 'shared', 'seeds', '000_c7df4136fac80785.txt');
const CHROMIUM = process.env.COPYDESK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'";
const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

const FRONT_MATTER = '---\nlang: en\ntranslated_from: id\ntranslation: machine\n---\n';
const CONFIG = [
  'primaryLanguage: en',
  'ledger: corrections.yaml',
  'rules:',
  '  unattributed-quote: warning',
  '  translation-disclaimer:',
  '    severity: error',
  '    position: end',
  '',
].join('\n');
const LEDGER = [
  'corrections:',
  '  - id: openai-nato-network',
  '    claim: NATO classified network',
  '    correction: NATO unclassified network',
  '    note: The CEO misspoke; the talks were about NATO\'s unclassified network only.',
  '    date: 2026-03-04',
  '',
].join('\n');
/** A machine translation without disclaimer, a corrected claim and an unattributed quote. */
const ALL_THREE = `${FRONT_MATTER}
# OpenAI signs on with NATO

JAKARTA - OpenAI will deploy across the NATO classified network, according to a source familiar with the talks.

OpenAI CEO Sam Altman said the company had weighed the contract for weeks before deciding.

"This is an example of a complex but right decision."

NATO has not given an official response.
`;
const BAD_CONFIG = 'rules:\n  nope: error\n  unattributed-quote: loud\n  translation-disclaimer:\n    severity: error\n    where: end\n';
const BAD_LEDGER = [
  'corrections:',
  '  - id: x',
  '    claim: NATO classified network',
  '    date: yesterday',
  '    rating: 7',
  '  - claim: another claim here',
  '    correction: fine',
  '    colour: red',
  '',
].join('\n');

/** The web workspace: file URIs as vscode.dev would have them, and the same files on disk for the CLI. */
const ROOT_URI = 'vscode-test-web://mount';
type Files = Record<string, string>;

/** What test/browser/page/lsp-client.js puts on the page's window. */
interface PageApi {
  state: { files: Files; reads: string[] };
  initialize(options: unknown): Promise<unknown>;
  lint(uri: string, languageId: string, text: string): Promise<LspDiagnostic[]>;
  diagnostics(uri: string): { diagnostics: LspDiagnostic[] } | undefined;
  codeActions(uri: string, range: unknown, diagnostics: unknown[], only: string[]): Promise<unknown>;
  probeEval(): Promise<string>;
  shutdown(): Promise<void>;
}
/** The page's global object, as seen from page.evaluate callbacks (no DOM lib in this tsconfig). */
type Page_ = { copydesk: PageApi };

interface Comparable { rule: string; severity: string; message: string; range: unknown; fixes: unknown }
interface LspDiagnostic { code?: string | number; severity?: number; message: string; range: unknown; data?: { fixes?: unknown } }
interface CliFinding { rule: string; severity: string; message: string; range: unknown; fixes: unknown }

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };
const order = (a: Comparable, b: Comparable) => JSON.stringify([a.range, a.rule, a.message]).localeCompare(JSON.stringify([b.range, b.rule, b.message]));
const fromLsp = (ds: LspDiagnostic[]): Comparable[] => ds.map((d) => ({
  rule: String(d.code), severity: SEVERITY[d.severity ?? 0] ?? `?${d.severity}`, message: d.message, range: d.range, fixes: d.data?.fixes ?? [],
})).sort(order);
const fromCli = (fs: CliFinding[]): Comparable[] => fs.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range, fixes: f.fixes })).sort(order);

function writeTree(dir: string, files: Files): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Serves the page, the probe and the freshly built bundles, every response under CSP. */
function serve(bundleDir: string): Promise<Server> {
  const routes: Record<string, [string, string]> = {
    '/': [join(PAGE, 'index.html'), 'text/html; charset=utf-8'],
    '/lsp-client.js': [join(PAGE, 'lsp-client.js'), 'text/javascript; charset=utf-8'],
    '/probe.js': [join(PAGE, 'probe.js'), 'text/javascript; charset=utf-8'],
    '/server.js': [join(bundleDir, 'server.js'), 'text/javascript; charset=utf-8'],
    '/server.js.map': [join(bundleDir, 'server.js.map'), 'application/json'],
  };
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) { res.writeHead(404, { 'Content-Security-Policy': CSP }).end(); return; }
    res.writeHead(200, { 'Content-Type': route[1], 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' });
    res.end(readFileSync(route[0]));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('web bundle (browser worker in headless Chromium)', function () {
  this.timeout(120000);
  let tmp: string;
  let http: Server | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  let sizes: Record<string, number> = {};

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      const reason = `Chromium not found at ${CHROMIUM} (set COPYDESK_CHROMIUM, or run bash test/e2e/setup.sh)`;
      if (IN_CI) throw new Error(`${reason}; CI=${process.env.CI}: a missing browser fails the suite`);
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    tmp = mkdtempSync(join(tmpdir(), 'copydesk-web-'));
    // The build script is plain JS (no types): load it by URL.
    const { buildWeb } = await import(pathToFileURL(join(REPO, 'scripts', 'build-web.mjs')).href) as
      { buildWeb(options: { outdir: string }): Promise<Record<string, number>> };
    sizes = await buildWeb({ outdir: join(tmp, 'web') });
    http = await serve(join(tmp, 'web'));
    context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = context.pages()[0] ?? await context.newPage();
    const record = (where: string) => (m: { type(): string; text(): string }) => { if (m.type() === 'error') consoleErrors.push(`${where}: ${m.text()}`); };
    page.on('console', record('page'));
    page.on('worker', (w) => w.on('console', record(`worker ${w.url()}`)));
    page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.stack ?? e.message}`));
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'copydesk' in globalThis);
    const init = await page.evaluate((root) => (globalThis as unknown as Page_).copydesk.initialize({
      workspaceFolders: [{ uri: `${root}/`, name: 'newsroom' }],
      initializationOptions: { trusted: true, packageBaseUrl: 'https://example.invalid/copydesk' },
    }), ROOT_URI).catch((err: Error) => {
      throw new Error(`the worker server did not initialize: ${err.message}\nbrowser console errors:\n${consoleErrors.join('\n')}`);
    }) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.equal(init.serverInfo.name, 'copydesk-ls (web)');
  });

  after(async () => {
    await page?.evaluate(() => (globalThis as unknown as Page_).copydesk.shutdown()).catch(() => undefined);
    await context?.close().catch(() => undefined);
    await new Promise((resolve) => (http ? http.close(resolve) : resolve(undefined)));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Puts the files in the page's "workspace file system" and on disk; opens each draft; returns diagnostics by name. */
  async function lintInBrowser(folder: string, files: Files, drafts: string[]): Promise<Record<string, LspDiagnostic[]>> {
    const byUri = Object.fromEntries(Object.entries(files).map(([name, text]) => [`${ROOT_URI}/${folder}/${name}`, text]));
    await page.evaluate((f) => { Object.assign((globalThis as unknown as Page_).copydesk.state.files, f); }, byUri);
    const out: Record<string, LspDiagnostic[]> = {};
    for (const name of drafts) {
      const languageId = name.endsWith('.md') ? 'markdown' : 'plaintext';
      out[name] = await page.evaluate(([uri, lang, text]) => (globalThis as unknown as Page_).copydesk.lint(uri, lang, text),
        [`${ROOT_URI}/${folder}/${name}`, languageId, files[name]] as const);
    }
    return out;
  }

  function lintWithCli(folder: string, files: Files): Record<string, CliFinding[]> {
    const dir = join(tmp, 'disk', folder);
    writeTree(dir, files);
    const r = cli(['check', dir, '--format', 'json']);
    assert.ok(r.code === 0 || r.code === 1, `CLI exit ${r.code}: ${r.stderr}`);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: CliFinding[] }> };
    return Object.fromEntries(report.files.map((f) => [f.path.slice(dir.length + 1), f.findings]));
  }

  it('builds without Node built-ins and without an Ajv compiler', () => {
    // A budget, so a dependency that drags in half of npm shows up here (minified, no source maps).
    assert.ok(sizes['server.js'] > 100_000 && sizes['server.js'] < 2_000_000, `server.js is ${sizes['server.js']} bytes`);
    assert.ok(sizes['extension.js'] > 10_000 && sizes['extension.js'] < 1_000_000, `extension.js is ${sizes['extension.js']} bytes`);
    // The web extension entry is CommonJS (VS Code wraps it in a function) and needs only the vscode API.
    const extension = readFileSync(join(tmp, 'web', 'extension.js'), 'utf8');
    assert.match(extension, /module\.exports/);
    assert.deepEqual([...new Set([...extension.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))], ['vscode']);
    const server = readFileSync(join(tmp, 'web', 'server.js'), 'utf8');
    assert.ok(!/new Function\(/.test(server), 'the worker bundle compiles no code at run time');
    const inputs = JSON.parse(readFileSync(join(tmp, 'web', 'server.js.map'), 'utf8')).sources as string[];
    assert.ok(inputs.some((s) => s.includes('server/src/core/engine.ts')), 'the core is in the worker bundle');
    assert.ok(!inputs.some((s) => /ajv\/lib\/compile\//.test(s)), 'no Ajv compiler in the worker bundle');
  });

  it('runs where eval is blocked (workers are under a CSP without unsafe-eval)', async () => {
    // A probe worker served with the server's headers: proves the policy is in force, so the
    // passing checks below mean the server really compiled no code at run time.
    const probe = await page.evaluate(() => (globalThis as unknown as Page_).copydesk.probeEval());
    assert.match(probe, /^blocked \(EvalError\)/);
  });

  it('lints the seed article with the same findings as the CLI (Markdown and plain text)', async function () {
    if (!existsSync(SEED)) {
      console.log(`      skipped: seed article not found at ${SEED}`);
      this.skip();
    }
    const seed = FRONT_MATTER + readFileSync(SEED, 'utf8');
    const files = { '.copydesk.yaml': CONFIG, 'corrections.yaml': LEDGER, 'seed.md': seed, 'seed.txt': seed };
    const web = await lintInBrowser('seed', files, ['seed.md', 'seed.txt']);
    const expected = lintWithCli('seed', files);
    for (const name of ['seed.md', 'seed.txt']) {
      assert.deepEqual(fromLsp(web[name]), fromCli(expected[name]), name);
      // The reported-with-correction claim comes from the ledger the page served.
      assert.deepEqual(fromLsp(web[name]).map((f) => [f.rule, f.severity]), [['corrected-claim', 'info']], name);
    }
    const reads = await page.evaluate(() => (globalThis as unknown as Page_).copydesk.state.reads);
    assert.ok(reads.includes(`${ROOT_URI}/seed/.copydesk.yaml`) && reads.includes(`${ROOT_URI}/seed/corrections.yaml`), `read through the client: ${reads.join(', ')}`);
  });

  it('finds all three rules in one draft, as the CLI does (fixes included)', async () => {
    const files = { '.copydesk.yaml': CONFIG, 'corrections.yaml': LEDGER, 'all-three.md': ALL_THREE, 'all-three.txt': ALL_THREE };
    const web = await lintInBrowser('three', files, ['all-three.md', 'all-three.txt']);
    const expected = lintWithCli('three', files);
    for (const name of ['all-three.md', 'all-three.txt']) {
      const got = fromLsp(web[name]);
      assert.deepEqual(got, fromCli(expected[name]), name);
      assert.deepEqual([...new Set(got.map((f) => f.rule))].sort(), ['corrected-claim', 'translation-disclaimer', 'unattributed-quote'], name);
    }
  });

  it('offers the same "fix all" as the CLI\'s --fix', async () => {
    const uri = `${ROOT_URI}/three/all-three.md`;
    const actions = await page.evaluate((u) => (globalThis as unknown as Page_).copydesk.codeActions(
      u, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.copydesk']), uri) as Array<{ kind: string; edit: { changes: Record<string, TextEdit[]> } }>;
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.copydesk');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, ALL_THREE), actions[0].edit.changes[uri]);
    const dir = join(tmp, 'disk', 'fix');
    writeTree(dir, { '.copydesk.yaml': CONFIG, 'corrections.yaml': LEDGER, 'all-three.md': ALL_THREE });
    const r = cli(['check', dir, '--fix', '--format', 'json']);
    assert.ok(r.code === 0 || r.code === 1, `CLI exit ${r.code}: ${r.stderr}`);
    const expected = readFileSync(join(dir, 'all-three.md'), 'utf8');
    assert.notEqual(expected, ALL_THREE, 'the CLI fixed something');
    assert.equal(fixed, expected);
  });

  it('reports mistakes in .copydesk.yaml and corrections.yaml on their lines, with the CLI\'s messages (precompiled schemas)', async () => {
    const cases: Array<[string, Files, string]> = [
      ['bad-config', { '.copydesk.yaml': BAD_CONFIG, 'draft.md': ALL_THREE }, '.copydesk.yaml'],
      ['bad-ledger', { '.copydesk.yaml': 'ledger: corrections.yaml\n', 'corrections.yaml': BAD_LEDGER, 'draft.md': ALL_THREE }, 'corrections.yaml'],
    ];
    for (const [folder, files, broken] of cases) {
      await lintInBrowser(folder, files, ['draft.md']);
      const published = await page.evaluate((uri) => (globalThis as unknown as Page_).copydesk.diagnostics(uri),
        `${ROOT_URI}/${folder}/${broken}`);
      const web = (published?.diagnostics ?? []).map((d) => `${(d.range as { start: { line: number } }).start.line + 1}: ${d.message}`);
      const dir = join(tmp, 'disk', folder);
      writeTree(dir, files);
      const r = cli(['check', dir, '--format', 'json']);
      const prefix = `${join(dir, broken)}:`;
      const expected = r.stderr.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
      assert.ok(expected.length >= 2, `the CLI reports the mistakes: ${r.stderr}`);
      assert.deepEqual(web, expected, folder);
    }
  });

  it('left no errors in the browser console', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
