/**
 * `copydesk ledger import FILE [--ledger corrections.yaml] [--dry-run]`: fact checks into the
 * corrections ledger. Exit 0 on success, 2 on any problem (unreadable input, no fact checks in
 * it, a broken ledger); nothing is written unless the merged ledger validates.
 */
import { entriesFromFactChecks } from '../core/ledger/import.js';
import { mergeLedgerEntries } from '../core/ledger/edit.js';
import { parseLedger } from '../core/ledger/parse.js';
import type { LedgerProblem } from '../core/ledger/types.js';

export interface LedgerImportIO {
  /** File text, or undefined (or a throw) when it cannot be read. */
  readFile(path: string): string | undefined;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

const USAGE = 'Usage: copydesk ledger import FILE [--ledger corrections.yaml] [--dry-run]\n' +
  '  FILE: schema.org ClaimReview JSON-LD (object, array or @graph) or a Fact Check Tools API response (claims[]).\n';

const show = (p: LedgerProblem) => `${p.path}:${p.line + 1}:${p.character + 1}: ${p.message}`;

/** `args` are the words after `copydesk ledger import`. Returns the exit code. */
export function runLedgerImport(args: string[], io: LedgerImportIO): number {
  let input: string | undefined;
  let ledgerPath = 'corrections.yaml';
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') { io.stdout(USAGE); return 0; }
    if (a === '--dry-run') dryRun = true;
    else if (a === '--ledger' && args[i + 1] !== undefined) ledgerPath = args[++i];
    else if (a.startsWith('--ledger=')) ledgerPath = a.slice('--ledger='.length);
    else if (a.startsWith('-') || input !== undefined) { io.stderr(`copydesk ledger import: unexpected argument "${a}"\n${USAGE}`); return 2; }
    else input = a;
  }
  if (!input) { io.stderr(`copydesk ledger import: no input file\n${USAGE}`); return 2; }

  const read = (path: string) => { try { return io.readFile(path); } catch { return undefined; } };
  const raw = read(input);
  if (raw === undefined) { io.stderr(`copydesk ledger import: cannot read "${input}"\n`); return 2; }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    io.stderr(`copydesk ledger import: "${input}" is not valid JSON: ${(err as Error).message}\n`);
    return 2;
  }
  const found = entriesFromFactChecks(json);
  for (const s of found.skipped) io.stderr(`copydesk ledger import: skipped ${s}\n`);
  if (found.entries.length === 0) {
    io.stderr(`copydesk ledger import: no fact checks in "${input}" (expected ClaimReview JSON-LD or a Fact Check Tools API claims[] response)\n`);
    return 2;
  }

  const before = read(ledgerPath) ?? '';
  const existing = parseLedger(before, ledgerPath).problems;
  if (existing.some((p) => p.message.startsWith('not valid YAML'))) {
    io.stderr(`copydesk ledger import: the ledger has errors; fix them first:\n${existing.map(show).join('\n')}\n`);
    return 2;
  }
  let merged;
  try {
    merged = mergeLedgerEntries(before, found.entries);
  } catch (err) {
    io.stderr(`copydesk ledger import: cannot update "${ledgerPath}": ${(err as Error).message}\n`);
    return 2;
  }
  const after = parseLedger(merged.text, ledgerPath).problems;
  const known = new Set(existing.map((p) => p.message));
  const introduced = after.filter((p) => !known.has(p.message));
  if (introduced.length) {
    io.stderr(`copydesk ledger import: the merged ledger would not be valid; nothing written:\n${introduced.map(show).join('\n')}\n`);
    return 2;
  }
  if (dryRun) io.stdout(merged.text);
  else if (merged.added.length || merged.updated.length || before === '') {
    try {
      io.writeFile(ledgerPath, merged.text);
    } catch (err) {
      io.stderr(`copydesk ledger import: cannot write "${ledgerPath}": ${(err as Error).message}\n`);
      return 2;
    }
  }
  io.stdout(`${dryRun ? 'Would import' : 'Imported'} ${found.entries.length} fact check(s) into ${ledgerPath}: ` +
    `${merged.added.length} added, ${merged.updated.length} updated, ${merged.unchanged.length} already there.\n`);
  if (existing.length) io.stderr(`copydesk ledger import: the ledger already had problems:\n${existing.map(show).join('\n')}\n`);
  return 0;
}
