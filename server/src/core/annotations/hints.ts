import type { Annotations } from './model.js';
import { UNNAMED_SOURCE } from './model.js';
import { english, localize, type Translate } from '../l10n.js';

/** An inlay hint in source offsets: shown at `offset`, after the text it annotates. */
export interface AnnotationHint {
  offset: number;
  label: string;
  kind: 'speaker' | 'correction';
}

export const UNATTRIBUTED_HINT = localize('— unattributed');

/**
 * After each speech quotation (top level) its speaker, "— unattributed" when it has none; after
 * each corrected claim its correction date. In document order.
 */
export function annotationHints(model: Annotations, t: Translate = english): AnnotationHint[] {
  const hints: AnnotationHint[] = [];
  for (const q of model.quotations) {
    if (!q.counted) continue;
    const label = q.status === 'unattributed' ? t(UNATTRIBUTED_HINT) : `— ${q.speaker ?? t(UNNAMED_SOURCE)}`;
    hints.push({ offset: q.analysis.range.end, label, kind: 'speaker' });
  }
  for (const c of model.claims) {
    hints.push({ offset: c.range.end, label: c.date ? t('corrected {0}', c.date) : t('corrected'), kind: 'correction' });
  }
  return hints.sort((a, b) => a.offset - b.offset || (a.kind === 'correction' ? -1 : 1));
}
