import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client.js';

const MT = '---\nlang: en\ntranslated_from: id\n---\n# Talks\n\nOpenAI is weighing a NATO contract, a source said.\n';
const CLAIM = '# NATO\n\nOpenAI will deploy across the NATO classified network, a source said.\n';
const CLEAN = '# Rain\n\nHeavy rain fell on the city all week, officials said.\n';

describe('language server: review all drafts', () => {
  let dir: string;
  let client: TestClient;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-review-')); client = new TestClient(); });
  afterEach(async () => { await client.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('checks every draft of the folders, publishes findings for drafts that are not open, and re-checks them when the ledger changes', async () => {
    mkdirSync(join(dir, 'desk'));
    writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
    writeFileSync(join(dir, 'corrections.yaml'), 'corrections: []\n');
    writeFileSync(join(dir, '.copydeskignore'), 'archive/\n');
    writeFileSync(join(dir, 'desk', 'mt.md'), MT);
    writeFileSync(join(dir, 'desk', 'claim.md'), CLAIM);
    writeFileSync(join(dir, 'clean.txt'), CLEAN);
    mkdirSync(join(dir, 'archive'));
    writeFileSync(join(dir, 'archive', 'old.md'), MT);
    await client.initialize();
    const mtUri = pathToFileURL(join(dir, 'desk', 'mt.md')).href;
    const claimUri = pathToFileURL(join(dir, 'desk', 'claim.md')).href;
    const mtDiagnostics = client.nextDiagnostics(mtUri);
    const summary = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'copydesk.server.reviewWorkspace', arguments: [[pathToFileURL(dir).href]],
    });
    assert.deepEqual(summary, { files: 3, ready: 2, blocked: 1, errors: 1, warnings: 0, infos: 0 });
    assert.deepEqual((await mtDiagnostics).map((d) => d.code), ['translation-disclaimer']);
    assert.deepEqual(await client.waitForDiagnostics(claimUri), []);

    // A new ledger entry: the reviewed draft that repeats it is flagged without being opened.
    writeFileSync(join(dir, 'corrections.yaml'), 'corrections:\n  - id: nato\n    claim: NATO classified network\n    correction: NATO unclassified network\n');
    const claimDiagnostics = client.nextDiagnostics(claimUri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'corrections.yaml')).href, type: 2 }] });
    assert.deepEqual((await claimDiagnostics).map((d) => d.code), ['corrected-claim']);
  });
});
