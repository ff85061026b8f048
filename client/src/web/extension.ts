// The web extension (package.json "browser": vscode.dev, github.dev). The language server runs
// in a web worker (dist/web/server.js); it has no file system, so this side reads the drafts'
// .copydesk.yaml and ledgers for it through VS Code's workspace file system (copydesk/readFiles).
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/browser';
import { StatusItem } from '../status.js';

// No DOM lib in the repository's tsconfig: the Worker constructor is declared here.
interface WorkerHandle { terminate(): void }
declare const Worker: new (url: string, options?: { name?: string }) => WorkerHandle;

/** Same limit as the Node server's readTextFile (server/src/node/fs-host.ts). */
const MAX_PROJECT_FILE_BYTES = 20 * 1024 * 1024;
const READ_FILES_REQUEST = 'copydesk/readFiles';

let client: LanguageClient | undefined;

// Workspaces on the web are virtual: github.dev/vscode.dev use vscode-vfs, @vscode/test-web
// vscode-test-web; output channels (scheme "output") are plain text too and are left alone.
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote'];
const SELECTOR = SCHEMES.flatMap((scheme) => [{ scheme, language: 'markdown' }, { scheme, language: 'plaintext' }]);

/** A project file's saved text (as on the desktop, where the server reads the disk), or null when it is missing, not a file, too big or not UTF-8 text. */
async function readText(uri: string): Promise<string | null> {
  if (!vscode.workspace.isTrusted) return null;
  try {
    const target = vscode.Uri.parse(uri, true);
    const stat = await vscode.workspace.fs.stat(target);
    if ((stat.type & vscode.FileType.File) === 0 || stat.size > MAX_PROJECT_FILE_BYTES) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(target));
  } catch {
    return null;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted, packageBaseUrl: context.extensionUri.toString() },
    synchronize: {
      configurationSection: 'copydesk',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    },
  };
  // A factory, not a Worker: a restart (trust granted) needs a fresh worker.
  let worker: WorkerHandle | undefined;
  const serverOptions = async () => {
    worker?.terminate();
    worker = new Worker(serverMain.toString(true), { name: 'Copydesk language server' });
    return worker as unknown as Awaited<ReturnType<Extract<ServerOptions, () => unknown>>>;
  };
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  client.onRequest(READ_FILES_REQUEST, (params: { uris: string[] }) => Promise.all(params.uris.map(readText)));
  const status = new StatusItem();
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !client) return;
      await client.sendRequest('workspace/executeCommand', { command: 'copydesk.server.fixAll', arguments: [editor.document.uri.toString()] });
    }),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.addToLedger', () => {
      void vscode.window.showInformationMessage(vscode.l10n.t('Copydesk: adding to the corrections ledger is not available in the browser yet. Edit the ledger file (corrections.yaml) directly; Copydesk picks up the change.'));
    }),
    vscode.languages.onDidChangeDiagnostics(() => status.update()),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
  );
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    if (!client) return;
    client.clientOptions.initializationOptions = { trusted: true, packageBaseUrl: context.extensionUri.toString() };
    await client.stop();
    await client.start();
  }));
  await client.start();
  status.update();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
