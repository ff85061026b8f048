import type { Finding } from '../types.js';
import type { TranslationStatus } from '../disclaimer/status.js';
import type { ClaimAnnotation, DisclaimerAnnotation, QuoteAnnotation } from './model.js';

/** One line about a draft: what it quotes, what it corrects, whether it can go. */
export interface Summary {
  /** Speech quotations at the top level. */
  quotes: number;
  attributed: number;
  unattributed: number;
  /** Corrected claims the draft repeats together with their correction. */
  correctionsReported: number;
  /** Corrected claims the draft repeats without it. */
  correctedClaimsRepeated: number;
  /** Only for translations: a disclaimer in the draft's language naming the original. */
  disclaimer?: 'ok' | 'missing' | 'incomplete';
  /** Findings of severity error or warning. */
  blockers: number;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summarise(
  quotations: QuoteAnnotation[], claims: ClaimAnnotation[], findings: Finding[],
  language: string | undefined, translation: TranslationStatus | undefined, disclaimer: DisclaimerAnnotation | undefined,
): Summary {
  const counted = quotations.filter((q) => q.counted);
  const attributed = counted.filter((q) => q.status === 'attributed').length;
  const correctionsReported = claims.filter((c) => c.reportedWithCorrection).length;
  const correctedClaimsRepeated = claims.length - correctionsReported;
  let state: Summary['disclaimer'];
  if (translation) {
    const own = disclaimer && disclaimer.language === language ? disclaimer : undefined;
    state = !own ? 'missing' : own.names.includes(translation.from) ? 'ok' : 'incomplete';
  }
  const blockers = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;

  const parts = [plural(counted.length, 'quote', 'quotes'), `${attributed} attributed`];
  if (correctionsReported) parts.push(plural(correctionsReported, 'correction reported', 'corrections reported'));
  if (correctedClaimsRepeated) parts.push(plural(correctedClaimsRepeated, 'corrected claim repeated', 'corrected claims repeated'));
  if (state) parts.push(state === 'ok' ? 'disclaimer ✓' : state === 'missing' ? 'disclaimer missing' : 'disclaimer ✗');
  const text = `${parts.join(' · ')} — ${blockers ? plural(blockers, 'blocker', 'blockers') : 'ready'}`;
  return {
    quotes: counted.length, attributed, unattributed: counted.length - attributed,
    correctionsReported, correctedClaimsRepeated, disclaimer: state, blockers, text,
  };
}
