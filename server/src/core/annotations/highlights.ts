import type { Annotations, Span } from './model.js';
import { annotationsAt } from './model.js';

export interface SpeakerHighlight { span: Span; role: 'name' | 'quote' | 'cue' }

/**
 * With the cursor on a speaker's name: every place the name is written, every quote credited to
 * the speaker and every cue crediting them, in document order. Undefined elsewhere.
 */
export function speakerHighlights(model: Annotations, offset: number): SpeakerHighlight[] | undefined {
  const speaker = annotationsAt(model, offset).speaker;
  if (!speaker) return undefined;
  const out: SpeakerHighlight[] = [
    ...speaker.names.map((span) => ({ span, role: 'name' as const })),
    ...speaker.quotes.map((i) => ({ span: model.quotations[i].analysis.range, role: 'quote' as const })),
    ...speaker.cues.map((span) => ({ span, role: 'cue' as const })),
  ];
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
