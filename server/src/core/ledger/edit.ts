/**
 * Edits a ledger file's text through the YAML Document API, so the newsroom's comments, quoting
 * and blank lines survive: the ledger is a file people read and review, not a cache.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { claimKeys } from './matcher.js';

export interface NewLedgerEntry {
  id?: string;
  claim: string | string[] | Record<string, string | string[]>;
  correction?: string | Record<string, string>;
  note?: string;
  source?: string;
  date?: string;
  lang?: string;
  rating?: string;
  claimant?: string;
  claimDate?: string;
}

const FIELD_ORDER = ['id', 'claim', 'correction', 'note', 'source', 'date', 'lang', 'rating', 'claimant', 'claimDate'] as const;
const HEADER = ' Corrections ledger: claims this newsroom has corrected (see docs/rules/corrected-claim.md).';
const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** Opens ledger text for editing; throws when the YAML is broken (editing it would lose text). */
function open(text: string): { doc: Document; seq: YAMLSeq } {
  const doc: Document = parseDocument(text);
  if (doc.errors.length) throw new Error(`the ledger is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  let root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    const comment = doc.commentBefore ?? (text.trim() === '' ? HEADER : undefined);
    doc.contents = doc.createNode({ corrections: [] }) as never;
    doc.commentBefore = comment ?? null;
    root = doc.contents;
  }
  if (isSeq(root)) return { doc, seq: root };
  if (!isMap(root)) throw new Error('the ledger must be a mapping with a "corrections" list');
  let seq: unknown = root.get('corrections', true);
  if (seq === undefined || (isScalar(seq) && seq.value === null)) {
    seq = doc.createNode([]);
    (root as YAMLMap).set('corrections', seq);
  }
  if (!isSeq(seq)) throw new Error('"corrections" must be a list of entries');
  return { doc, seq };
}

function entryNode(doc: Document, entry: NewLedgerEntry, spaced: boolean): YAMLMap {
  const ordered: Record<string, unknown> = {};
  for (const k of FIELD_ORDER) if (entry[k] !== undefined && entry[k] !== '') ordered[k] = entry[k];
  const node = doc.createNode(ordered) as YAMLMap;
  node.spaceBefore = spaced;
  return node;
}

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 48).replace(/-$/, '');
const firstClaim = (c: NewLedgerEntry['claim']): string => (typeof c === 'string' ? c : Array.isArray(c) ? c[0] ?? '' : firstClaim(Object.values(c)[0] ?? ''));

/**
 * Appends one entry at the end of the ledger and returns the new text. Without an id, one is
 * made from the claim (and date); an id already in use gets a numeric suffix.
 */
export function addLedgerEntry(ledgerText: string, entry: NewLedgerEntry): string {
  const { doc, seq } = open(ledgerText);
  const ids = new Set(seq.items.map((i) => (isMap(i) ? String(i.get('id')) : '')));
  const base = entry.id?.trim() || [slug(firstClaim(entry.claim)) || 'claim', entry.date?.slice(0, 10)].filter(Boolean).join('-');
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  const last = seq.items[seq.items.length - 1] as { spaceBefore?: boolean } | undefined;
  seq.items.push(entryNode(doc, { ...entry, id }, seq.items.length > 1 ? last?.spaceBefore === true : false));
  return doc.toString(TO_STRING);
}

export interface MergeResult { text: string; added: string[]; updated: string[]; unchanged: string[] }

/**
 * Merges entries by id (or, failing that, by source URL) without duplicating: a known entry only
 * gains fields it lacks and claim variants it does not have; what editors wrote is never replaced.
 */
export function mergeLedgerEntries(ledgerText: string, entries: NewLedgerEntry[]): MergeResult {
  const { doc, seq } = open(ledgerText);
  const result: MergeResult = { text: '', added: [], updated: [], unchanged: [] };
  const byKey = new Map<string, YAMLMap>();
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    if (item.get('id') !== undefined) byKey.set(`id:${item.get('id')}`, item);
    if (typeof item.get('source') === 'string') byKey.set(`src:${item.get('source')}`, item);
  }
  for (const entry of entries) {
    const existing = (entry.id ? byKey.get(`id:${entry.id}`) : undefined) ?? (entry.source ? byKey.get(`src:${entry.source}`) : undefined);
    if (!existing) {
      const node = entryNode(doc, entry, seq.items.length > 0 && (seq.items[seq.items.length - 1] as { spaceBefore?: boolean }).spaceBefore === true);
      seq.items.push(node);
      if (entry.id) byKey.set(`id:${entry.id}`, node);
      if (entry.source) byKey.set(`src:${entry.source}`, node);
      result.added.push(entry.id ?? '');
      continue;
    }
    let changed = false;
    for (const k of FIELD_ORDER) {
      if (k === 'id' || k === 'claim' || entry[k] === undefined || existing.has(k)) continue;
      existing.set(k, doc.createNode(entry[k]));
      changed = true;
    }
    changed = addVariants(doc, existing, entry.claim) || changed;
    (changed ? result.updated : result.unchanged).push(String(existing.get('id')));
  }
  result.text = doc.toString(TO_STRING);
  return result;
}

/** Adds claim variants the entry lacks (compared as the matcher sees them); plain forms only. */
function addVariants(doc: Document, node: YAMLMap, claim: NewLedgerEntry['claim']): boolean {
  const current = node.get('claim', true);
  const incoming = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim : [];
  if (isMap(current) || incoming.length === 0) return false;
  const texts = isSeq(current) ? current.items.map((i) => String(isScalar(i) ? i.value : i)) : isScalar(current) ? [String(current.value)] : [];
  const known = new Set(texts.map((t) => claimKeys(t).join(' ')));
  const fresh = incoming.filter((c) => !known.has(claimKeys(c).join(' ')));
  if (fresh.length === 0) return false;
  node.set('claim', doc.createNode([...texts, ...fresh]));
  return true;
}
