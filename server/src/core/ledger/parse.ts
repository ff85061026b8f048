import { parseDocument, isMap, isSeq, isScalar, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { ErrorObject } from 'ajv';
// schemas/corrections.schema.json#/definitions/entry, compiled ahead of time
// (scripts/gen-config-validator.mjs, `npm run gen:validators`): no Ajv compiler at run time.
import { validate as entryValidator } from '../generated/ledger-entry-validator.js';
import { LineIndex } from '../line-index.js';
import { primaryTag } from '../language.js';
import { hasWords } from './matcher.js';
import { readPlainLedger, type KeyOffsets } from './plain-yaml.js';
import type { LedgerEntry, LedgerProblem } from './types.js';
import { localize } from '../l10n.js';

export type { LedgerProblem } from './types.js';

function validateEntry(value: unknown): ErrorObject[] {
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

/** One item of the entries list, as both readers give it. */
type Item =
  | { kind: 'entry'; raw: Record<string, unknown>; start: number | undefined; end: number; keys: KeyOffsets | YAMLMap }
  | { kind: 'not-a-map'; start: number | undefined }
  | { kind: 'unreadable'; start: number | undefined; message: string };

/** Where the key `field` of an entry is (undefined when it has none). */
function keyAt(item: { keys: KeyOffsets | YAMLMap }, field: string | undefined): number | undefined {
  if (field === undefined) return undefined;
  if (isMap(item.keys)) return keyOffset(item.keys, field);
  const offset = Object.hasOwn(item.keys, field) ? (item.keys as unknown as Record<string, number>)[field] : -1;
  return offset >= 0 ? offset : undefined;
}

function labelOf(raw: Record<string, unknown>, index: number): string {
  return typeof raw.id === 'string' || typeof raw.id === 'number' ? localize('entry "{0}"', raw.id) : localize('entry {0}', index + 1);
}

function parseUncached(text: string, path: string): { entries: LedgerEntry[]; problems: LedgerProblem[] } {
  const lines = new LineIndex(text);
  // The common shape is read directly, in one pass; anything else by the `yaml` library, as it
  // always was. Both give the same items (values and offsets), so what follows cannot tell them
  // apart. The plain reader hands over each entry as it reads it; when it gives up half-way,
  // what it gave is dropped.
  if (plainReader) {
    const fast = new Collector(path, lines, text);
    fast.plainBreaks = true;
    if (readPlainLedger(text, (item, index) => fast.add(item, index))) return fast.result();
  }
  const slow = new Collector(path, lines, text);
  yamlItems(text, slow.at)?.forEach((item, index) => slow.add(item, index));
  return slow.result();
}

/** Checks the items of a ledger one by one: entries in, problems at their lines. */
class Collector {
  private readonly entries: LedgerEntry[] = [];
  private readonly problems: LedgerProblem[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly path: string, private readonly lines: LineIndex, private readonly text: string) {}

  // Entries come in order, so their positions are found by walking forward from the last one
  // (no search over 400,000 line starts per entry); anything else asks the LineIndex.
  private cursorLine = 0;
  private cursorStart = 0;
  private cursorNext = -1; // start of the line after the cursor's (-1: not looked up yet)

  /** lines.positionAt(offset), for texts whose only line break is \n (as the plain reader's are). */
  private position(offset: number): { line: number; character: number } {
    if (!this.plainBreaks || offset < this.cursorStart) return this.lines.positionAt(offset);
    for (;;) {
      if (this.cursorNext < 0) { const nl = this.text.indexOf('\n', this.cursorStart); this.cursorNext = nl < 0 ? Infinity : nl + 1; }
      if (offset < this.cursorNext) break;
      this.cursorLine++;
      this.cursorStart = this.cursorNext;
      this.cursorNext = -1;
    }
    // (An offset at a \r of \r\n counts as the end of its line's text, as in LineIndex.)
    const character = offset - this.cursorStart - (offset > this.cursorStart && this.text.charCodeAt(offset - 1) === 13 && this.text.charCodeAt(offset) === 10 ? 1 : 0);
    return { line: this.cursorLine, character };
  }

  /** Set for text read by the plain reader: no lone \r, so \n ends every line. */
  plainBreaks = false;

  readonly at = (offset: number | undefined, message: string): void => {
    this.problems.push({ path: this.path, ...this.lines.positionAt(offset ?? 0), message });
  };

  result(): { entries: LedgerEntry[]; problems: LedgerProblem[] } {
    return { entries: this.entries, problems: this.problems };
  }

  add(item: Item, index: number): void {
    const { start } = item;
    const at = this.at;
    if (item.kind === 'not-a-map') { at(start, localize('entry {0}: must be a mapping with id, claim and correction', index + 1)); return; }
    if (item.kind === 'unreadable') { at(start, localize('{0}: {1}', localize('entry {0}', index + 1), item.message)); return; }
    const { raw } = item;
    // Messages are made only for problems: 100,000 good entries need none.
    const errors = plainlyValid(raw) ? [] : validateEntry(raw);
    if (errors.length) {
      const name = labelOf(raw, index);
      for (const [field, message] of describeErrors(errors)) at(keyAt(item, field) ?? start, localize('{0}: {1}', name, message));
      return;
    }

    const id = String(raw.id);
    const idAt = keyAt(item, 'id') ?? start;
    const first = this.seen.get(id);
    if (first !== undefined) { at(idAt, localize('{0}: duplicate id (first used on line {1})', labelOf(raw, index), this.lines.positionAt(first).line + 1)); return; }
    this.seen.set(id, idAt ?? 0);

    const entry = toEntry(raw, id);
    let empty = -1;
    for (let i = 0; i < entry.claim.length && empty < 0; i++) if (!hasWords(entry.claim[i])) empty = i;
    if (empty >= 0) { at(keyAt(item, 'claim') ?? start, localize('{0}: claim "{1}" has no words to match', labelOf(raw, index), entry.claim[empty])); return; }
    const pos = this.position(start ?? 0);
    entry.location = { path: this.path, line: pos.line, character: pos.character, range: { start: pos, end: this.position(item.end) } };
    this.entries.push(entry);
  }
}

/** The items as the `yaml` library reads them; undefined (with problems) when there are none to check. */
function yamlItems(text: string, at: (offset: number | undefined, message: string) => void): Item[] | undefined {
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    at(0, localize('not valid {0}: {1}', 'YAML', (err as Error).message));
    return undefined;
  }
  for (const e of doc.errors) at(e.pos[0], localize('not valid {0}: {1}', 'YAML', e.message.split('\n')[0]));
  if (doc.errors.length) return undefined;

  const list = entryList(doc, at);
  if (!list) return undefined;
  return list.items.map((item): Item => {
    const node = item as YamlNode;
    const start = node.range?.[0];
    if (!isMap(node)) return { kind: 'not-a-map', start };
    try {
      const raw = node.toJS(doc, { maxAliasCount: 50 }) as Record<string, unknown>;
      return { kind: 'entry', raw, start, end: node.range?.[1] ?? start ?? 0, keys: node };
    } catch (err) {
      return { kind: 'unreadable', start, message: (err as Error).message };
    }
  });
}

const TEXT = /\S/;
const LANG_TAG = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const SOURCE = /^(https?:\/\/|urn:|doi:)\S+$/;
const isText = (v: unknown) => typeof v === 'string' && TEXT.test(v);
const isTexts = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isText);
const isPerLanguage = (v: unknown, ok: (x: unknown) => boolean) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  let n = 0;
  for (const [l, x] of Object.entries(v)) { n++; if (!LANG_TAG.test(l) || !ok(x)) return false; }
  return n > 0;
};
const isClaimText = (x: unknown) => isText(x) || isTexts(x);

