import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { loadProject, RunFiles, workspaceRoot } from '../../server/src/node/project.js';
import { fsHost } from '../../server/src/node/fs-host.js';
import { TestClient } from '../helpers/lsp-client.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'server', 'src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const LEDGER = '- id: c1\n  claim: "The bridge cost 3 million dollars"\n  correction: "The bridge cost 4 million dollars"\n  date: 2026-01-05\n';

// Issue #9.4 and #9.5: nothing from the workspace is executed, nothing goes over the network, and
// configuration and ledgers are read only inside the workspace.
describe('reliability: workspace safety', function () {
  this.timeout(60_000);

  it('no eval, Function constructor, dynamic require or import in the server sources', () => {
    const hits: string[] = [];
    for (const file of sources(SRC)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(|\brequire\s*\(|\bimport\s*\(|\bvm\.|node:vm|child_process/.test(code)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    // git (the CLI's --changed-since) is the one program run, with fixed arguments and no shell.
    // node:vm compiles the CLI's own bundle, named by the launcher's folder, with V8's code cache
    // (node/code-cache.ts): nothing from a workspace or the environment.
    const allowed = hits.filter((h) => !/^server\/src\/cli\/git\.ts:.*(child_process|execFileSync)/.test(h))
      .filter((h) => !/^server\/src\/node\/code-cache\.ts:\d+: import \{ Script \} from 'node:vm';$/.test(h))
      .filter((h) => !/\bimport\('\.{1,2}\/[^']+'\)\.[A-Z]\w*[[;)\s}|]/.test(h)); // type-only import('./x.js').Type
    assert.deepEqual(allowed, []);
  });

  it('every RegExp built at run time is built from constants or escaped text (no user patterns)', () => {
    // Each dynamic RegExp in the sources, with why it is safe. A new one fails this test until it
    // is reviewed and listed here (and in docs/guarantees.md).
    const reviewed: Record<string, string> = {
      'server/src/core/markdown-chunks.ts': 'tag name from a fixed alternation (script|pre|style|textarea)',
      'server/src/core/disclaimer/recognise.ts': 'built-in word lists, and config disclaimer words passed through escape(): literal text only',
      'server/src/core/quotes/speakers.ts': 'a constant pattern with other flags',
      'server/src/core/l10n.ts': 'keys of the bundled message catalogues, escaped, with {n} placeholders as lazy groups',
      'server/src/core/ledger/few-anchors.ts': 'an alternation of claim anchors, each 2–4 letters a–z: no metacharacters, no backtracking',
    };
    const found = new Map<string, number>();
    for (const file of sources(SRC)) {
      const n = (readFileSync(file, 'utf8').match(/new RegExp\(|(?<![\w.])RegExp\(/g) ?? []).length;
      if (n) found.set(relative(ROOT, file).split('\\').join('/'), n);
    }
    assert.deepEqual([...found.keys()].filter((f) => !reviewed[f]), [], 'unreviewed dynamic RegExp');
  });

  it('the bundles contain no network client code of their own, and run with network modules blocked', async function () {
    for (const bundle of ['server.cjs', 'cli.cjs', 'cli-main.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      for (const pattern of [/\bhttps?\.request\(/, /\bhttps?\.get\(/, /\bnet\.connect\(/, /\bnew WebSocket\(/, /\bfetch\(/, /require\("(node:)?(http|https|tls|dns|dgram|http2)"\)/]) {
        assert.doesNotMatch(text, pattern, `${bundle} uses ${pattern}`);
      }
      // "net" is loaded only by vscode-jsonrpc, for the --socket and --pipe transports an editor
      // may choose (a local connection to the editor); --stdio never touches it.
      const net = text.match(/require\("(node:)?net"\)/g) ?? [];
      assert.ok(net.length <= 1, `${bundle}: net required ${net.length} times`);
      if (net.length) assert.match(text.slice(text.search(/require\("(node:)?net"\)/) - 3000, text.search(/require\("(node:)?net"\)/)), /createServerSocketTransport|createClientSocketTransport|IPCMessageReader|generateRandomPipeName/);
    }
    // Belt and braces: a preload that throws on any use of the network modules; the CLI checks
    // the example newsroom and the server answers a request without tripping it.
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-nonet-'));
    try {
      const hook = join(dir, 'no-network.cjs');
      writeFileSync(hook, `
        const Module = require('module');
        const banned = new Set(['http','https','tls','dns','dgram','http2','node:http','node:https','node:tls','node:dns','node:dgram','node:http2']);
        const load = Module._load;
        const trip = (what) => () => { process.stderr.write('NETWORK ' + what + '\\n'); process.exit(99); };
        Module._load = function (request, ...rest) {
          if (banned.has(request)) trip('module ' + request)();
          const m = load.call(this, request, ...rest);
          if (request === 'net' || request === 'node:net') {
            // Loaded by the LSP library for its socket transports: any use of it trips.
            for (const f of ['connect', 'createConnection', 'createServer']) m[f] = trip('net.' + f);
            m.Socket.prototype.connect = trip('net.Socket.connect');
          }
          return m;
        };
        globalThis.fetch = trip('fetch');
        globalThis.WebSocket = trip('WebSocket');
      `);
      const cli = spawnSync(process.execPath, ['--require', hook, join(ROOT, 'dist', 'cli.cjs'), 'check', 'examples/', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(cli.status, 1, cli.stderr);
      assert.match(cli.stdout, /translation-disclaimer/);
      const server = spawn(process.execPath, ['--require', hook, join(ROOT, 'dist', 'server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      server.stderr.on('data', (d) => { stderr += String(d); });
      const published = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics in 10 s: ${stderr}`)), 10_000);
        server.stdout.on('data', (d) => { stdout += String(d); if (stdout.includes('translation-disclaimer')) { clearTimeout(timer); resolve(); } });
        server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
      });
      server.stdin.write(lsp({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }) + lsp({ jsonrpc: '2.0', method: 'initialized', params: {} })
        + lsp({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: pathToFileURL(join(ROOT, 'examples', 'mt-missing-disclaimer.md')).href, languageId: 'markdown', version: 1, text: readFileSync(join(ROOT, 'examples', 'mt-missing-disclaimer.md'), 'utf8') } } }));
      try { await published; } finally { server.kill(); }
      const server2 = { status: server.exitCode, stderr, stdout };
      assert.notEqual(server2.status, 99, server2.stderr);
      assert.match(server2.stdout, /publishDiagnostics/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('configuration and ledgers are read only inside the workspace', () => {
    let base: string;
    let ws: string;
    beforeEach(() => {
      base = mkdtempSync(join(tmpdir(), 'copydesk-ws-'));
      ws = join(base, 'newsroom');
      mkdirSync(join(ws, 'desk'), { recursive: true });
      writeFileSync(join(base, 'secret.yaml'), LEDGER);
    });
    afterEach(() => rmSync(base, { recursive: true, force: true }));

    it('refuses a ledger outside the workspace root, at its line, without reading it', () => {
      writeFileSync(join(ws, '.copydesk.yaml'), 'primaryLanguage: en\nledger:\n  - corrections.yaml\n  - ../secret.yaml\n');
      writeFileSync(join(ws, 'corrections.yaml'), LEDGER.replace('c1', 'c2'));
      const p = loadProject(join(ws, 'desk', 'a.md'), undefined, [ws]);
      assert.deepEqual(p.ledger.files, [join(ws, 'corrections.yaml')]);
      assert.deepEqual(p.ledger.entries.map((e) => e.id), ['c2']);
      assert.equal(p.problems.length, 1);
      assert.equal(p.problems[0].path, join(ws, '.copydesk.yaml'));
      assert.equal(p.problems[0].line, 3);
      assert.match(p.problems[0].message, /^ledger: ".*secret\.yaml" is outside the workspace/);
    });

    it('refuses absolute paths, device files and symbolic links that lead outside', () => {
      symlinkSync(join(base, 'secret.yaml'), join(ws, 'linked.yaml'));
      writeFileSync(join(ws, '.copydesk.yaml'), 'ledger: [/dev/zero, linked.yaml, /etc/passwd]\n');
      const p = loadProject(join(ws, 'a.md'), undefined, [ws]);
      assert.deepEqual(p.ledger.files, []);
      assert.equal(p.problems.length, 3, JSON.stringify(p.problems));
      for (const problem of p.problems) {
        assert.equal(problem.line, 0);
        assert.match(problem.message, /is outside the workspace/);
      }
    });

    it('a CLI run reads each configuration and ledger file once, and refuses the same files', () => {
      symlinkSync(join(base, 'secret.yaml'), join(ws, 'linked.yaml'));
      writeFileSync(join(ws, '.copydesk.yaml'), 'ledger: [corrections.yaml, linked.yaml, ../secret.yaml]\n');
      writeFileSync(join(ws, 'corrections.yaml'), LEDGER.replace('c1', 'c2'));
      const reads = new Map<string, number>();
      const counting = { ...fsHost, readFile: (path: string) => { reads.set(path, (reads.get(path) ?? 0) + 1); return fsHost.readFile(path); } };
      const run = new RunFiles();
      for (const desk of ['a', 'b', 'c']) {
        mkdirSync(join(ws, desk));
        const draft = join(ws, desk, 'x.md');
        assert.deepEqual(loadProject(draft, counting, [ws], run), loadProject(draft, undefined, [ws]), desk);
      }
      assert.equal(reads.get(join(ws, '.copydesk.yaml')), 1);
      assert.equal(reads.get(join(ws, 'corrections.yaml')), 1);
      assert.equal(reads.has(join(base, 'secret.yaml')), false, 'never read');
      assert.equal([...reads.keys()].some((p) => p.startsWith(base) && !p.startsWith(ws)), false);
    });

    it('refuses an extends outside the workspace, at its line', () => {
      writeFileSync(join(base, '.copydesk.yaml'), 'rules:\n  unattributed-quote: off\n');
      writeFileSync(join(ws, '.copydesk.yaml'), '# desk config\nextends: ../.copydesk.yaml\n');
      const p = loadProject(join(ws, 'a.md'), undefined, [ws]);
      assert.deepEqual(p.config.files, [join(ws, '.copydesk.yaml')]);
      assert.equal(p.config.rules['unattributed-quote'], undefined, 'the outside file was not read');
      assert.deepEqual(p.problems.map((x) => [x.line, x.message.replace(/\(.*\)/, '()')]), [[1, 'extends: "../.copydesk.yaml" is outside the workspace (); Copydesk reads configuration and ledgers only inside it']]);
    });

    it('does not look for configuration above the workspace root', () => {
      writeFileSync(join(base, '.copydesk.yaml'), 'rules:\n  unattributed-quote: off\n');
      const p = loadProject(join(ws, 'desk', 'a.md'), undefined, [ws]);
      assert.deepEqual(p.config.files, []);
      assert.deepEqual(p.problems, []);
    });

    it('allows extends and ledgers anywhere inside, including sibling folders', () => {
      mkdirSync(join(ws, 'shared'));
      writeFileSync(join(ws, 'shared', 'base.yaml'), 'ledger: ledger.yaml\n');
      writeFileSync(join(ws, 'shared', 'ledger.yaml'), LEDGER);
      writeFileSync(join(ws, 'desk', '.copydesk.yaml'), 'extends: ../shared/base.yaml\n');
      const p = loadProject(join(ws, 'desk', 'a.md'), undefined, [ws]);
      assert.deepEqual(p.problems, []);
      assert.deepEqual(p.ledger.entries.map((e) => e.id), ['c1']);
    });

    it('without workspace folders (CLI) the root is the git repository, else the working folder, else the draft folder', () => {
      assert.equal(workspaceRoot(join(ws, 'desk', 'a.md'), [join(ws, 'desk'), ws]), join(ws, 'desk'), 'innermost workspace folder');
      mkdirSync(join(ws, '.git'));
      assert.equal(workspaceRoot(join(ws, 'desk', 'a.md')), ws);
      rmSync(join(ws, '.git'), { recursive: true });
      const cwd = process.cwd();
      try {
        process.chdir(ws);
        assert.equal(workspaceRoot(join(ws, 'desk', 'a.md')), ws);
        process.chdir(ROOT);
        assert.equal(workspaceRoot(join(ws, 'desk', 'a.md')), join(ws, 'desk'));
        writeFileSync(join(ws, '.copydesk.yaml'), 'primaryLanguage: en\n');
        assert.equal(workspaceRoot(join(ws, 'desk', 'a.md')), ws, 'the folder of the configuration that applies');
      } finally {
        process.chdir(cwd);
      }
    });

    it('the CLI refuses a ledger outside the repository with exit 2 and the line', () => {
      mkdirSync(join(ws, '.git'));
      writeFileSync(join(ws, '.copydesk.yaml'), 'ledger: ../secret.yaml\n');
      writeFileSync(join(ws, 'desk', 'a.md'), 'The bridge cost 3 million dollars.\n');
      const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'check', 'desk'], { cwd: ws, encoding: 'utf8' });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^\.copydesk\.yaml:1: ledger: ".*secret\.yaml" is outside the workspace/m);
    });

    it('untrusted workspace: the server reads no config or ledger (limited mode)', async () => {
      writeFileSync(join(ws, '.copydesk.yaml'), 'ledger: corrections.yaml\nrules:\n  unattributed-quote: off\n');
      writeFileSync(join(ws, 'corrections.yaml'), LEDGER);
      const text = 'The bridge cost 3 million dollars, officials said.\n\n"We will win."\n';
      for (const trusted of [true, false]) {
        const client = new TestClient();
        try {
          await client.initialize({ workspace: { configuration: true } }, { trusted });
          const uri = pathToFileURL(join(ws, 'a.md')).href;
          client.open(uri, text);
          const codes = (await client.waitForDiagnostics(uri, 1)).map((d) => d.code).sort();
          assert.deepEqual(codes, trusted ? ['corrected-claim'] : ['unattributed-quote'], `trusted: ${trusted}`);
        } finally {
          await client.stop();
        }
      }
    });
  });
});

function lsp(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}
