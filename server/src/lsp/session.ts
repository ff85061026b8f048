import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type Connection, type Diagnostic, type InitializeParams, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintInput, type LintResult } from '../core/engine.js';
import type { Finding } from '../core/types.js';
import type { AnnotateOptions } from '../core/annotations/model.js';
import type { ConfigProblem, ResolvedConfig } from '../core/config.js';
import type { Ledger } from '../core/ledger/types.js';
import { relocalize, translator } from '../core/l10n.js';
import '../core/l10n-bundles.js';
import { DEFAULT_SETTINGS, readSettings, severityOverrides, type EditorSettings } from './settings.js';
import { toDiagnostic } from './diagnostics.js';
import { FIX_ALL_KIND, codeActionsFor, fixAllAction } from './code-actions.js';
import { refreshAnnotations, registerFeatures } from './features/index.js';

export const FIX_ALL_COMMAND = 'copydesk.server.fixAll';

/** A draft's project: its configuration, its ledger, and every problem found reading them. */
export interface SessionProject { config: ResolvedConfig; ledger: Ledger; problems: ConfigProblem[] }

/**
 * Where a server gets each draft's project from: the file system (desktop) or the client's
 * workspace file system (browser worker). The rest of a server is the same and lives here.
 */
export interface ProjectSource {
  forDocument(uri: string): SessionProject | Promise<SessionProject>;
  /** Whether a changed file (URI) is a config or ledger some loaded project read. */
  isDependency(uri: string): boolean;
  /** URIs of the config and ledger files the loaded projects read. */
  dependencyUris(): string[];
  /** Problems of the loaded projects, each with the URI of the file it is in, without repeats. */
  problems(): Array<ConfigProblem & { uri: string }>;
  clear(): void;
}

export interface SessionOptions {
  projects: ProjectSource;
  serverInfo: { name: string; version: string };
  /** The draft's file path (for relative paths in the engine), if it has one. */
  pathOf(uri: string): string | undefined;
  /** Runs `fn` on a later turn of the event loop; returns what cancels it. */
  later(fn: () => void): () => void;
  /** The server's own part of initialize (workspace folders, trust, where its docs are). */
  initialize(params: InitializeParams): void;
  packageBaseUrl(): string;
  /** Commands beyond fix-all, by name. */
  commands?: Record<string, (args: unknown[] | undefined) => Promise<unknown>>;
  annotateOptions?(uri: string): AnnotateOptions | undefined;
  onOpen?(uri: string): void;
  /** A draft closed: true when the server has published for it itself (else its diagnostics are cleared). */
  onClose?(uri: string): boolean;
  /** A config or ledger changed (after the projects were dropped and open drafts scheduled). */
  onDependencyChange?(): void;
}

export interface Session {
  readonly documents: TextDocuments<TextDocument>;
  readonly pullMode: boolean;
  locale(): string | undefined;
  /** Drops every cached result and checks the open drafts again. */
  relintAll(): void;
}

/**
 * Wires the engine to an LSP connection: documents, settings, diagnostics (push or pull), code
 * actions, fix-all and the annotation features. Thin: everything editorial happens in the core.
 */
