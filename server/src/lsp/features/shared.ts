import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import type { LintResult } from '../../core/engine.js';
import { annotate, type Annotations, type Span } from '../../core/annotations/index.js';
import { ruleById } from '../../core/rules/index.js';
import { docsUrl } from '../../core/rule.js';
import { translator, type Translate } from '../../core/l10n.js';
import type { FeatureContext } from './index.js';
import { annotationSettings, type AnnotationSettings } from './settings.js';

export interface Annotated {
  doc: TextDocument;
  result: LintResult;
  model: Annotations;
  settings: AnnotationSettings;
}

/** The open document, its lint result and annotation model, or undefined (closed, disabled, switched off). */
export async function annotated(context: FeatureContext, uri: string): Promise<Annotated | undefined> {
  const doc = context.documents.get(uri);
  if (!doc) return undefined;
  const settings = await annotationSettings(context, uri);
  if (!settings.enable) return undefined;
  const result = await context.analyse(doc);
  if (!result) return undefined;
  return { doc, result, model: annotate(result, context.annotateOptions?.(uri)), settings };
}

/** Texts in the client's display language. */
export function translate(context: FeatureContext): Translate {
  return translator(context.locale?.());
}

/** Too long for the features that annotate the whole text on every edit (hints, tokens)? */
export function tooLarge(a: Annotated): boolean {
  return a.doc.getText().length > a.settings.maxChars;
}

export function toRange(a: Annotated, span: Span): Range {
  return a.model.document.lines.range(span.start, span.end);
}

export function docsLink(context: FeatureContext): (rule: string) => string {
  return (id) => {
    const rule = ruleById(id);
    return rule ? docsUrl(rule, context.packageBaseUrl) : id;
  };
}
