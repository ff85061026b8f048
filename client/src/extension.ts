import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusItem } from './status.js';

let client: LanguageClient | undefined;

const SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient 11 needs a log output channel.
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  const module = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    synchronize: {
      configurationSection: 'copydesk',
      // Ledgers may have any name (config `ledger:`); the server ignores changes it does not depend on.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    },
  };
  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  const status = new StatusItem();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: 'copydesk.server.fixAll', arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.addToLedger', () => addSelectionToLedger()),
    vscode.languages.onDidChangeDiagnostics(() => status.update()),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
  );
  // Trust granted later: restart so the server reads the folder's config and ledger.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    if (!client) return;
    client.clientOptions.initializationOptions = { trusted: true };
    await client.restart();
  }));
  await client.start();
  status.update();
}

/** "Add selection to the corrections ledger": the selected words become a claim, the writer gives the correction. */
async function addSelectionToLedger(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const claim = editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  if (!claim) {
    void vscode.window.showWarningMessage('Copydesk: select the wrong wording first, then run this command.');
    return;
  }
  if (editor.document.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Copydesk: save the draft first; the ledger lives beside it.');
    return;
  }
  const correction = await vscode.window.showInputBox({
    title: 'Add to the corrections ledger',
    prompt: `Corrected wording for “${claim}”`,
    placeHolder: 'What is right',
    validateInput: (v) => (v.trim() ? undefined : 'The corrected wording is needed'),
  });
  if (!correction) return;
  const note = await vscode.window.showInputBox({ title: 'Add to the corrections ledger', prompt: 'Note: what was wrong and what is right (optional)' });
  const source = await vscode.window.showInputBox({ title: 'Add to the corrections ledger', prompt: 'Source: URL of the correction or clarification (optional)' });
  try {
    const result = await client.sendRequest('workspace/executeCommand', {
      command: 'copydesk.server.addToLedger',
      arguments: [{ uri: editor.document.uri.toString(), claim, correction: correction.trim(), note: note?.trim() || undefined, source: source?.trim() || undefined }],
    }) as { ledger: string; id: string };
    const open = await vscode.window.showInformationMessage(`Copydesk: added “${result.id}” to ${vscode.workspace.asRelativePath(result.ledger)}.`, 'Open ledger');
    if (open) await vscode.window.showTextDocument(vscode.Uri.file(result.ledger));
  } catch (err) {
    void vscode.window.showErrorMessage(`Copydesk could not add the entry: ${(err as Error).message}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
