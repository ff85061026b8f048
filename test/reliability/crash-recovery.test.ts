import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client.js';

// Issue #9.6: if the server dies, the editor starts it again (vscode-languageclient restarts a
// crashed server, up to 4 times in 3 minutes) and re-sends the open drafts. At the LSP level: a
// server killed mid-session leaves nothing behind that matters, and a new server started the same
// way, given the same open drafts, publishes the same diagnostics.
const DRAFTS: Record<string, string> = {
  'mt.md': '---\nlang: en\ntranslated_from: id\n---\n# Talks 😀\r\n\r\n"We will not back down."\r\n',
  'claim.md': 'The bridge cost 3 million dollars, officials said.\n',
  'note.txt': 'He said "it is over".\n\n“No comment.”\n',
};

describe('reliability: crash recovery', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-crash-'));
    writeFileSync(join(dir, '.copydesk.yaml'), 'primaryLanguage: id\nledger: corrections.yaml\n');
    writeFileSync(join(dir, 'corrections.yaml'), '- id: c1\n  claim: "The bridge cost 3 million dollars"\n  correction: "The bridge cost 4 million dollars"\n  date: 2026-01-05\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function session(client: TestClient) {
    await client.initialize();
    const out: Record<string, unknown> = {};
    for (const [name, text] of Object.entries(DRAFTS)) {
      const uri = pathToFileURL(join(dir, name)).href;
      client.open(uri, text, name.endsWith('.md') ? 'markdown' : 'plaintext');
      out[name] = await client.waitForDiagnostics(uri, 1);
    }
    return out;
  }

  it('a server killed with SIGKILL mid-session is replaced by one that publishes the same diagnostics', async () => {
    const first = new TestClient();
    const before = await session(first);
    assert.ok(Object.values(before).every((d) => (d as unknown[]).length > 0), JSON.stringify(before));
    // An edit in flight when the process dies.
    const uri = pathToFileURL(join(dir, 'mt.md')).href;
    first.edit(uri, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, 'x');
    const exited = once(first.process, 'exit');
    first.process.kill('SIGKILL');
    const [code, signal] = await exited;
    assert.equal(signal, 'SIGKILL', `exit ${code}`);
    first.connection.dispose();

    const second = new TestClient();
    try {
      assert.deepEqual(await session(second), before);
      assert.equal(second.process.exitCode, null, 'the new server is alive');
    } finally {
      await second.stop();
    }
  });

  it('a server whose client vanishes (stdin closed) exits instead of lingering', async () => {
    const client = new TestClient();
    await session(client);
    const exited = once(client.process, 'exit');
    client.process.stdin!.end();
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('server still running 5 s after its client went away')), 5000));
    await Promise.race([exited, timeout]);
    client.connection.dispose();
  });
});
