import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client.js';

const DRAFT = '# NATO talks\n\nOpenAI will deploy its models across the NATO classified network, the company said.\n';

describe('language server: add selection to the corrections ledger', () => {
  let dir: string;
  let client: TestClient;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-ledger-cmd-')); client = new TestClient(); });
  afterEach(async () => { await client.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('creates the config and ledger when there are none, and the draft is flagged at once', async () => {
    await client.initialize({ workspace: { configuration: true, applyEdit: true } });
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, DRAFT);
    assert.deepEqual(await client.waitForDiagnostics(uri, 1), []);
    const next = client.nextDiagnostics(uri);
    const result = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'copydesk.server.addToLedger',
      arguments: [{ uri, claim: 'NATO classified network', correction: 'NATO unclassified network', note: 'Only the unclassified network is concerned.' }],
    }) as { ledger: string; id: string; createdConfig?: string };
    assert.equal(result.ledger, join(dir, 'corrections.yaml'));
    assert.equal(result.createdConfig, join(dir, '.copydesk.yaml'));
    assert.ok(existsSync(result.createdConfig!));
    const ledger = readFileSync(result.ledger, 'utf8');
    assert.match(ledger, /claim: NATO classified network/);
    assert.match(ledger, /correction: NATO unclassified network/);
    assert.ok(result.id.length > 0);
    const diagnostics = await next;
    assert.deepEqual(diagnostics.map((d) => d.code), ['corrected-claim']);
  });

  it('appends to an existing ledger and keeps its comments', async () => {
    writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: desk.yaml\n');
    writeFileSync(join(dir, 'desk.yaml'), '# Our desk corrections\ncorrections:\n  - id: old-one\n    claim: the bridge opened in 1990\n    correction: the bridge opened in 1991\n');
    await client.initialize({ workspace: { configuration: true, applyEdit: true } });
    const uri = pathToFileURL(join(dir, 'draft.md')).href;
    client.open(uri, DRAFT);
    await client.waitForDiagnostics(uri, 1);
    await client.connection.sendRequest('workspace/executeCommand', {
      command: 'copydesk.server.addToLedger',
      arguments: [{ uri, claim: 'NATO classified network', correction: 'NATO unclassified network' }],
    });
    const ledger = readFileSync(join(dir, 'desk.yaml'), 'utf8');
    assert.ok(ledger.startsWith('# Our desk corrections\ncorrections:\n  - id: old-one\n'), ledger);
    assert.match(ledger, /claim: NATO classified network/);
  });
});
