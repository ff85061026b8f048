import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lint, type LintInput, type LintResult } from '../core/engine.js';
import type { Finding } from '../core/types.js';
import { DEFAULT_SETTINGS, readSettings, severityOverrides, type EditorSettings } from './settings.js';
import { toDiagnostic } from './diagnostics.js';
import { FIX_ALL_KIND, enableReasonPrompt, codeActionsFor, fixAllAction } from './code-actions.js';
import { ProjectCache } from './projects.js';
import { refreshAnnotations, registerFeatures } from './features/index.js';
import { packageRootUrl } from '../node/package-root.js';
import { relocalize, translator } from '../core/l10n.js';
import '../core/l10n-bundles.js';
import { CONFIG_FILE_NAMES, DEFAULT_LEDGER } from '../core/config.js';
import { REVIEW_COMMAND, WorkspaceReview } from './review.js';
import { ADD_TO_LEDGER_COMMAND, addToLedger, type AddToLedgerArgs } from './ledger-command.js';

export const FIX_ALL_COMMAND = 'copydesk.server.fixAll';

/** Wires the engine to an LSP connection. Thin: everything editorial happens in the core. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const projects = new ProjectCache();
  const results = new Map<string, { version: number; result: LintResult }>();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  const baseUrl = packageRootUrl();
  let locale: string | undefined;
  let workspaceFolders: string[] = [];
  let pullMode = false;
  let refreshSupport: Parameters<typeof refreshAnnotations>[1] = {};
  let canRefresh = false;
  let hasConfiguration = false;
  const publishedProblemUris = new Set<string>();

  let featureCapabilities: Partial<ServerCapabilities> = {};
  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri?.startsWith('file:')) workspaceFolders = [fileURLToPath(params.rootUri)];
    projects.roots = workspaceFolders;
    // In an untrusted workspace the client says so: use built-in defaults, read nothing from the folder.
    const init = params.initializationOptions as { trusted?: boolean; reasonPrompt?: boolean } | undefined;
    projects.trusted = init?.trusted !== false;
    enableReasonPrompt(init?.reasonPrompt === true);
    const caps = params.capabilities;
    pullMode = !!caps.textDocument?.diagnostic;
    refreshSupport = {
      inlayHints: !!caps.workspace?.inlayHint?.refreshSupport,
      semanticTokens: !!caps.workspace?.semanticTokens?.refreshSupport,
      codeLens: !!caps.workspace?.codeLens?.refreshSupport,
    };
    canRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    hasConfiguration = !!caps.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [FIX_ALL_COMMAND, ADD_TO_LEDGER_COMMAND, REVIEW_COMMAND] },
        ...featureCapabilities,
        ...(pullMode ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'copydesk-ls', version: '0.1.0' },
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

  const analyse = async (doc: TextDocument): Promise<LintResult | undefined> => {
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const settings = await settingsFor(doc.uri);
    if (!settings.enable) { results.delete(doc.uri); return undefined; }
    const project = projects.forDocument(doc.uri);
    publishProjectProblems();
    const input: Omit<LintInput, 'text'> = {
      kind: doc.languageId === 'markdown' ? 'markdown' : 'plaintext',
      path: doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined,
      config: project.config, ledger: project.ledger, locale,
      severityOverrides: severityOverrides(settings), maxChars: settings.maxChars,
    };
    const result = lint({ ...input, text: doc.getText() });
    relinters.set(doc.uri, (text) => lint({ ...input, text }).findings);
    results.set(doc.uri, { version: doc.version, result });
    return result;
  };
  /** Checks another text with the settings of `uri`'s last run (for fix-all passes). */
  const relinters = new Map<string, (text: string) => Finding[]>();
  const relint = (uri: string) => relinters.get(uri) ?? (() => []);

  const diagnosticsFor = async (doc: TextDocument): Promise<Diagnostic[]> => {
    try {
      const result = await analyse(doc);
      return result ? result.findings.map((f) => toDiagnostic(f, baseUrl)) : [];
    } catch (err) {
      connection.console.error(`Copydesk failed on ${doc.uri}: ${(err as Error).stack ?? err}`);
      return [];
    }
  };

  /** Config and ledger problems go to the file they are in, so the Problems panel shows them there. */
  const publishProjectProblems = () => {
    const byUri = new Map<string, Diagnostic[]>();
    for (const file of projects.files()) byUri.set(pathToFileURL(file).href, []);
    for (const uri of publishedProblemUris) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const p of projects.problemsList()) {
      const uri = pathToFileURL(p.path).href;
      const list = byUri.get(uri) ?? [];
      list.push({ range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } }, severity: 1, source: 'copydesk', code: 'configuration', message: relocalize(locale, p.message) });
      byUri.set(uri, list);
    }
    for (const [uri, diagnostics] of byUri) {
      if (diagnostics.length === 0 && !publishedProblemUris.has(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) publishedProblemUris.add(uri); else publishedProblemUris.delete(uri);
    }
  };

  // Push mode: analyse on the next turn of the event loop so a burst of edits costs one run.
  const pending = new Map<string, NodeJS.Immediate>();
  const schedule = (doc: TextDocument) => {
    if (pullMode) return;
    const old = pending.get(doc.uri);
    if (old) clearImmediate(old);
    pending.set(doc.uri, setImmediate(async () => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      const diagnostics = await diagnosticsFor(current);
      if (documents.get(doc.uri)?.version !== current.version) return; // stale: a newer run is coming
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    }));
  };

  const relintAll = () => {
    results.clear();
    if (pullMode) { if (canRefresh) void connection.languages.diagnostics.refresh(); }
    else for (const d of documents.all()) schedule(d);
  };

  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidOpen((e) => {
    // The open draft's pulled diagnostics replace what a workspace review pushed for it.
    if (pullMode && review.isReviewed(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    relinters.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (review.isReviewed(e.document.uri)) void review.rerun();
    else if (!pullMode) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return { kind: 'full', items: doc ? await diagnosticsFor(doc) : [] };
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    relintAll();
    refreshAnnotations(connection, refreshSupport);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const names = [...CONFIG_FILE_NAMES, DEFAULT_LEDGER];
    const deps = projects.files();
    const relevant = params.changes.some((c) => names.some((n) => c.uri.endsWith('/' + n)) || (c.uri.startsWith('file:') && deps.has(fileURLToPath(c.uri))));
    if (!relevant) return;
    projects.clear();
    relintAll();
    void review.rerun();
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await analyse(doc);
    return codeActionsFor(doc, result, params.context, relint(doc.uri), translator(locale));
  });

  const review = new WorkspaceReview(connection, documents, (uri) => projects.forDocument(uri), (findings) => findings.map((f) => toDiagnostic(f, baseUrl)), () => locale);

  connection.onExecuteCommand(async (params) => {
    if (params.command === REVIEW_COMMAND) {
      const folders = (params.arguments?.[0] as string[] | undefined) ?? workspaceFolders;
      return review.run(folders.map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)));
    }
    if (params.command === ADD_TO_LEDGER_COMMAND) {
      const args = params.arguments?.[0] as AddToLedgerArgs;
      const result = await addToLedger(args, projects.forDocument(args.uri), workspaceFolders, documents, connection);
      projects.clear();
      relintAll();
      return result;
    }
    if (params.command !== FIX_ALL_COMMAND) return;
    const uri = String(params.arguments?.[0] ?? '');
    const doc = documents.get(uri);
    if (!doc) return;
    const result = await analyse(doc);
    const action = result && fixAllAction(doc, result.findings, relint(doc.uri), undefined, translator(locale));
    const t = translator(locale);
    if (action?.edit) await connection.workspace.applyEdit({ label: t('Copydesk: fix all'), edit: action.edit });
  });

  featureCapabilities = registerFeatures({
    connection, documents, analyse, settingsFor, packageBaseUrl: baseUrl, locale: () => locale,
    annotateOptions: (uri) => {
      const { config } = projects.forDocument(uri);
      return { templates: config.disclaimers, primaryLanguage: config.primaryLanguage };
    },
  });
  documents.listen(connection);
  connection.listen();
}
