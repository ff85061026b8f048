import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { addLedgerEntry } from '../core/ledger/edit.js';
import { parseLedger } from '../core/ledger/parse.js';
import { readTextFile } from '../node/fs-host.js';
import type { Project } from '../node/project.js';

export const ADD_TO_LEDGER_COMMAND = 'copydesk.server.addToLedger';

export interface AddToLedgerArgs {
  uri: string;
  claim: string;
  correction: string;
  note?: string;
  source?: string;
}

export interface AddToLedgerResult { ledger: string; id: string; createdConfig?: string }

/**
 * Writes a new ledger entry for a claim selected in a draft. The ledger is the one the draft's
 * configuration names; with no configuration yet, a .copydesk.yaml naming corrections.yaml is
 * created in the workspace folder, so the new entry takes effect at once.
 */
export async function addToLedger(
  args: AddToLedgerArgs, project: Project, workspaceFolders: string[], documents: TextDocuments<TextDocument>, connection: Connection,
): Promise<AddToLedgerResult> {
  const draft = fileURLToPath(args.uri);
  let createdConfig: string | undefined;
  let ledgerPath = project.config.ledger[0];
  if (!ledgerPath) {
    const configDir = project.config.files[0] ? dirname(project.config.files[0]) : workspaceFolders.find((f) => draft.startsWith(f + '/')) ?? dirname(draft);
    ledgerPath = join(configDir, 'corrections.yaml');
    if (!project.config.files[0]) {
      createdConfig = join(configDir, '.copydesk.yaml');
      writeAtomically(createdConfig, '# Copydesk configuration (see the README).\nledger: corrections.yaml\n');
    }
  }
  const uri = pathToFileURL(ledgerPath).href;
  const open = documents.get(uri);
  const before = open?.getText() ?? (existsSync(ledgerPath) ? readTextFile(ledgerPath) : '');
  if (before === undefined) throw new Error(`cannot read ${ledgerPath}`);
  const date = new Date().toISOString().slice(0, 10);
  const after = addLedgerEntry(before, { claim: args.claim, correction: args.correction, note: args.note, source: args.source, date });
  const id = parseLedger(after, ledgerPath).entries.at(-1)?.id ?? '';
  if (open) {
    // The ledger is open: edit the buffer (undoable), the writer saves it.
    await connection.workspace.applyEdit({
      label: 'Copydesk: add to corrections ledger',
      edit: { changes: { [uri]: [{ range: { start: open.positionAt(0), end: open.positionAt(before.length) }, newText: after }] } },
    });
  } else {
    writeAtomically(ledgerPath, after);
  }
  return { ledger: ledgerPath, id, createdConfig };
}

function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.copydesk-${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}