/**
 * True only when schemas/corrections.schema.json's entry definition accepts `raw` — the same
 * rules, checked by hand: Ajv took a third of a second for 100,000 entries. False sends the
 * entry to Ajv, whose errors make the messages (test/core/ledger/plain-yaml.test.ts compares
 * the two on random entries).
 */
function plainlyValid(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const r = raw as Record<string, unknown>;
  for (const key in r) {
    const v = r[key];
    switch (key) {
      // (Ajv skips a field whose value is undefined, as no YAML value is.)
      case 'id': if (v !== undefined && !(typeof v === 'string' ? TEXT.test(v) : Number.isInteger(v))) return false; break;
      case 'claim': if (v !== undefined && !(isClaimText(v) || isPerLanguage(v, isClaimText))) return false; break;
      case 'correction': if (v !== undefined && !(isText(v) || isPerLanguage(v, isText))) return false; break;
      case 'note': if (v !== undefined && !isText(v)) return false; break;
      case 'source': if (v !== undefined && !(typeof v === 'string' && SOURCE.test(v))) return false; break;
      case 'date': case 'claimDate': if (v !== undefined && !(typeof v === 'string' && ISO_DATE.test(v))) return false; break;
      case 'lang': if (v !== undefined && !(typeof v === 'string' && LANG_TAG.test(v))) return false; break;
      case 'rating': case 'claimant': if (v !== undefined && typeof v !== 'string') return false; break;
      default: return false;
    }
  }
  return r.id !== undefined && r.claim !== undefined && (r.correction !== undefined || r.note !== undefined);
}

