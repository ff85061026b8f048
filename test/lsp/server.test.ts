import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { TestClient, applyEditsTo } from '../helpers/lsp-client.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MISSING = '---\nlang: en\ntranslated_from: id\n---\n# Title 😀\r\n\r\nJAKARTA - OpenAI is considering a contract to deploy its technology on NATO networks, a source said.\r\n';

describe('language server over stdio', function () {
  let dir: string;
  let client: TestClient;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-lsp-')); client = new TestClient(); });
  afterEach(async () => { await client.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('publishes diagnostics with source, code, docs link and exact UTF-16 ranges (emoji, CRLF)', async () => {
    const init = await client.initialize();
    assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    const [d, ...rest] = await client.waitForDiagnostics(uri, 1);
    assert.equal(rest.length, 0);
    assert.equal(d.source, 'copydesk');
    assert.equal(d.code, 'translation-disclaimer');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription!.href, /^file:.*docs\/rules\/translation-disclaimer\.md$/);
    // "# Title 😀" is 10 UTF-16 units: the emoji counts 2.
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } });
  });

  it('offers the preferred quick fix, a disable-for-line action and fix-all; applying the fix clears the finding', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
    }) as Array<{ title: string; kind: string; isPreferred?: boolean; diagnostics?: unknown[]; edit: { changes: Record<string, never[]> } }>;
    const titles = actions.map((a) => `${a.kind}: ${a.title}`);
    assert.deepEqual(titles, ['quickfix: Add the English translation disclaimer', 'quickfix: Disable translation-disclaimer for this line', 'quickfix: Disable translation-disclaimer for this draft']);
    assert.equal((actions[1] as { command?: unknown }).command, undefined, 'no reason prompt unless the client asks for it');
    const fix = actions[0];
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.diagnostics!.length, 1);
    const fixed = applyEditsTo(MISSING, fix.edit.changes[uri]);
    assert.ok(fixed.endsWith('a source said.\r\n\r\nThis article was machine-translated from Indonesian and may contain translation errors. The original Indonesian version prevails.\r\n'), JSON.stringify(fixed));
    const v = client.change(uri, fixed);
    assert.deepEqual(await client.waitForDiagnostics(uri, v), []);

    const all = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll'] },
    }) as unknown[];
    assert.deepEqual(all, [], 'nothing left to fix');
  });

  it('source.fixAll fixes findings whose fixes insert at the same point, in one action', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    const text = '---\nlang: en\ntranslated_from: id\n---\n# Talks\n\nOpenAI chief executive Sam Altman said the company sees an opportunity in Europe.\n\n"This is a complex decision with very difficult consequences for our brand in the short term."\n';
    client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['translation-disclaimer', 'unattributed-quote']);
    const [action] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll.copydesk'] },
    }) as Array<{ kind: string; edit: { changes: Record<string, never[]> } }>;
    assert.equal(action.kind, 'source.fixAll.copydesk');
    assert.equal(action.edit.changes[uri].length, 1, 'one edit over the changed stretch');
    const fixed = applyEditsTo(text, action.edit.changes[uri]);
    assert.ok(fixed.startsWith(text.slice(0, text.indexOf('"This'))), 'text before the first fix untouched');
    const v = client.change(uri, fixed);
    assert.deepEqual(await client.waitForDiagnostics(uri, v), []);
  });

  it('disable-for-line silences the finding', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as Array<{ title: string; edit: { changes: Record<string, never[]> } }>;
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    const text = applyEditsTo(MISSING, disable.edit.changes[uri]);
    assert.match(text, /---\n<!-- copydesk-disable-next-line translation-disclaimer -- reason -->\r\n# Title/);
    const v = client.change(uri, text);
    assert.deepEqual(await client.waitForDiagnostics(uri, v), []);
  });

  it('disable-for-draft silences the rule in the whole draft; a client that asks gets a reason prompt', async () => {
    await client.initialize(undefined, { reasonPrompt: true });
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as Array<{ title: string; edit: { changes: Record<string, never[]> }; command?: { command: string; arguments: unknown[] } }>;
    const draft = actions.find((a) => a.title === 'Disable translation-disclaimer for this draft')!;
    const text = applyEditsTo(MISSING, draft.edit.changes[uri]);
    assert.ok(text.startsWith('---\nlang: en\ntranslated_from: id\n---\n<!-- copydesk-disable translation-disclaimer -- reason -->\n\n# Title'), JSON.stringify(text));
    assert.deepEqual(draft.command, { title: 'Give a reason', command: 'copydesk.editReason', arguments: [uri, 4] });
    const v = client.change(uri, text);
    assert.deepEqual(await client.waitForDiagnostics(uri, v), []);
  });

  it('applies incremental edits exactly and answers for the newest version', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    await client.waitForDiagnostics(uri, 1);
    // Remove translated_from with an incremental edit: no longer a translation, no finding.
    client.edit(uri, { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, '');
    const v = client.edit(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, 'title: x\n');
    assert.deepEqual(await client.waitForDiagnostics(uri, v), []);
  });

  it('edits that arrive faster than analysis cost one run: a burst of 200 is answered once or a few times, for its newest version', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'burst.md')).href;
    client.open(uri, MISSING);
    assert.equal((await client.waitForDiagnostics(uri, 1)).length, 1);
    // 199 letters typed into the title, then translated_from removed: only the last version is clean.
    for (let i = 0; i < 199; i++) client.edit(uri, { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, 'x');
    const last = client.edit(uri, { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, '');
    assert.deepEqual(await client.waitForDiagnostics(uri, last), []);
    await new Promise((r) => setTimeout(r, 200)); // nothing older may come after it
    const versions = client.publishedVersions.get(uri)!.slice(1);
    assert.equal(versions.at(-1), last, `last publication: ${versions.join(', ')}`);
    assert.ok(versions.every((v, i) => i === 0 || v! > versions[i - 1]!), `versions only ascend: ${versions.join(', ')}`);
    // The notifications may reach the server in a few reads of the pipe; each read's queue is analysed once.
    assert.ok(versions.length <= 10, `${versions.length} publications for 200 edits: ${versions.join(', ')}`);
  });

  it('a lone edit is answered without waiting for another', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'lone.md')).href;
    client.open(uri, MISSING);
    await client.waitForDiagnostics(uri, 1);
    for (let i = 0; i < 20; i++) {
      const v = client.edit(uri, { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, 'x');
      assert.equal((await client.waitForDiagnostics(uri, v)).length, 1);
    }
    assert.deepEqual(client.publishedVersions.get(uri), Array.from({ length: 21 }, (_, i) => i + 1), 'every version typed one at a time is published');
  });

  it('workspace/executeCommand fix-all edits the document through workspace/applyEdit', async () => {
    await client.initialize({ workspace: { configuration: true, applyEdit: true } });
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    await client.waitForDiagnostics(uri, 1);
    await client.connection.sendRequest('workspace/executeCommand', { command: 'copydesk.server.fixAll', arguments: [uri] });
    assert.equal(client.appliedEdits.length, 1);
    assert.match(client.docs.get(uri)!.getText(), /machine-translated from Indonesian/);
  });

  it('honours rule severities from workspace/configuration', async () => {
    client.settings = { rules: { 'translation-disclaimer': 'warning' } };
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    const [d] = await client.waitForDiagnostics(uri, 1);
    assert.equal(d.severity, 2);
  });

  it('re-lints open drafts when a config file changes, and reports config errors at their line', async () => {
    await client.initialize();
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    assert.equal((await client.waitForDiagnostics(uri, 1)).length, 1);
    const config = join(dir, '.copydesk.yaml');
    writeFileSync(config, 'rules:\n  translation-disclaimer: off\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
    assert.deepEqual(await next, []);

    writeFileSync(config, 'primaryLanguage: id\nrules:\n  translation-disclaimer: sometimes\n');
    const configUri = pathToFileURL(config).href;
    const problems = client.nextDiagnostics(configUri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const [p] = await problems;
    assert.equal(p.range.start.line, 2);
    assert.match(String(p.message), /rules\.translation-disclaimer/);
  });

  it('reports ledger problems in the ledger file, also for a pull client, and re-lints drafts when the ledger changes', async () => {
    writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
    const ledger = join(dir, 'corrections.yaml');
    writeFileSync(ledger, 'corrections:\n  - id: a\n    claim: NATO classified network\n    correction: NATO unclassified network\n  - id: a\n    claim: the bridge opened in 1990\n    correction: opened in 1991\n');
    await client.initialize({ workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } });
    const ledgerUri = pathToFileURL(ledger).href;
    const problems = client.nextDiagnostics(ledgerUri);
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, '# NATO\n\nOpenAI will deploy across the NATO classified network, a source said.\n');
    const pull = () => client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items: Array<{ code: string }> }>;
    assert.deepEqual((await pull()).items.map((i) => i.code), ['corrected-claim']);
    const [p] = await problems;
    assert.equal(p.range.start.line, 4);
    assert.match(String(p.message), /"a"/);
    writeFileSync(ledger, 'corrections: []\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ledgerUri, type: 2 }] });
    assert.deepEqual((await pull()).items, []);
  });

  it('serves pull diagnostics when the client supports them', async () => {
    const init = await client.initialize({ workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.ok(init.capabilities.diagnosticProvider);
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    const report = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { kind: string; items: Array<{ code: string }> };
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((i) => i.code), ['translation-disclaimer']);
  });

  it('reads no config from an untrusted workspace', async () => {
    writeFileSync(join(dir, '.copydesk.yaml'), 'rules:\n  translation-disclaimer: off\n');
    await client.initialize({ workspace: { configuration: true } }, { trusted: false });
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, MISSING);
    assert.equal((await client.waitForDiagnostics(uri, 1)).length, 1);
  });

  it('gives the same findings as the CLI for the same files', async () => {
    await client.initialize();
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'check', 'examples', join(ROOT, 'test', 'fixtures'), '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const cli = JSON.parse(run.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; severity: string; message: string; range: unknown }> }> };
    const severity = ['', 'error', 'warning', 'info'];
    let compared = 0;
    for (const file of cli.files) {
      const path = join(ROOT, file.path);
      const uri = pathToFileURL(path).href;
      client.open(uri, readFileSync(path, 'utf8'), /\.md$/.test(path) ? 'markdown' : 'plaintext');
      const diagnostics = await client.waitForDiagnostics(uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => ({ rule: d.code, severity: severity[d.severity!], message: String(d.message), range: d.range })),
        file.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range })),
        file.path,
      );
      compared += file.findings.length;
    }
    assert.ok(compared > 0, 'some findings were compared');
  });
});

describe('the copydesk-ls bin', () => {
  // Editors other than VS Code start the bin itself: its shebang must carry the server's Node
  // options (a larger young generation, see server-runtime.json) and still answer over stdio.
  it('starts through its shebang with the server runtime options and answers initialize', async function () {
    if (process.platform !== 'linux') this.skip();
    const runtime = JSON.parse(readFileSync(join(ROOT, 'server', 'src', 'node', 'server-runtime.json'), 'utf8')) as { execArgv: string[] };
    const bin = join(ROOT, 'dist', 'server.cjs');
    assert.equal(readFileSync(bin, 'utf8').split('\n')[0], `#!/usr/bin/env -S node ${runtime.execArgv.join(' ')}`);
    const { spawn } = await import('node:child_process');
    const child = spawn(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => { out += String(d); if (out.includes('"serverInfo"')) resolve(out); });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      assert.match(reply, /"name":"copydesk-ls"/);
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      for (const flag of runtime.execArgv) assert.ok(cmdline.includes(flag), `${flag} in ${cmdline.join(' ')}`);
    } finally {
      child.kill();
    }
  });
});
