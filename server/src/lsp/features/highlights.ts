import { DocumentHighlightKind, type Connection, type DocumentHighlight } from 'vscode-languageserver';
import { speakerHighlights } from '../../core/annotations/index.js';
import type { FeatureContext } from './index.js';
import { annotated, toRange } from './shared.js';

const KIND = { name: DocumentHighlightKind.Text, quote: DocumentHighlightKind.Read, cue: DocumentHighlightKind.Read };

/** Cursor on a speaker's name: the name everywhere, their quotes and the cues crediting them. */
export function registerHighlights(connection: Connection, context: FeatureContext): { documentHighlightProvider: true } {
  connection.onDocumentHighlight(async (params): Promise<DocumentHighlight[] | null> => {
    const a = await annotated(context, params.textDocument.uri);
    if (!a) return null;
    const found = speakerHighlights(a.model, a.model.document.lines.offsetAt(params.position));
    return found ? found.map((h) => ({ range: toRange(a, h.span), kind: KIND[h.role] })) : null;
  });
  return { documentHighlightProvider: true };
}