export function startSession(connection: Connection, options: SessionOptions): Session {
  const { projects } = options;
  const documents = new TextDocuments(TextDocument);
  const results = new Map<string, { version: number; result: LintResult }>();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  let locale: string | undefined;
  let pullMode = false;
  let refreshSupport: Parameters<typeof refreshAnnotations>[1] = {};
  let canRefresh = false;
  let hasConfiguration = false;
  const publishedProblemUris = new Set<string>();
  const commands = { ...options.commands };

  let featureCapabilities: Partial<ServerCapabilities> = {};
  connection.onInitialize((params): InitializeResult => {
    locale = params.locale;
    options.initialize(params);
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
        executeCommandProvider: { commands: [FIX_ALL_COMMAND, ...Object.keys(commands)] },
        ...featureCapabilities,
        ...(pullMode ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: options.serverInfo,
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
    // The document may have changed while settings or project loaded: check the text it has now.
    const current = documents.get(doc.uri) ?? doc;
    const input: Omit<LintInput, 'text'> = {
      kind: current.languageId === 'markdown' ? 'markdown' : 'plaintext',
      path: options.pathOf(current.uri),
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
      return result ? result.findings.map((f) => toDiagnostic(f, options.packageBaseUrl())) : [];
    } catch (err) {
      connection.console.error(`Copydesk failed on ${doc.uri}: ${(err as Error).stack ?? err}`);
      return [];
    }
  };

  /** Config and ledger problems go to the file they are in, so the Problems panel shows them there. */
  const publishProjectProblems = () => {
    const byUri = new Map<string, Diagnostic[]>();
    for (const uri of projects.dependencyUris()) byUri.set(uri, []);
    for (const uri of publishedProblemUris) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const p of projects.problems()) {
      const list = byUri.get(p.uri) ?? [];
      list.push({ range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } }, severity: 1, source: 'copydesk', code: 'configuration', message: relocalize(locale, p.message) });
      byUri.set(p.uri, list);
    }
    for (const [uri, diagnostics] of byUri) {
      if (diagnostics.length === 0 && !publishedProblemUris.has(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) publishedProblemUris.add(uri); else publishedProblemUris.delete(uri);
    }
  };

  // Push mode: no debounce, but edits that arrive faster than analysis cost one run. vscode-jsonrpc
  // hands over one queued message per turn of Node's event loop (setImmediate), so a run scheduled
  // for the next turn would still come before a didChange that has already arrived. Waiting one
  // turn more lets the queue go first: each queued didChange cancels the run before it, and a
  // lone keystroke waits two turns (microseconds). A test counts the publications of a burst.
  const pending = new Map<string, () => void>();
  const run = async (uri: string) => {
    pending.delete(uri);
    const current = documents.get(uri);
    if (!current) return;
    const diagnostics = await diagnosticsFor(current);
    if (documents.get(uri)?.version !== current.version) return; // stale: a newer run is coming
    void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
  };
  const schedule = (doc: TextDocument) => {
    if (pullMode) return;
    const uri = doc.uri;
    pending.get(uri)?.();
    pending.set(uri, options.later(() => pending.set(uri, options.later(() => void run(uri)))));
  };

  const relintAll = () => {
    results.clear();
    if (pullMode) { if (canRefresh) void connection.languages.diagnostics.refresh(); }
    else for (const d of documents.all()) schedule(d);
  };

  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidOpen((e) => options.onOpen?.(e.document.uri));
  documents.onDidClose((e) => {
    results.delete(e.document.uri);
    relinters.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    const handled = options.onClose?.(e.document.uri) ?? false;
    if (!handled && !pullMode) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
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
    if (!params.changes.some((c) => projects.isDependency(c.uri))) return;
    projects.clear();
    relintAll();
    options.onDependencyChange?.();
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await analyse(doc);
    return codeActionsFor(doc, result, params.context, relint(doc.uri), translator(locale));
  });

  connection.onExecuteCommand(async (params) => {
    const command = commands[params.command];
    if (command) return command(params.arguments);
    if (params.command !== FIX_ALL_COMMAND) return;
    const uri = String(params.arguments?.[0] ?? '');
    const doc = documents.get(uri);
    if (!doc) return;
    const result = await analyse(doc);
    const t = translator(locale);
    const action = result && fixAllAction(doc, result.findings, relint(doc.uri), undefined, t);
    if (action?.edit) await connection.workspace.applyEdit({ label: t('Copydesk: fix all'), edit: action.edit });
  });

  // The base URL may arrive with initialize, after the features register: hand them a live view.
  featureCapabilities = registerFeatures({
    connection, documents, analyse, settingsFor, locale: () => locale,
    get packageBaseUrl() { return options.packageBaseUrl(); },
    ...(options.annotateOptions ? { annotateOptions: options.annotateOptions } : {}),
  });
  documents.listen(connection);
  connection.listen();
  return { documents, get pullMode() { return pullMode; }, locale: () => locale, relintAll };
}
