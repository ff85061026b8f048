import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../core/engine.js';
import type { EditorSettings } from '../settings.js';
import type { AnnotateOptions } from '../../core/annotations/index.js';
import { registerHover } from './hover.js';
import { registerInlayHints } from './inlay-hints.js';
import { registerSemanticTokens } from './semantic-tokens.js';
import { registerDocumentSymbols } from './document-symbols.js';
import { registerWorkspaceSymbols } from './workspace-symbols.js';
import { registerCodeLens } from './code-lens.js';
import { registerHighlights } from './highlights.js';

/** What editor features (hovers, hints, tokens, outline…) need from the server. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (cached per version). */
  analyse(doc: TextDocument): Promise<LintResult | undefined>;
  settingsFor(uri: string): Promise<EditorSettings>;
  /** file: URL of the installed package (rule docs live under docs/rules/). */
  packageBaseUrl: string;
  /**
   * Optional: the project's disclaimer templates and primary language for a document, so the
   * annotations recognise a newsroom's own disclaimer wording. Without it, built-in wordings only.
   */
  annotateOptions?(uri: string): AnnotateOptions | undefined;
  /** Optional: the client's display language (from `initialize`), for hover, hint, outline and lens texts. */
  locale?(): string | undefined;
}

/**
 * Registers the reading features; returns the capabilities they add. Each feature is a thin
 * handler in its own file over the annotation model (core/annotations), which is computed once
 * per lint result, so every request on one version of a draft shares one analysis.
 */
export function registerFeatures(context: FeatureContext): Partial<ServerCapabilities> {
  const { connection } = context;
  return {
    ...registerHover(connection, context),
    ...registerInlayHints(connection, context),
    ...registerSemanticTokens(connection, context),
    ...registerDocumentSymbols(connection, context),
    ...registerWorkspaceSymbols(connection, context),
    ...registerCodeLens(connection, context),
    ...registerHighlights(connection, context),
  };
}

/**
 * Asks the client to re-request hints, tokens and lenses (e.g. after the annotation settings
 * change). For the server's onDidChangeConfiguration; each request only if the client supports it.
 */
export function refreshAnnotations(connection: Connection, client: { inlayHints?: boolean; semanticTokens?: boolean; codeLens?: boolean }): void {
  if (client.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  if (client.semanticTokens) void connection.languages.semanticTokens.refresh().catch(() => undefined);
  if (client.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}
