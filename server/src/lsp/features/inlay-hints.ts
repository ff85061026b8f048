import type { Connection, InlayHint } from 'vscode-languageserver';
import { annotationHints } from '../../core/annotations/index.js';
import type { FeatureContext } from './index.js';
import { annotated, tooLarge, translate } from './shared.js';

/** After each speech quotation its speaker; after each corrected claim its correction date. */
export function registerInlayHints(connection: Connection, context: FeatureContext): { inlayHintProvider: true } {
  connection.languages.inlayHint.on(async (params): Promise<InlayHint[]> => {
    const a = await annotated(context, params.textDocument.uri);
    if (!a || !a.settings.inlayHints || tooLarge(a)) return [];
    const lines = a.model.document.lines;
    const from = lines.offsetAt(params.range.start);
    const to = lines.offsetAt(params.range.end);
    return annotationHints(a.model, translate(context))
      .filter((h) => h.offset >= from && h.offset <= to)
      .map((h) => ({ position: lines.positionAt(h.offset), label: h.label, paddingLeft: true }));
  });
  return { inlayHintProvider: true };
}
