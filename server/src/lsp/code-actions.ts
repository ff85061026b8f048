import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DiagnosticData } from './diagnostics.js';
import type { Finding } from '../core/types.js';
import type { LintResult } from '../core/engine.js';
import type { DraftDocument } from '../core/document.js';
import { editBetween, fixAllText } from '../core/fixes.js';
import { suppressionInsertion } from '../core/suppressions.js';
import { english, type Translate } from '../core/l10n.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`;

/** Quick fixes read only the diagnostic's data: nothing is cached between diagnostics and actions. */
export function quickFixes(doc: TextDocument, draft: DraftDocument | undefined, diagnostics: Diagnostic[], t: Translate = english): CodeAction[] {
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
    if (draft && rule && !['draft-input', 'suppression'].includes(rule)) {
      actions.push(disableForLine(doc, draft, diagnostic, rule, t), disableForDraft(doc, draft, diagnostic, rule, t));
    }
  }
  return actions;
}

/**
 * Set by a client that can ask for text (the VS Code extension says so at start-up): after a
 * "Disable …" edit, the client asks the writer why, and puts the answer in place of "reason".
 */
let reasonPrompt = false;
export function enableReasonPrompt(on: boolean): void { reasonPrompt = on; }

function withReasonPrompt(doc: TextDocument, action: CodeAction): CodeAction {
  const edit = action.edit?.changes?.[doc.uri]?.[0];
  // The comment lands on the edit's first line, whether on a line of its own or at a line's end.
  if (reasonPrompt && edit) action.command = { title: 'Give a reason', command: 'copydesk.editReason', arguments: [doc.uri, edit.range.start.line] };
  return action;
}

/** "Disable <rule> for this draft": a copydesk-disable comment at the top of the body, after any front matter. */
function disableForDraft(doc: TextDocument, draft: DraftDocument, diagnostic: Diagnostic, rule: string, t: Translate): CodeAction {
  const at = draft.frontMatter?.end ?? 0;
  const text = draft.text;
  const nl = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  // After front matter the comment gets its own line; the body's first line stays as it was.
  const newText = `<!-- copydesk-disable ${rule} -- reason -->${nl}${at < text.length && !/^(\r\n|\r|\n)/.test(text.slice(at)) ? nl : ''}`;
  const position = doc.positionAt(at);
  return withReasonPrompt(doc, {
    title: t('Disable {0} for this draft', rule),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range: { start: position, end: position }, newText }] } },
  });
}

/** "Disable <rule> for this line": a suppression comment whose reason the writer fills in. */
function disableForLine(doc: TextDocument, draft: DraftDocument, diagnostic: Diagnostic, rule: string, t: Translate): CodeAction {
  const e = suppressionInsertion(draft, doc.offsetAt(diagnostic.range.start), rule, 'reason');
  const edit: TextEdit = { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText };
  return withReasonPrompt(doc, {
    title: t('Disable {0} for this line', rule),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [edit] } },
  });
}

/**
 * One action applying every preferred fix (source.fixAll.copydesk, or all of one rule). Fixes that
 * clash are applied in further passes over the text, so one action fixes everything a CLI --fix
 * would; the result is sent as a single edit over the changed stretch.
 */
export function fixAllAction(doc: TextDocument, findings: Finding[], relint: (text: string) => Finding[], rule?: string, t: Translate = english): CodeAction | undefined {
  const before = doc.getText();
  const { text } = fixAllText(before, findings, relint, rule);
  const edit = editBetween(before, text);
  if (!edit) return undefined;
  return {
    title: rule ? t('Fix all {0} problems in this draft', rule) : t('Fix all Copydesk problems in this draft'),
    kind: rule ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [edit] } },
  };
}

/**
 * Every action for a code-action request (desktop and browser servers alike): the quick fixes of
 * the diagnostics asked about, "fix all <rule>" where a rule has several, and source.fixAll.
 */
export function codeActionsFor(doc: TextDocument, result: LintResult | undefined, context: CodeActionContext, relint: (text: string) => Finding[], t: Translate = english): CodeAction[] {
  const only = context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll);
  const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
  const actions: CodeAction[] = [];
  if (wantsQuickFix) actions.push(...quickFixes(doc, result?.document, context.diagnostics, t));
  if (result && wantsQuickFix) {
    const rules = new Set(context.diagnostics.filter((d) => d.source === 'copydesk').map((d) => String(d.code)));
    for (const rule of rules) {
      const count = result.findings.filter((f) => f.rule === rule && f.fixes.some((x) => x.isPreferred)).length;
      const action = count > 1 ? fixAllAction(doc, result.findings, relint, rule, t) : undefined;
      if (action) actions.push(action);
    }
  }
  if (result && wantsFixAll) {
    const action = fixAllAction(doc, result.findings, relint, undefined, t);
    if (action) actions.push(action);
  }
  return actions;
}
