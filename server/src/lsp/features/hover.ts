import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver';
import { annotationsAt, claimHover, disclaimerHover, quoteHover, type Span } from '../../core/annotations/index.js';
import type { FeatureContext } from './index.js';
import { annotated, docsLink, toRange, translate } from './shared.js';

/** Hover on a quotation, a corrected claim or the disclaimer: what Copydesk read there. */
export function registerHover(connection: Connection, context: FeatureContext): { hoverProvider: true } {
  connection.onHover(async (params): Promise<Hover | null> => {
    const a = await annotated(context, params.textDocument.uri);
    if (!a) return null;
    const offset = a.model.document.lines.offsetAt(params.position);
    const at = annotationsAt(a.model, offset);
    const docs = docsLink(context);
    const t = translate(context);
    const sections: string[] = [];
    let range: Span | undefined;
    // Innermost first: a corrected claim inside a quotation shows both, the claim on top.
    if (at.claim) { sections.push(claimHover(at.claim, docs, t)); range = at.claim.range; }
    if (at.quote) { sections.push(quoteHover(a.model, at.quote, docs, t)); range ??= at.quote.analysis.segments.find((s) => offset >= s.start && offset < s.end); }
    if (at.disclaimer) { sections.push(disclaimerHover(at.disclaimer, docs, t)); range ??= at.disclaimer.range; }
    if (!sections.length) return null;
    return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: range && toRange(a, range) };
  });
  return { hoverProvider: true };
}
