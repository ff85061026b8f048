import { SymbolKind, type Connection, type DocumentSymbol } from 'vscode-languageserver';
import { sourcesOutline, type OutlineNode } from '../../core/annotations/index.js';
import type { FeatureContext } from './index.js';
import { annotated, toRange, translate, type Annotated } from './shared.js';

const KIND: Record<OutlineNode['role'], SymbolKind> = {
  sources: SymbolKind.Namespace,
  speaker: SymbolKind.Object,
  unattributed: SymbolKind.Object,
  quote: SymbolKind.String,
};

/** The "Sources" outline: speakers with their quotes, then the unattributed quotes. */
export function registerDocumentSymbols(connection: Connection, context: FeatureContext): { documentSymbolProvider: { label: string } } {
  connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[]> => {
    const a = await annotated(context, params.textDocument.uri);
    const root = a && sourcesOutline(a.model, translate(context));
    return root ? [toSymbol(a, root)] : [];
  });
  return { documentSymbolProvider: { label: 'Copydesk sources' } };
}

function toSymbol(a: Annotated, node: OutlineNode): DocumentSymbol {
  return {
    name: node.name,
    ...(node.detail ? { detail: node.detail } : {}),
    kind: KIND[node.role],
    range: toRange(a, node.range),
    selectionRange: toRange(a, node.selection),
    children: node.children.map((c) => toSymbol(a, c)),
  };
}
