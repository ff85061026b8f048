import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ProtocolConnection, type Diagnostic, type PublishDiagnosticsParams, type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

import runtime from '../../server/src/node/server-runtime.json' with { type: 'json' };

export const SERVER = join(import.meta.dirname, '..', '..', 'dist', 'server.cjs');
/** Started as editors start it: with the server's Node options (see server-runtime.json). */
export const SERVER_ARGS = [...runtime.execArgv, SERVER, '--stdio'];

/** A minimal LSP client that drives the built server over stdio, as an editor would. */
export class TestClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly docs = new Map<string, TextDocument>();
  stderr = '';
  settings: Record<string, unknown> = {};
  readonly appliedEdits: unknown[] = [];
  /** Every version published for each URI, in order (a burst of edits should cost few). */
  readonly publishedVersions = new Map<string, Array<number | undefined>>();

  constructor() {
    this.process = spawn(process.execPath, SERVER_ARGS, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => { this.stderr += String(d); });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      const versions = this.publishedVersions.get(p.uri) ?? [];
      this.publishedVersions.set(p.uri, versions);
      versions.push(p.version);
      for (const w of [...this.waiters]) if (w.test(p)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(p); }
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: { edit: { changes: Record<string, Array<{ range: never; newText: string }>> } }) => {
      this.appliedEdits.push(p.edit);
      for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) {
        const doc = this.docs.get(uri);
        if (doc) this.change(uri, TextDocument.applyEdits(doc, edits));
      }
      return { applied: true };
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(capabilities: ClientCapabilities = { workspace: { configuration: true } }, initializationOptions?: unknown): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, locale: 'en', initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string, languageId = 'markdown'): TextDocument {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Replaces the whole text (full sync); returns the new version. */
  change(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const next = TextDocument.create(uri, doc.languageId, version, text);
    this.docs.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental edit, as editors send while typing. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, [{ range, text }], version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Resolves with the diagnostics published for `uri` at `version` (or any version when omitted). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<Diagnostic[]> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const have = this.diagnostics.get(uri);
    if (have && test(have)) return Promise.resolve(have.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version} in ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => { clearTimeout(timer); resolve(p.diagnostics); } });
    });
  }

  /** Waits for the next publication for `uri`, whatever it holds. */
  nextDiagnostics(uri: string, timeoutMs = 10000): Promise<Diagnostic[]> {
    this.diagnostics.delete(uri);
    return this.waitForDiagnostics(uri, undefined, timeoutMs);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch { /* already gone */ }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

export function applyEditsTo(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'markdown', 0, text), edits);
}
