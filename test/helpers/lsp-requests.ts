import type {
  CodeLens, DocumentHighlight, DocumentSymbol, Hover, InlayHint, Position, Range, SemanticTokens, SemanticTokensLegend, SymbolInformation,
} from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client.js';

/**
 * The reading requests (hovers, hints, tokens, outline, lens, highlights) on top of TestClient,
 * and workspace/configuration answered per section ("copydesk", "copydesk.annotations").
 */
export class AnnotationClient extends TestClient {
  /** Settings per configuration section; a section not listed gets `settings`. */
  sections: Record<string, unknown> = {};

  constructor() {
    super();
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((i) => (i.section !== undefined && i.section in this.sections ? this.sections[i.section] : this.settings)));
  }

  private request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  inlayHints(uri: string, range: Range = WHOLE): Promise<InlayHint[] | null> {
    return this.request('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  }

  semanticTokensRange(uri: string, range: Range): Promise<SemanticTokens | null> {
    return this.request('textDocument/semanticTokens/range', { textDocument: { uri }, range });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  workspaceSymbols(query: string): Promise<SymbolInformation[] | null> {
    return this.request('workspace/symbol', { query });
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.request('textDocument/codeLens', { textDocument: { uri } });
  }

  highlights(uri: string, position: Position): Promise<DocumentHighlight[] | null> {
    return this.request('textDocument/documentHighlight', { textDocument: { uri }, position });
  }
}

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

export interface DecodedToken { line: number; character: number; length: number; type: string; modifiers: string[]; text: string }

/** Decodes LSP's relative token data against the legend, with each token's text from `text`. */
export function decodeTokens(data: readonly number[], legend: SemanticTokensLegend, text: string): DecodedToken[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, bits] = data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    out.push({
      line, character, length, type: legend.tokenTypes[type],
      modifiers: legend.tokenModifiers.filter((_, k) => bits & (1 << k)),
      text: lines[line].slice(character, character + length),
    });
  }
  return out;
}

/** The text of `range` in `text` (LSP positions, UTF-16). */
export function textAt(text: string, range: Range): string {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** The position of the n-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: at - lineStart };
}
