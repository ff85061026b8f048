import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintInput, type LintResult } from '../core/engine.js';
import type { Finding } from '../core/types.js';
import { CONFIG_FILE_NAMES, DEFAULT_LEDGER } from '../core/config.js';
import { DEFAULT_SETTINGS, readSettings, severityOverrides, type EditorSettings } from '../lsp/settings.js';
import { toDiagnostic } from '../lsp/diagnostics.js';
import { FIX_ALL_KIND, codeActionsFor, fixAllAction } from '../lsp/code-actions.js';
import { registerFeatures } from '../lsp/features/index.js';
import { READ_FILES_REQUEST, WebProjects, type ReadFilesParams, type ReadFilesResult } from './project.js';
import { uriPath } from './uri-host.js';
import { relocalize, translator } from '../core/l10n.js';
import '../core/l10n-bundles.js';

export const FIX_ALL_COMMAND = 'copydesk.server.fixAll';

/** What the web extension passes in `initializationOptions`. */
export interface WebInitializationOptions {
  /** False in an untrusted workspace: built-in defaults only, nothing read from the folder. */
  trusted?: boolean;
  /** Base URL of the installed extension (rule docs live under docs/rules/). */
  packageBaseUrl?: string;
}

/**
 * The language server for a browser worker (vscode.dev, github.dev). The same engine and the same
 * diagnostics, code actions and settings as server/src/lsp/server.ts; what differs is where
 * files come from: the worker has no file system, so the config and ledgers of a draft are read
 * through the client (`copydesk/readFiles`, answered from VS Code's workspace file system).
 * Adding to the ledger (a file write) is not offered here.
 */
export function startWebServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let readFilesWorks = true;
  const projects = new WebProjects(async (uris) => {
    if (!readFilesWorks) return uris.map(() => null);
    try {
      return await connection.sendRequest<ReadFilesResult>(READ_FILES_REQUEST, { uris } satisfies ReadFilesParams);
    } catch (err) {
      // A client without the request (a generic web LSP client): check with built-in defaults.
      readFilesWorks = false;
      connection.console.warn(`Copydesk: the client cannot read project files (${(err as Error).message}); using built-in defaults.`);
      return uris.map(() => null);
    }
  });
  const results = new Map<string, { version: number; result: LintResult }>();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  let baseUrl = '';
  let locale: string | undefined;
  let pullMode = false;
  let canRefresh = false;
  let hasConfiguration = false;
  const publishedProblemUris = new Set<string>();

  let featureCapabilities: Partial<ServerCapabilities> = {};
  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    const options = (params.initializationOptions ?? {}) as WebInitializationOptions;
    projects.trusted = options.trusted !== false;
    baseUrl = options.packageBaseUrl ?? '';
    projects.workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    const caps = params.capabilities;
    pullMode = !!caps.textDocument?.diagnostic;
    canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    hasConfiguration = !!caps.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND] },
        ...featureCapabilities,
        ...(pullMode ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'copydesk-ls (web)', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'copydesk' });
  });

  const settingsFor = (uri: string): Promise<EditorSettings> => {
    if (!hasConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk' }).then(readSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  };

  /** Checks another text with the settings of `uri`'s last run (for fix-all passes). */
  const relinters = new Map<string, (text: string) => Finding[]>();
  const relint = (uri: string) => relinters.get(uri) ?? (() => []);

  const analyse = async (doc: TextDocument): Promise<LintResult | undefined> => {
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const settings = await settingsFor(doc.uri);
    if (!settings.enable) { results.delete(doc.uri); return undefined; }
    const project = await projects.forDocument(doc.uri);
    publishProjectProblems();
    // The document may have changed while the project loaded: check the text it has now.
    const current = documents.get(doc.uri) ?? doc;
    const input: Omit<LintInput, 'text'> = {
      kind: current.languageId === 'markdown' ? 'markdown' : 'plaintext',
      path: uriPath(current.uri),
      config: project.config, ledger: project.ledger, locale,
      severityOverrides: severityOverrides(settings), maxChars: settings.maxChars,
    };
    const result = lint({ ...input, text: current.getText() });
    relinters.set(current.uri, (text) => lint({ ...input, text }).findings);
    results.set(current.uri, { version: current.version, result });
    return result;
  };

  const diagnosticsFor = async (doc: TextDocument): Promise<Diagnostic[]> => {
    try {
      const result = await analyse(doc);
      return result ? result.findings.map((f) => toDiagnostic(f, baseUrl)) : [];
    } catch (err) {
      connection.console.error(`Copydesk failed on ${doc.uri}: ${(err as Error).stack ?? err}`);
      return [];
    }
  };

  /** Config and ledger problems go to the file they are in (here every "path" is a URI). */
  const publishProjectProblems = () => {
    const byUri = new Map<string, Diagnostic[]>();
    for (const uri of projects.dependencies()) byUri.set(uri, []);
    for (const uri of publishedProblemUris) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const p of projects.problemsList()) {
      const list = byUri.get(p.path) ?? [];
      list.push({ range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } }, severity: 1, source: 'copydesk', code: 'configuration', message: relocalize(locale, p.message) });
      byUri.set(p.path, list);
    }
    for (const [uri, diagnostics] of byUri) {
      if (diagnostics.length === 0 && !publishedProblemUris.has(uri)) continue;
      if (documents.get(uri) && pullMode) continue;
      void connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) publishedProblemUris.add(uri); else publishedProblemUris.delete(uri);
    }
  };

  // Push mode: analyse on a later task so a burst of edits costs one run (no setImmediate in workers).
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const schedule = (doc: TextDocument) => {
    if (pullMode) return;
    const old = pending.get(doc.uri);
    if (old !== undefined) clearTimeout(old);
    pending.set(doc.uri, setTimeout(async () => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      const diagnostics = await diagnosticsFor(current);
      if (documents.get(doc.uri)?.version !== current.version) return; // stale: a newer run is coming
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    }, 0));
  };

  const relintAll = () => {
    results.clear();
    if (pullMode) { if (canRefresh) void connection.languages.diagnostics.refresh(); }
    else for (const d of documents.all()) schedule(d);
  };

  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    relinters.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!pullMode) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return { kind: 'full', items: doc ? await diagnosticsFor(doc) : [] };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const names = [...CONFIG_FILE_NAMES, DEFAULT_LEDGER];
    const deps = projects.dependencies();
    const relevant = params.changes.some((c) => names.some((n) => c.uri.endsWith('/' + n)) || deps.has(c.uri));
    if (!relevant) return;
    projects.clear();
    relintAll();
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await analyse(doc);
    return codeActionsFor(doc, result, params.context, relint(doc.uri), translator(locale));
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== FIX_ALL_COMMAND) return;
    const uri = String(params.arguments?.[0] ?? '');
    const doc = documents.get(uri);
    if (!doc) return;
    const result = await analyse(doc);
    const action = result && fixAllAction(doc, result.findings, relint(doc.uri), undefined, translator(locale));
    const t = translator(locale);
    if (action?.edit) await connection.workspace.applyEdit({ label: t('Copydesk: fix all'), edit: action.edit });
  });

  // The base URL arrives with initialize, after the features register: hand them a live view.
  featureCapabilities = registerFeatures({ connection, documents, analyse, settingsFor, get packageBaseUrl() { return baseUrl; }, locale: () => locale });
  documents.listen(connection);
  connection.listen();
}
