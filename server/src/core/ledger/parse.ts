import { parseDocument, isMap, isSeq, isScalar, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../../schemas/corrections.schema.json' with { type: 'json' };
import { LineIndex } from '../line-index.js';
import { primaryTag } from '../language.js';
import { claimKeys } from './matcher.js';
import type { LedgerEntry, LedgerProblem } from './types.js';
import { localize } from '../l10n.js';

export type { LedgerProblem } from './types.js';

let entryValidator: ValidateFunction | undefined;
function validateEntry(value: unknown): ErrorObject[] {
  if (!entryValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema);
    entryValidator = ajv.getSchema(`${schema.$id}#/definitions/entry`)!;
  }
  return entryValidator(value) ? [] : entryValidator.errors ?? [];
}

/**
 * Reads a corrections ledger file's text. Every problem (YAML syntax, schema, duplicate id, a
 * claim with no words) is reported at its line; valid entries are still returned, so one bad
 * entry does not switch the whole ledger off. Never throws.
 */
export function parseLedger(text: string, path: string): { entries: LedgerEntry[]; problems: LedgerProblem[] } {
  const cached = recent.get(path);
  if (cached && cached.text === text) return cached.result;
  const result = parseUncached(text, path);
  recent.delete(path);
  recent.set(path, { text, result });
  if (recent.size > 16) recent.delete(recent.keys().next().value!);
  return result;
}

// A big ledger takes a while to parse and is re-read whenever a project reloads; unchanged text
// gives back the same entry objects, which also keeps the compiled matcher cached.
const recent = new Map<string, { text: string; result: { entries: LedgerEntry[]; problems: LedgerProblem[] } }>();

function parseUncached(text: string, path: string): { entries: LedgerEntry[]; problems: LedgerProblem[] } {
  const lines = new LineIndex(text);
  const problems: LedgerProblem[] = [];
  const at = (offset: number | undefined, message: string) => problems.push({ path, ...lines.positionAt(offset ?? 0), message });
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    at(0, localize('not valid {0}: {1}', 'YAML', (err as Error).message));
    return { entries: [], problems };
  }
  for (const e of doc.errors) at(e.pos[0], localize('not valid {0}: {1}', 'YAML', e.message.split('\n')[0]));
  if (problems.length) return { entries: [], problems };

  const list = entryList(doc, at);
  if (!list) return { entries: [], problems };
  const entries: LedgerEntry[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, index) => {
    const node = item as YamlNode;
    const start = node.range?.[0];
    if (!isMap(node)) { at(start, localize('entry {0}: must be a mapping with id, claim and correction', index + 1)); return; }
    let raw: Record<string, unknown>;
    try {
      raw = node.toJS(doc, { maxAliasCount: 50 }) as Record<string, unknown>;
    } catch (err) {
      at(start, localize('{0}: {1}', localize('entry {0}', index + 1), (err as Error).message));
      return;
    }
    const label = typeof raw.id === 'string' || typeof raw.id === 'number' ? localize('entry "{0}"', raw.id) : localize('entry {0}', index + 1);
    const errors = validateEntry(raw);
    for (const [field, message] of describeErrors(errors)) at(keyOffset(node, field) ?? start, localize('{0}: {1}', label, message));
    if (errors.length) return;

    const id = String(raw.id);
    const idAt = keyOffset(node, 'id') ?? start;
    const first = seen.get(id);
    if (first !== undefined) { at(idAt, localize('{0}: duplicate id (first used on line {1})', label, lines.positionAt(first).line + 1)); return; }
    seen.set(id, idAt ?? 0);

    const entry = toEntry(raw, id);
    const empty = entry.claim.filter((c, i) => claimKeys(c, entry.claimLang?.[i]).length === 0);
    if (empty.length) { at(keyOffset(node, 'claim') ?? start, localize('{0}: claim "{1}" has no words to match', label, empty[0])); return; }
    const end = node.range?.[1] ?? start ?? 0;
    const pos = lines.positionAt(start ?? 0);
    entry.location = { path, ...pos, range: lines.range(start ?? 0, end) };
    entries.push(entry);
  });
  return { entries, problems };
}

