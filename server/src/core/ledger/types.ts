import type { Range } from '../types.js';

/** A corrections ledger as the engine sees it: entries already read and validated. */
export interface LedgerEntry {
  id: string;
  /** The wording that was corrected, in one or more variants (possibly several languages). */
  claim: string[];
  /** Language of each variant when the ledger says so (`claim: { en: …, id: … }` or `lang`). */
  claimLang?: Array<string | undefined>;
  /**
   * The corrected wording: one string, or one per language (BCP-47 primary tag → text).
   * Absent for entries that only carry a verdict (e.g. imported fact checks): then `note` says it.
   */
  correction?: string | Record<string, string>;
  note?: string;
  source?: string;
  date?: string;
  lang?: string;
  /** Verdict of an imported fact check ("False", "Misleading"), who made the claim and when. */
  rating?: string;
  claimant?: string;
  claimDate?: string;
  /** Where the entry stands in its ledger file, for related information. */
  location?: { path: string; line: number; character: number; range?: Range };
}

export interface Ledger {
  entries: readonly LedgerEntry[];
  /** Ledger files the entries came from. */
  files: string[];
}

/** A ledger problem at its file and 0-based line/character (same shape as config problems). */
export interface LedgerProblem { path: string; line: number; character: number; message: string }
