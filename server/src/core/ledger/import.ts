/**
 * Fact checks into ledger entries: schema.org ClaimReview JSON-LD (one object, an array, or a
 * @graph, as sites embed it) and the Google Fact Check Tools API's `claims[]` response. A fact
 * check says what was wrong, not what is right, so imported entries carry a note (verdict and
 * publisher) and the review URL, and no `correction` until an editor adds one.
 */
import { isLanguageTag, primaryTag } from '../language.js';
import type { NewLedgerEntry } from './edit.js';

export interface ImportResult {
  entries: NewLedgerEntry[];
  /** Items that could not become entries (no claim text), described for the user. */
  skipped: string[];
  format?: 'claimreview' | 'factcheck-api';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
const nameOf = (v: unknown): string | undefined => str(v) ?? (isObj(first(v)) ? str((first(v) as Obj).name) : undefined);

/** "2026-03-04T10:00:00Z" → "2026-03-04"; anything unreadable is dropped rather than kept wrong. */
export function isoDate(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function lang(v: unknown): string | undefined {
  const s = str(v) ?? (isObj(v) ? str(v.alternateName) ?? str(v.name) : undefined);
  return s && isLanguageTag(s) ? primaryTag(s) : undefined;
}

// FNV-1a: a short, stable suffix so long URLs still give distinct ids.
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A stable id from the review URL (or the claim): re-importing the same check finds it again. */
export function importId(url: string | undefined, claim: string): string {
  const basis = url ? url.replace(/^https?:\/\/(www\.)?/, '').replace(/[?#].*$/, '') : claim;
  const s = basis.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (s && s.length <= 60 && url) return s;
  return `${s.slice(0, 40).replace(/-$/, '') || 'claim'}-${hash(url ?? claim)}`;
}

function note(rating: string | undefined, publisher: string | undefined, title: string | undefined): string {
  const verdict = rating ? `Rated “${rating}”${publisher ? ` by ${publisher}` : ''}` : `Fact-checked${publisher ? ` by ${publisher}` : ''}`;
  return title ? `${verdict}: ${title}` : `${verdict}.`;
}

function isClaimReview(o: Obj): boolean {
  const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
  return types.some((t) => typeof t === 'string' && /(^|[/:])ClaimReview$/.test(t));
}

function collectReviews(v: unknown, out: Obj[], depth = 0): void {
  if (depth > 20) return;
  if (Array.isArray(v)) { for (const x of v) collectReviews(x, out, depth + 1); return; }
  if (!isObj(v)) return;
  if (isClaimReview(v)) { out.push(v); return; }
  for (const x of Object.values(v)) collectReviews(x, out, depth + 1);
}

function fromClaimReview(r: Obj): NewLedgerEntry | undefined {
  const item = isObj(first(r.itemReviewed)) ? (first(r.itemReviewed) as Obj) : {};
  const claim = str(r.claimReviewed) ?? str(item.text) ?? str(item.name);
  if (!claim) return undefined;
  const rating = isObj(first(r.reviewRating)) ? (first(r.reviewRating) as Obj) : {};
  const source = str(r.url) ?? str(r['@id']);
  const appearance = isObj(first(item.firstAppearance)) ? (first(item.firstAppearance) as Obj) : isObj(first(item.appearance)) ? (first(item.appearance) as Obj) : {};
  return {
    id: importId(source, claim),
    claim,
    note: note(str(rating.alternateName) ?? str(rating.name), nameOf(r.author) ?? nameOf(r.publisher), undefined),
    source,
    date: isoDate(r.datePublished) ?? isoDate(r.dateModified),
    lang: lang(r.inLanguage),
    rating: str(rating.alternateName) ?? str(rating.name),
    claimant: nameOf(item.author),
    claimDate: isoDate(item.datePublished) ?? isoDate(appearance.datePublished),
  };
}

function fromApiClaim(c: Obj): NewLedgerEntry | undefined {
  const claim = str(c.text);
  if (!claim) return undefined;
  const reviews = (Array.isArray(c.claimReview) ? c.claimReview : []).filter(isObj);
  const r = reviews.find((x) => str(x.url)) ?? reviews[0] ?? {};
  const publisher = isObj(r.publisher) ? str(r.publisher.name) ?? str(r.publisher.site) : undefined;
  const source = str(r.url);
  return {
    id: importId(source, claim),
    claim,
    note: note(str(r.textualRating), publisher, str(r.title)),
    source,
    date: isoDate(r.reviewDate),
    lang: lang(r.languageCode),
    rating: str(r.textualRating),
    claimant: str(c.claimant),
    claimDate: isoDate(c.claimDate),
  };
}

/** Reads parsed JSON of either format. */
export function entriesFromFactChecks(json: unknown): ImportResult {
  const result: ImportResult = { entries: [], skipped: [] };
  const drop = <T>(items: T[], convert: (x: T) => NewLedgerEntry | undefined, what: string) => items.forEach((x, i) => {
    const e = convert(x);
    if (e) result.entries.push(e); else result.skipped.push(`${what} ${i + 1}: no claim text`);
  });
  if (isObj(json) && Array.isArray(json.claims)) {
    result.format = 'factcheck-api';
    drop(json.claims.filter(isObj), fromApiClaim, 'claims[]');
    return result;
  }
  const reviews: Obj[] = [];
  collectReviews(json, reviews);
  if (reviews.length) result.format = 'claimreview';
  drop(reviews, fromClaimReview, 'ClaimReview');
  // One review may appear twice (page markup and a feed): keep the first of each id.
  const seen = new Set<string>();
  result.entries = result.entries.filter((e) => !seen.has(e.id!) && seen.add(e.id!));
  return result;
}
