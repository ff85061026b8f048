import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../core/engine.js';
import type { EditorSettings } from '../settings.js';

/** What editor features (hovers, hints, tokens, outline…) need from the server. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version (cached per version). */
  analyse(doc: TextDocument): Promise<LintResult | undefined>;
  settingsFor(uri: string): Promise<EditorSettings>;
  /** file: URL of the installed package (rule docs live under docs/rules/). */
  packageBaseUrl: string;
}

/** Registers the reading features; returns the capabilities they add. */
export function registerFeatures(_context: FeatureContext): Partial<ServerCapabilities> {
  return {};
}