/** The sequence of entries: `corrections: [...]` at the top, or a bare top-level list. */
function entryList(doc: Document, at: (offset: number | undefined, message: string) => void) {
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return undefined;
  if (isSeq(root)) return root;
  if (!isMap(root)) { at(root.range?.[0], localize('the ledger must be a mapping with a "corrections" list')); return undefined; }
  for (const pair of (root as YAMLMap).items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'corrections' && key !== '$schema') at((pair.key as YamlNode | null)?.range?.[0], localize('unknown top-level key "{0}" (expected "corrections")', key));
  }
  const list = root.get('corrections', true);
  if (list === undefined || (isScalar(list) && list.value === null)) {
    if (!root.has('corrections')) at(root.range?.[0], localize('the ledger has no "corrections" list'));
    return undefined;
  }
  if (!isSeq(list)) { at((list as YamlNode).range?.[0], localize('"corrections" must be a list of entries')); return undefined; }
  return list;
}

function keyOffset(node: YAMLMap, field: string | undefined): number | undefined {
  if (!field) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === field);
  return (pair?.key as YamlNode | undefined)?.range?.[0];
}

const FIELD_MESSAGES: Record<string, string> = {
  id: localize('id must be a non-empty text'),
  claim: localize('claim must be a non-empty text, a list of texts, or texts per language (en: …); an empty claim would match nothing'),
  correction: localize('correction must be a non-empty text or texts per language (en: …)'),
  note: localize('note must be a non-empty text'),
  source: localize('source must be a URL (https://…)'),
  date: localize('must be an ISO date such as 2026-03-04'),
  claimDate: localize('must be an ISO date such as 2026-03-04'),
  lang: localize('lang must be a language tag such as en or id'),
};

/** One readable message per field, instead of Ajv's oneOf cascades. */
function describeErrors(errors: ErrorObject[]): Array<[string | undefined, string]> {
  const out = new Map<string, [string | undefined, string]>();
  for (const e of errors) {
    const field = e.instancePath.split('/')[1];
    if (e.keyword === 'required' && !field) {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (missing === 'correction' || missing === 'note') out.set('correction|note', [undefined, localize('needs a "correction" (the corrected wording) or at least a "note"')]);
      else out.set(missing, [undefined, localize('missing "{0}"', missing)]);
    } else if (e.keyword === 'additionalProperties' && !field) {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      out.set(`+${extra}`, [extra, localize('unknown field "{0}"', extra)]);
    } else if (e.keyword === 'anyOf' && !field) {
      continue; // reported through its "required" branches
    } else if (field && !out.has(field)) {
      const msg = FIELD_MESSAGES[field] ?? e.message ?? localize('is not valid');
      out.set(field, [field, msg.startsWith('must') ? localize('{0} {1}', field, msg) : msg]);
    }
  }
  // "correction|note" comes with two required errors; keep it once.
  return [...out.values()];
}

function toEntry(raw: Record<string, unknown>, id: string): LedgerEntry {
  const lang = typeof raw.lang === 'string' ? primaryTag(raw.lang) : undefined;
  const claim: string[] = [];
  const claimLang: Array<string | undefined> = [];
  const add = (value: unknown, l: string | undefined) => {
    for (const v of Array.isArray(value) ? value : [value]) { claim.push(String(v)); claimLang.push(l); }
  };
  if (raw.claim && typeof raw.claim === 'object' && !Array.isArray(raw.claim)) {
    for (const [l, v] of Object.entries(raw.claim)) add(v, primaryTag(l));
  } else add(raw.claim, lang);
  let correction: LedgerEntry['correction'];
  if (typeof raw.correction === 'string') correction = raw.correction;
  else if (raw.correction && typeof raw.correction === 'object') {
    correction = Object.fromEntries(Object.entries(raw.correction as Record<string, string>).map(([l, v]) => [primaryTag(l), v]));
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const entry: LedgerEntry = { id, claim, claimLang, correction, note: str(raw.note), source: str(raw.source), date: str(raw.date), lang };
  for (const k of ['rating', 'claimant', 'claimDate'] as const) if (typeof raw[k] === 'string') entry[k] = raw[k] as string;
  return entry;
}

/** Ids used in more than one ledger file (each file alone is fine): one problem per repeat. */
export function crossFileDuplicates(entries: LedgerEntry[]): LedgerProblem[] {
  const first = new Map<string, LedgerEntry>();
  const problems: LedgerProblem[] = [];
  for (const e of entries) {
    const seen = first.get(e.id);
    if (!seen) { first.set(e.id, e); continue; }
    if (!e.location || seen.location?.path === e.location.path) continue;
    problems.push({ path: e.location.path, line: e.location.line, character: e.location.character, message: localize('entry "{0}": the id is also used in {1}', e.id, seen.location?.path ?? localize('another ledger')) });
  }
  return problems;
}
