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

export async function deactivate(): Promise<void> {
  await client?.stop();
}
