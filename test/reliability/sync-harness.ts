/**
 * Drives the real language server over stdio with incremental edits and checks, after every
 * didChange, that the server's diagnostics equal an in-process lint() of the client's text: the
 * same findings, ranges, messages and fixes prove both that the server's copy of the text is the
 * client's and that its ranges are right. Used by lsp-sync.test.ts and by scripts/fuzz.ts.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/core/engine.js';
import { loadProject } from '../../server/src/node/project.js';
import type { Finding, Range } from '../../server/src/core/types.js';
import type { TestClient } from '../helpers/lsp-client.js';
import { resolveEdit, type EditSpec } from './generators.js';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** What a diagnostic says, in a form both sides produce. */
function shape(range: Range, code: unknown, severity: unknown, message: string, fixes: unknown) {
  return { range, code, severity, message, fixes };
}

export function expectedDiagnostics(uri: string, text: string, kind: 'markdown' | 'plaintext'): ReturnType<typeof shape>[] {
  const path = fileURLToPath(uri);
  const project = loadProject(path);
  const { findings } = lint({ text, kind, path, config: project.config, ledger: project.ledger, locale: 'en' });
  return findings.map((f: Finding) => shape(f.range, f.rule, SEVERITY[f.severity], f.message, f.fixes));
}

export function actualShape(diagnostics: Diagnostic[]): ReturnType<typeof shape>[] {
  return diagnostics.map((d) => shape(d.range, d.code, d.severity, String(d.message), (d.data as { fixes?: unknown } | undefined)?.fixes ?? []));
}

/** Every range lies inside the document, in order, and never splits a surrogate pair or a CRLF. */
export function assertRangesInside(text: string, diagnostics: Array<{ range: Range; fixes?: unknown }>, context: string): void {
  const doc = TextDocument.create('x:', 'markdown', 0, text);
  const lines = text.split(/\r\n|\r|\n/);
  const check = (r: Range, what: string) => {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${context}: ${what} line ${p.line} outside 0..${lines.length - 1}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${context}: ${what} character ${p.character} past line ${p.line} (${lines[p.line].length})`);
    }
    const s = doc.offsetAt(r.start);
    const e = doc.offsetAt(r.end);
    assert.ok(s <= e, `${context}: ${what} ends before it starts: ${JSON.stringify(r)}`);
    for (const o of [s, e]) {
      const splitsPair = o > 0 && o < text.length && /[\uD800-\uDBFF]/.test(text[o - 1]) && /[\uDC00-\uDFFF]/.test(text[o]);
      assert.ok(!splitsPair, `${context}: ${what} splits a surrogate pair at offset ${o}: ${JSON.stringify(r)}`);
    }
  };
  for (const d of diagnostics) {
    check(d.range, 'range');
    for (const fix of (d.fixes ?? []) as Array<{ edits: Array<{ range: Range }> }>) for (const e of fix.edits) check(e.range, 'fix edit');
  }
}

export interface SyncStats { edits: number; notifications: number }

/**
 * Opens `initial`, sends each step as one didChange (one or more content changes), waits for the
 * diagnostics of that version and compares. Every `checkEvery`-th step is compared (1: all); the
 * others are sent without waiting, so the server also sees bursts it must coalesce.
 */
export async function runSyncCase(client: TestClient, uri: string, initial: string, steps: EditSpec[][], stats: SyncStats, kind: 'markdown' | 'plaintext' = 'markdown', checkEvery = 1): Promise<void> {
  let doc = TextDocument.create(uri, kind, 1, initial);
  void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: kind, version: 1, text: initial } });
  const history: string[] = [];
  const compare = async (version: number) => {
    const text = doc.getText();
    const diagnostics = await client.waitForDiagnostics(uri, version, 15000);
    const context = `${uri}@${version} after ${JSON.stringify(history.slice(-3))}, text ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`;
    const actual = actualShape(diagnostics);
    assertRangesInside(text, actual, context);
    assert.deepEqual(actual, expectedDiagnostics(uri, text, kind), context);
  };
  try {
    await compare(1);
    for (let i = 0; i < steps.length; i++) {
      const changes = [];
      let text = doc.getText();
      for (const spec of steps[i]) {
        const e = resolveEdit(text, spec);
        const range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
        changes.push({ range, text: e.text });
        // Positions of a later change refer to the text after the earlier ones, as in LSP.
        doc = TextDocument.create(uri, kind, doc.version, text.slice(0, e.start) + e.text + text.slice(e.end));
        text = doc.getText();
        history.push(`${e.start}-${e.end}:${JSON.stringify(e.text)}`);
        stats.edits++;
      }
      const version = doc.version + 1;
      doc = TextDocument.create(uri, kind, version, text);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      stats.notifications++;
      if ((i + 1) % checkEvery === 0 || i === steps.length - 1) await compare(version);
    }
  } finally {
    void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
}
