import * as vscode from 'vscode';
import { CONFIG_TEMPLATE, LEDGER_TEMPLATE } from '../../server/src/cli/init-templates.js';

/** The example the walkthrough opens: one draft showing all three kinds of findings. */
const EXAMPLE_DRAFT = `---
title: OpenAI weighs a NATO contract
lang: en
translated_from: id
translation: machine
---

# OpenAI weighs a NATO contract

JAKARTA - OpenAI will deploy its technology across the NATO classified network, according to a
source familiar with the talks.

OpenAI CEO Sam Altman said the company had weighed the contract for weeks.

"This is an example of a complex but right decision."
`;

const EXAMPLE_CONFIG = 'ledger: corrections.yaml\n';
const EXAMPLE_LEDGER = `corrections:
  - id: nato-network
    claim: NATO classified network
    correction: NATO unclassified network
    note: The talks concern only NATO's unclassified network, a spokesperson clarified.
    date: 2026-03-04
`;

async function write(uri: vscode.Uri, text: string, overwrite: boolean): Promise<boolean> {
  if (!overwrite) {
    try { await vscode.workspace.fs.stat(uri); return false; } catch { /* does not exist: write it */ }
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return true;
}

function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Walkthrough step 1: writes a small example newsroom (draft, config, ledger) and opens the draft. */
export async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const base = targetFolder() ?? context.globalStorageUri;
  const folder = vscode.Uri.joinPath(base, 'copydesk-example');
  await vscode.workspace.fs.createDirectory(folder);
  await write(vscode.Uri.joinPath(folder, '.copydesk.yaml'), EXAMPLE_CONFIG, true);
  await write(vscode.Uri.joinPath(folder, 'corrections.yaml'), EXAMPLE_LEDGER, true);
  const draft = vscode.Uri.joinPath(folder, 'example-draft.md');
  await write(draft, EXAMPLE_DRAFT, true);
  await vscode.window.showTextDocument(draft);
}

/** Walkthrough step 4 (and a command): starter .copydesk.yaml and corrections.yaml, as `copydesk init` writes them. */
export async function initProject(): Promise<void> {
  const folder = targetFolder();
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Copydesk: open your newsroom folder first.'));
    return;
  }
  const config = vscode.Uri.joinPath(folder, '.copydesk.yaml');
  const wroteConfig = await write(config, CONFIG_TEMPLATE, false);
  const wroteLedger = await write(vscode.Uri.joinPath(folder, 'corrections.yaml'), LEDGER_TEMPLATE, false);
  if (!wroteConfig && !wroteLedger) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Copydesk: .copydesk.yaml and corrections.yaml already exist; nothing was changed.'));
  }
  await vscode.window.showTextDocument(config);
}
