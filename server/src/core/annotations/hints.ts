import type { Annotations } from './model.js';
import { UNNAMED_SOURCE } from './model.js';

/** An inlay hint in source offsets: shown at `offset`, after the text it annotates. */
export interface AnnotationHint {
  offset: number;
  label: string;
  kind: 'speaker' | 'correction';
}

export const UNATTRIBUTED_HINT = '— unattributed';

/**
 * After each speech quotation (top level) its speaker, "— unattributed" when it has none; after
 * each corrected claim its correction date. In document order.
 */
export function annotationHints(model: Annotations): AnnotationHint[] {
  const hints: AnnotationHint[] = [];
  for (const q of model.quotations) {
    if (!q.counted) continue;
    const label = q.status === 'unattributed' ? UNATTRIBUTED_HINT : `— ${q.speaker ?? UNNAMED_SOURCE}`;
    hints.push({ offset: q.analysis.range.end, label, kind: 'speaker' });
  }
  for (const c of model.claims) {
    hints.push({ offset: c.range.end, label: c.date ? `corrected ${c.date}` : 'corrected', kind: 'correction' });
  }
  return hints.sort((a, b) => a.offset - b.offset || (a.kind === 'correction' ? -1 : 1));
}
