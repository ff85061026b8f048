import type { Rule } from '../rule.js';
import type { OffsetFix } from '../types.js';
import { analyseDocument, MAX_QUOTE_MARKS_PER_PARAGRAPH } from '../quotes/analyse.js';
import { attributionEdits } from '../quotes/fixes.js';
import { suppressionInsertion } from '../suppressions.js';
import { nearest } from '../quotes/speakers.js';

/**
 * A thin layer over the quotation analysis (quotes/analyse.ts): report speech quotations nobody
 * is credited with, and marks that never pair, each once.
 */
export const unattributedQuote: Rule = {
  id: 'unattributed-quote',
  description: 'Flags quotations of speech or writing that are not attributed to anyone.',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Every quote needs a source: who said it.',
    page: 'docs/rules/unattributed-quote.md',
  },
  check(context) {
    const { document: doc, t } = context;
    const report = analyseDocument(doc);
    const style = report.lexicon.style;

    for (const q of report.quotations) {
      if (q.depth > 0) continue;
      const [firstBlock] = report.blocksOf[q.index];
      if (q.unclosed) {
        context.report({
          start: q.openRange.start,
          end: q.openRange.end,
          message: t('This quotation mark is never closed: where does the quote end?'),
          data: { kind: q.kind, reason: 'unclosed', mark: q.openMark },
        });
        continue;
      }
      if (q.kind !== 'speech' || q.attribution) continue;

      const fixes: OffsetFix[] = [];
      const names = nearest(report.speakers, q.range.start);
      names.forEach((name, i) => {
        const edits = attributionEdits(doc, q, style, name);
        if (edits) fixes.push({ title: t('Attribute to {0}', name), isPreferred: i === 0, edits });
      });
      const placeholder = attributionEdits(doc, q, style, style.placeholder);
      if (placeholder) fixes.push({ title: t('Attribute to …'), isPreferred: names.length === 0, edits: placeholder });
      if (report.paragraphs[firstBlock].kind !== 'tableCell') {
        fixes.push({ title: t('Not a quote (term)'), edits: [suppressionInsertion(doc, q.range.start, 'unattributed-quote', 'term')] });
      }

      context.report({
        start: q.range.start,
        end: q.range.end,
        message: t('Who said this? The quote has no attribution.'),
        fixes,
        data: { kind: q.kind, reason: q.unattributedReason ?? 'unattributed', kindReason: q.kindReason, candidates: names },
      });
    }
    for (const b of report.skipped) {
      context.report({
        start: b.start, end: b.start, severity: 'info',
        message: t('This paragraph has more than {0} quotation marks; Copydesk did not check its quotes.', MAX_QUOTE_MARKS_PER_PARAGRAPH),
        data: { reason: 'too-many-marks' },
      });
    }
    for (const s of report.strays) {
      context.report({
        start: s.range.start,
        end: s.range.end,
        message: t('This closing quotation mark has no opening mark.'),
        data: { reason: 'stray', mark: s.mark },
      });
    }
  },
};
