import type { Finding } from '../types.js';
import type { TranslationStatus } from '../disclaimer/status.js';
import type { ClaimAnnotation, DisclaimerAnnotation, QuoteAnnotation } from './model.js';
import { english, type Translate } from '../l10n.js';

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

  const counts = {
    quotes: counted.length, attributed, unattributed: counted.length - attributed,
    correctionsReported, correctedClaimsRepeated, disclaimer: state, blockers,
  };
  return { ...counts, text: summaryText(counts) };
}

/** The summary's one line ("4 quotes · 3 attributed · disclaimer ✓ — ready") in a language. */
export function summaryText(s: Omit<Summary, 'text'>, t: Translate = english): string {
  const parts = [(s.quotes === 1 ? t('{0} quote', 1) : t('{0} quotes', s.quotes)), t('{0} attributed', s.attributed)];
  if (s.correctionsReported) parts.push(s.correctionsReported === 1 ? t('{0} correction reported', 1) : t('{0} corrections reported', s.correctionsReported));
  if (s.correctedClaimsRepeated) parts.push(s.correctedClaimsRepeated === 1 ? t('{0} corrected claim repeated', 1) : t('{0} corrected claims repeated', s.correctedClaimsRepeated));
  if (s.disclaimer) parts.push(s.disclaimer === 'ok' ? t('disclaimer ✓') : s.disclaimer === 'missing' ? t('disclaimer missing') : t('disclaimer ✗'));
  return t('{0} — {1}', parts.join(' · '), s.blockers === 0 ? t('ready') : s.blockers === 1 ? t('{0} blocker', 1) : t('{0} blockers', s.blockers));
}
