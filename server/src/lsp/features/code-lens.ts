import type { CodeLens, Connection } from 'vscode-languageserver';
import type { FeatureContext } from './index.js';
import { annotated, translate } from './shared.js';
import { summaryText } from '../../core/annotations/index.js';

/** The client command that shows the draft's review (implemented by the VS Code extension). */
export const SHOW_REVIEW_COMMAND = 'copydesk.showReview';

/** One lens on the first line: "4 quotes · 3 attributed · 1 correction reported · disclaimer ✓ — ready". */
export function registerCodeLens(connection: Connection, context: FeatureContext): { codeLensProvider: { resolveProvider: false } } {
  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const a = await annotated(context, params.textDocument.uri);
    if (!a || !a.settings.codeLens) return [];
    const at = { line: 0, character: 0 };
    return [{ range: { start: at, end: at }, command: { title: summaryText(a.model.summary, translate(context)), command: SHOW_REVIEW_COMMAND, arguments: [a.doc.uri] } }];
  });
  return { codeLensProvider: { resolveProvider: false } };
}
