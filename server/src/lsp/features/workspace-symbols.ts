import { SymbolKind, type Connection, type SymbolInformation } from 'vscode-languageserver';
import { UNNAMED_SOURCE } from '../../core/annotations/index.js';
import type { FeatureContext } from './index.js';
import { annotated, toRange, translate } from './shared.js';

/**
 * Speakers across the open drafts (only open ones: reading every draft in the workspace folders
 * would mean linting them all). One symbol per speaker per draft, at the first attribution naming them.
 */
export function registerWorkspaceSymbols(connection: Connection, context: FeatureContext): { workspaceSymbolProvider: true } {
  connection.onWorkspaceSymbol(async (params): Promise<SymbolInformation[]> => {
    const query = params.query.trim().toLowerCase();
    const out: SymbolInformation[] = [];
    const t = translate(context);
    for (const doc of context.documents.all()) {
      const a = await annotated(context, doc.uri);
      if (!a) continue;
      for (const s of a.model.speakers) {
        if (s.name === UNNAMED_SOURCE || (query && !s.name.toLowerCase().includes(query))) continue;
        const first = a.model.quotations[s.quotes[0]];
        const span = first.speakerName ?? first.analysis.range;
        out.push({
          name: s.name, kind: SymbolKind.Object, containerName: `${s.quotes.length === 1 ? t('{0} quote', 1) : t('{0} quotes', s.quotes.length)} · ${basename(doc.uri)}`,
          location: { uri: doc.uri, range: toRange(a, span) },
        });
      }
    }
    return out;
  });
  return { workspaceSymbolProvider: true };
}

function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