/** Exposed for tests: the reader and the validator must agree with the `yaml` library and Ajv. */
export const internals = { plainlyValid, validateEntry, yamlOnly: (text: string, path: string) => withoutPlainReader(() => parseUncached(text, path)) };

let plainReader = true;
function withoutPlainReader<T>(f: () => T): T {
  plainReader = false;
  try { return f(); } finally { plainReader = true; }
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

// Written without per-call closures: it runs once per entry, 100,000 times for a big ledger.
function toEntry(raw: Record<string, unknown>, id: string): LedgerEntry {
  const lang = typeof raw.lang === 'string' ? primaryTag(raw.lang) : undefined;
  let claim: string[];
  let claimLang: Array<string | undefined>;
  if (raw.claim && typeof raw.claim === 'object' && !Array.isArray(raw.claim)) {
    claim = [];
    claimLang = [];
    for (const [l, v] of Object.entries(raw.claim)) addVariants(claim, claimLang, v, primaryTag(l));
  } else if (!Array.isArray(raw.claim)) {
    // One claim (most entries): arrays of exactly one — an array grown by push keeps room for 16.
    claim = [String(raw.claim)];
    claimLang = [lang];
  } else {
    claim = [];
    claimLang = [];
    addVariants(claim, claimLang, raw.claim, lang);
  }
  let correction: LedgerEntry['correction'];
  if (typeof raw.correction === 'string') correction = raw.correction;
  else if (raw.correction && typeof raw.correction === 'object') {
    correction = Object.fromEntries(Object.entries(raw.correction as Record<string, string>).map(([l, v]) => [primaryTag(l), v]));
  }
  const entry: LedgerEntry = { id, claim, claimLang, correction, note: textOrUndefined(raw.note), source: textOrUndefined(raw.source), date: textOrUndefined(raw.date), lang };
  if (typeof raw.rating === 'string') entry.rating = raw.rating;
  if (typeof raw.claimant === 'string') entry.claimant = raw.claimant;
  if (typeof raw.claimDate === 'string') entry.claimDate = raw.claimDate;
  return entry;
}

function addVariants(claim: string[], claimLang: Array<string | undefined>, value: unknown, l: string | undefined): void {
  if (Array.isArray(value)) for (const v of value) { claim.push(String(v)); claimLang.push(l); }
  else { claim.push(String(value)); claimLang.push(l); }
}

const textOrUndefined = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Ids used in more than one ledger file (each file alone is fine): one problem per repeat. */
export function crossFileDuplicates(entries: readonly LedgerEntry[]): LedgerProblem[] {
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
