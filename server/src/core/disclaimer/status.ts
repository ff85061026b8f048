import type { DraftDocument } from '../document.js';
import { normaliseLanguage } from '../language.js';

export interface TranslationStatus {
  /** Original language (primary tag). */
  from: string;
  /** machine unless the draft says `translation: human`. */
  method: 'machine' | 'human';
  reviewed: boolean;
  /** Why Copydesk thinks this is a translation. */
  basis: 'front-matter' | 'primary-language';
}

/**
 * Is the draft a translation? Front matter says so (`translated_from`), or the configured
 * primary language differs from the draft's language. Returns undefined for originals.
 */
export function translationStatus(doc: DraftDocument, primaryLanguage: string | undefined): TranslationStatus | undefined {
  const fm = doc.frontMatter?.data ?? {};
  const method = String(fm.translation ?? '').toLowerCase() === 'human' ? 'human' : 'machine';
  const reviewed = fm.reviewed === true || String(fm.reviewed).toLowerCase() === 'true';
  const from = normaliseLanguage(fm.translated_from);
  if (from) return { from, method, reviewed, basis: 'front-matter' };
  const primary = normaliseLanguage(primaryLanguage);
  if (primary && doc.language && doc.language !== primary && fm.translated_from === undefined) {
    return { from: primary, method, reviewed, basis: 'primary-language' };
  }
  return undefined;
}
