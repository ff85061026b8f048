import { ANCHOR, CONTROL, scannedFlags } from './byte-scan.js';

/** Drafts longer than this are checked only up to here: a 50 MB paste must not freeze an editor. */
export const DEFAULT_MAX_CHARS = 2_000_000;

/** Front matter longer than this is not read (it holds a handful of keys; YAML parsing is not free). */
export const MAX_FRONT_MATTER_CHARS = 100_000;

/** Control characters that do not occur in prose; many of them mean a binary file. */
const BINARY = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/g;
const ANY_BINARY = /[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/;

/** True when the text looks like a binary file rather than a draft. */
export function looksBinary(text: string): boolean {
  // In an archive scan the claim test's byte scan of this text (if it made one) settles it. No
  // scan is made here: elsewhere the sample below is enough, and a whole long draft is not
  // encoded again on every keystroke.
  const flags = scannedFlags(text);
  if (flags !== undefined && (flags & (CONTROL | ANCHOR)) === 0) return false;
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  // One search, stopping at the first such character, settles almost every draft (none has one).
  if (!ANY_BINARY.test(sample)) return false;
  if (sample.includes('\u0000')) return true;
  const odd = sample.match(BINARY)?.length ?? 0;
  return odd > 8 && odd > sample.length / 100;
}

/**
 * How the engine is used in this process. The editor re-lints the same paragraphs after every
 * keystroke: per-paragraph caches keep many (`paragraphs`) and each paragraph's quick tests are
 * remembered. A batch run (the CLI, `batch`) sees each draft once: a large cache only costs
 * memory, and a quick test on the whole draft first settles most drafts in one search.
 */
export const cacheLimits = { paragraphs: 4096, batch: false };
