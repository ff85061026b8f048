import type { Lexicon } from '../lexicon.js';
import { en } from './en.js';
import { id } from './id.js';
import { fr } from './fr.js';
import { ar } from './ar.js';
import { zh } from './zh.js';
import { ja } from './ja.js';

const LEXICONS: Record<string, Lexicon> = { en, id, fr, ar, zh, ja };

/** The lexicon for a draft's language; English when the language is unknown or unsupported. */
export function lexiconFor(language: string | undefined): Lexicon {
  return (language && LEXICONS[language]) || en;
}
