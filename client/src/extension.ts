import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusItem } from './status.js';
import runtime from '../../server/src/node/server-runtime.json' with { type: 'json' };
import { initProject, openExample } from './walkthrough.js';

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
    run: { module, transport: TransportKind.ipc, options: { execArgv: runtime.execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...runtime.execArgv, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { trusted: vscode.workspace.isTrusted, reasonPrompt: true },
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
    vscode.commands.registerCommand('copydesk.reviewAll', () => reviewAll()),
    vscode.commands.registerCommand('copydesk.openExample', () => openExample(context)),
    vscode.commands.registerCommand('copydesk.init', () => initProject()),
    vscode.commands.registerCommand('copydesk.editReason', (uri: string, line: number) => editReason(uri, line)),
    vscode.commands.registerCommand('copydesk.showReview', (uri?: string) => showReview(uri)),
    vscode.languages.onDidChangeDiagnostics(() => status.update()),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
  );
  // Trust granted later: restart so the server reads the folder's config and ledger.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    if (!client) return;
    client.clientOptions.initializationOptions = { trusted: true, reasonPrompt: true };
    await client.restart();
  }));
  await client.start();
  status.update();
}

/** After "Disable … for this line/draft": ask why, and write the answer where the comment says "reason". */
async function editReason(uri: string, line: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor || line >= editor.document.lineCount) return;
  const text = editor.document.lineAt(line).text;
  const at = text.indexOf('-- reason -->');
  if (at < 0) return;
  const start = new vscode.Position(line, at + 3);
  const placeholder = new vscode.Range(start, start.translate(0, 'reason'.length));
  editor.selection = new vscode.Selection(placeholder.start, placeholder.end);
  const reason = await vscode.window.showInputBox({
    title: vscode.l10n.t('Why is this not a problem here?'),
    prompt: vscode.l10n.t('The reason stays in the draft, for the next editor.'),
    placeHolder: vscode.l10n.t('e.g. quoted from the court ruling; name withheld on purpose'),
  });
  if (reason?.trim()) await editor.edit((b) => b.replace(placeholder, reason.trim().replace(/-->/g, '')));
}

/** "Review all drafts": every draft in every workspace folder, into the Problems panel. */
async function reviewAll(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file') ?? [];
  if (!client || folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Copydesk: open a folder to review its drafts.'));
    return;
  }
  const c = client;
  const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Copydesk: reviewing drafts') }, async (progress) => {
    let last = 0;
    const listener = c.onNotification('copydesk/reviewProgress', (p: { done: number; total: number }) => {
      progress.report({ message: `${p.done} / ${p.total}`, increment: ((p.done - last) / Math.max(1, p.total)) * 100 });
      last = p.done;
    });
    try {
      return await c.sendRequest('workspace/executeCommand', { command: 'copydesk.server.reviewWorkspace', arguments: [folders.map((f) => f.uri.toString())] }) as
        { files: number; ready: number; blocked: number; errors: number; warnings: number };
    } finally {
      listener.dispose();
    }
  });
  const text = summary.blocked
    ? vscode.l10n.t('Copydesk reviewed {0} drafts: {1} ready, {2} with blockers ({3} errors, {4} warnings).', summary.files, summary.ready, summary.blocked, summary.errors, summary.warnings)
    : vscode.l10n.t('Copydesk reviewed {0} drafts: all ready to publish ({1} warnings to review).', summary.files, summary.warnings);
  const show = vscode.l10n.t('Show Problems');
  if (await vscode.window.showInformationMessage(text, show) === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** "Show review" (the summary lens): the draft's findings, most serious first; pick one to go there. */
async function showReview(uri?: string): Promise<void> {
  const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
  if (!target) return;
  const order = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];
  const findings = vscode.languages.getDiagnostics(target).filter((d) => d.source === 'copydesk')
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.range.start.compareTo(b.range.start));
  const icon = ['$(error)', '$(warning)', '$(info)', '$(info)'];
  const pick = await vscode.window.showQuickPick(
    findings.map((d) => ({ label: `${icon[d.severity]} ${d.message}`, description: `${String(typeof d.code === 'object' ? d.code.value : d.code)} · ${vscode.l10n.t('line {0}', d.range.start.line + 1)}`, d })),
    { title: findings.length ? vscode.l10n.t('Copydesk review: {0} findings', findings.length) : vscode.l10n.t('Copydesk review: nothing to fix, ready to publish'), placeHolder: vscode.l10n.t('Pick a finding to go to it') },
  );
  if (!pick) return;
  const editor = await vscode.window.showTextDocument(target);
  editor.selection = new vscode.Selection(pick.d.range.start, pick.d.range.end);
  editor.revealRange(pick.d.range, vscode.TextEditorRevealType.InCenter);
}

/** "Add selection to the corrections ledger": the selected words become a claim, the writer gives the correction. */
async function addSelectionToLedger(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const claim = editor.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
  if (!claim) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Copydesk: select the wrong wording first, then run this command.'));
    return;
  }
  if (editor.document.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Copydesk: save the draft first; the ledger lives beside it.'));
    return;
  }
  const correction = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add to the corrections ledger'),
    prompt: vscode.l10n.t('Corrected wording for “{0}”', claim),
    placeHolder: vscode.l10n.t('What is right'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The corrected wording is needed')),
  });
  if (!correction) return;
  const note = await vscode.window.showInputBox({ title: vscode.l10n.t('Add to the corrections ledger'), prompt: vscode.l10n.t('Note: what was wrong and what is right (optional)') });
  const source = await vscode.window.showInputBox({ title: vscode.l10n.t('Add to the corrections ledger'), prompt: vscode.l10n.t('Source: URL of the correction or clarification (optional)') });
  try {
    const result = await client.sendRequest('workspace/executeCommand', {
      command: 'copydesk.server.addToLedger',
      arguments: [{ uri: editor.document.uri.toString(), claim, correction: correction.trim(), note: note?.trim() || undefined, source: source?.trim() || undefined }],
    }) as { ledger: string; id: string };
    const openLedger = vscode.l10n.t('Open ledger');
    const open = await vscode.window.showInformationMessage(vscode.l10n.t('Copydesk: added “{0}” to {1}.', result.id, vscode.workspace.asRelativePath(result.ledger)), openLedger);
    if (open === openLedger) await vscode.window.showTextDocument(vscode.Uri.file(result.ledger));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Copydesk could not add the entry: {0}', (err as Error).message));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
