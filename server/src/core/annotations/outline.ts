import type { Annotations, Span } from './model.js';
import { UNNAMED_SOURCE } from './model.js';
import { english, localize, type Translate } from '../l10n.js';

/** A node of the "Sources" outline, in source offsets. */
export interface OutlineNode {
  name: string;
  detail?: string;
  role: 'sources' | 'speaker' | 'unattributed' | 'quote';
  range: Span;
  selection: Span;
  children: OutlineNode[];
}

export const UNATTRIBUTED_GROUP = localize('Unattributed');

const counter = (t: Translate) => (n: number) => (n === 1 ? t('{0} quote', n) : t('{0} quotes', n));

/**
 * Sources → each speaker (in order of their first quote) → their quotes by first words, then the
 * unattributed quotes grouped. Undefined when the draft quotes no speech.
 */
export function sourcesOutline(model: Annotations, t: Translate = english): OutlineNode | undefined {
  const count = counter(t);
  const quoteNode = (i: number): OutlineNode => {
    const q = model.quotations[i];
    return { name: q.preview, role: 'quote', range: { ...q.analysis.range }, selection: { ...q.analysis.range }, children: [] };
  };
  const groups: OutlineNode[] = model.speakers.map((s) => {
    const children = s.quotes.map(quoteNode);
    // The speaker's node spans its quotes and the attributions naming it (not every later mention).
    const own = s.quotes.flatMap((i) => {
      const q = model.quotations[i];
      return [q.analysis.range, q.speakerName, q.cue].filter((x): x is Span => x !== undefined);
    });
    const range = union(own);
    const firstName = s.quotes.map((i) => model.quotations[i].speakerName).find((x) => x !== undefined);
    return { name: s.name === UNNAMED_SOURCE ? t(UNNAMED_SOURCE) : s.name, detail: count(s.quotes.length), role: 'speaker', range, selection: firstName ?? children[0].selection, children };
  });
  if (model.unattributed.length) {
    const children = model.unattributed.map(quoteNode);
    groups.push({
      name: t(UNATTRIBUTED_GROUP), detail: count(children.length), role: 'unattributed',
      range: union(children.map((c) => c.range)), selection: children[0].selection, children,
    });
  }
  if (!groups.length) return undefined;
  const total = model.speakers.reduce((n, s) => n + s.quotes.length, 0) + model.unattributed.length;
  const range = union(groups.map((g) => g.range));
  return { name: t('Sources'), detail: count(total), role: 'sources', range, selection: groups[0].selection, children: groups };
}

function union(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}
