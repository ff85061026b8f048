import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticData } from './diagnostics.js';
import type { Finding } from '../core/types.js';
import type { DraftDocument } from '../core/document.js';
import { editBetween, fixAllText } from '../core/fixes.js';
import { suppressionInsertion } from '../core/suppressions.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;

/** Quick fixes read only the diagnostic's data: nothing is cached between diagnostics and actions. */
export function quickFixes(doc: TextDocument, draft: DraftDocument | undefined, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'copydesk') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    for (const fix of data?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
    const rule = String(diagnostic.code ?? '');
    if (draft && rule && !['draft-input', 'suppression'].includes(rule)) actions.push(disableForLine(doc, draft, diagnostic, rule));
  }
  return actions;
}

/** "Disable <rule> for this line": a suppression comment whose reason the writer fills in. */
function disableForLine(doc: TextDocument, draft: DraftDocument, diagnostic: Diagnostic, rule: string): CodeAction {
  const e = suppressionInsertion(draft, doc.offsetAt(diagnostic.range.start), rule, 'reason');
  const edit: TextEdit = { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText };
  return {
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [edit] } },
  };
}

/**
 * One action applying every preferred fix (source.fixAll.copydesk, or all of one rule). Fixes that
 * clash are applied in further passes over the text, so one action fixes everything a CLI --fix
 * would; the result is sent as a single edit over the changed stretch.
 */
export function fixAllAction(doc: TextDocument, findings: Finding[], relint: (text: string) => Finding[], rule?: string): CodeAction | undefined {
  const before = doc.getText();
  const { text } = fixAllText(before, findings, relint, rule);
  const edit = editBetween(before, text);
  if (!edit) return undefined;
  return {
    title: rule ? `Fix all ${rule} problems in this draft` : 'Fix all Copydesk problems in this draft',
    kind: rule ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [edit] } },
  };
}
