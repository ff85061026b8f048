/**
 * A strict, fast reader for the shape nearly every corrections ledger has (issue #9: the `yaml`
 * library took ~18 s on a 100,000-entry, 16 MB ledger):
 *
 *     corrections:            # or a bare top-level list; "$schema: …" may stand beside it
 *       - id: a               # block mappings, or one-line flow mappings {id: a, claim: b}
 *         claim: plain text   # plain, 'single' or "double" quoted scalars on one line,
 *         correction: [x, y]  # one-line flow sequences, block sequences of scalars,
 *         note:               # and claim/correction texts per language, block or flow
 *           - …
 *
 * It gives exactly what the `yaml` library's document gives for such text — the same values
 * (what `toJS` returns) and the same offsets (each entry's range and each key's position) — and
 * gives up (returns false) on anything else: anchors, tags, multi-line or folded scalars, plain
 * scalars that YAML reads as null, booleans or numbers (except a whole-number id), escapes it
 * does not know, tabs, unusual line breaks, keys it does not expect, duplicate keys, comments
 * after an entry where YAML's idea of the entry's range gets intricate. The caller then reads the
 * file with the `yaml` library as before, so a ledger this reader does not fully understand is
 * read exactly as it always was. test/core/ledger/plain-yaml.test.ts checks the equality on the
 * fixtures, the examples and ~7,000 generated ledgers per run.
 */

export interface PlainEntry {
  kind: 'entry';
  /** The entry as `toJS` gives it. */
  raw: Record<string, unknown>;
  /** Offsets of the entry's node range (`range[0]`, `range[1]`). */
  start: number;
  end: number;
  /** Offset of each key of the entry. */
  keys: KeyOffsets;
}

/** Where each field's key is in an entry (-1: no such key). One record serves every entry. */
export class KeyOffsets {
  id = -1; claim = -1; correction = -1; note = -1; source = -1; date = -1; lang = -1; rating = -1; claimant = -1; claimDate = -1;
  clear(): void {
    this.id = this.claim = this.correction = this.note = this.source = this.date = this.lang = this.rating = this.claimant = this.claimDate = -1;
  }
}

/** Thrown to give up; caught once in readPlainLedger. */
const GIVE_UP: unique symbol = Symbol('give up');

/** Entry fields (anything else is a problem the `yaml` path reports). */
const ENTRY_KEYS = new Set(['id', 'claim', 'correction', 'note', 'source', 'date', 'lang', 'rating', 'claimant', 'claimDate']);
/** Entry fields by the length of their name. */
const FIELDS_BY_LENGTH: string[][] = [];
for (const k of ENTRY_KEYS) (FIELDS_BY_LENGTH[k.length] ??= []).push(k);
const langKey = (key: string) => LANG_KEY.test(key) && !NOT_A_STRING.test(key) && key !== '__proto__';
/** Keys of texts per language: tags, or other words (the schema then says what is wrong). */
const LANG_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Plain scalars the YAML core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** A whole-number id that is exactly a JavaScript number. */
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/** First characters a plain scalar may not start with here (indicators, quotes, numbers' signs). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** A run of characters a double-quoted scalar keeps as they are (sticky: tested from lastIndex). */
// eslint-disable-next-line no-control-regex
const ORDINARY_DQ = /[^"\\\x00-\x1f\x7f\x85\u2028\u2029\ufeff]+/y;
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

/**
 * Reads a ledger in the common shape, handing each entry to `onEntry` as soon as it is read (so
 * the reader's own objects die young). Returns false — possibly after some entries — when the
 * `yaml` library must read the text instead; the caller then drops what it was given.
 */
export function readPlainLedger(text: string, onEntry: (entry: PlainEntry, index: number) => void): boolean {
  try {
    new Reader(text, onEntry).ledger();
    return true;
  } catch (err) {
    if (err === GIVE_UP) return false;
    throw err;
  }
}

/**
 * Tabs, control characters, a \r not followed by \n (a line break of its own), NEL, line and
 * paragraph separators, a byte order mark: YAML and LineIndex read them in ways this reader does
 * not follow. The reader looks at every character of the text once (indentation, keys, values,
 * comments); each check is this test, not a pass of its own (a regular expression over the whole
 * text took 60 ms on 16 MB).
 */
const unusual = (c: number) => (c < 0x20 && c !== 10 && c !== 13) || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff;

class Reader {
  /** Start of the current line. */
  private p = 0;
  /** Where the value (or key) last read ends. */
  private end = 0;
  private readonly n: number;
  private count = 0;
  /** The last value blockMap read was on its key's line. */
  private lastInline = false;
  /** One record, reused for every entry (onEntry must not keep it). */
  private readonly entry: PlainEntry = { kind: 'entry', raw: {}, start: 0, end: 0, keys: new KeyOffsets() };

  constructor(private readonly text: string, private readonly onEntry: (entry: PlainEntry, index: number) => void) {
    this.n = text.length;
  }

  private fail(): never {
    throw GIVE_UP;
  }

  // The \n ending the line last asked about, and where the search started: the reader asks
  // about the same line several times (its key, its value, what follows the value).
  private nlFrom = -1;
  private nl = -1;

  /** Index of the \n ending the line that holds `p` (n when it is the last line). */
  private newline(p: number): number {
    if (p >= this.nlFrom && p <= this.nl) return this.nl;
    let e = this.text.indexOf('\n', p);
    if (e < 0) e = this.n;
    this.nlFrom = p;
    this.nl = e;
    return e;
  }

  /** End of the line holding `p`, before its line break. */
  private lineEnd(p: number): number {
    const e = this.newline(p);
    return e > p && e < this.n && this.text.charCodeAt(e - 1) === 13 ? e - 1 : e;
  }

  /** Start of the line after the one holding `p` (n at the end). */
  private nextLine(p: number): number {
    const e = this.newline(p);
    return e < this.n ? e + 1 : this.n;
  }

  /** Moves `p` to the next line holding content (not blank, not a comment); returns its indent, or -1 at the end. */
  private toContent(): number {
    const t = this.text;
    while (this.p < this.n) {
      let i = this.p;
      while (t.charCodeAt(i) === 32) i++;
      if (i >= this.n) { this.p = this.n; return -1; }
      const c = t.charCodeAt(i);
      if (c === 13 && t.charCodeAt(i + 1) !== 10) this.fail();
      if (c === 35 /* # */) this.comment(i);
      if (c === 10 || c === 13 || c === 35) { this.p = this.nextLine(i); continue; }
      return i - this.p;
    }
    return -1;
  }

  /** After a value ending at `q`: only spaces and a comment may follow on the line. Moves to the next line. */
  private endOfLine(q: number): void {
    const t = this.text;
    const e = this.lineEnd(q);
    let i = q;
    while (i < e && t.charCodeAt(i) === 32) i++;
    if (i < e) {
      if (!(t.charCodeAt(i) === 35 && i > q)) this.fail();
      this.comment(i);
    }
    this.p = this.nextLine(q);
  }

  /** A comment from `i` to the end of its line: nothing in it may be unusual. */
  private comment(i: number): void {
    const t = this.text;
    const e = this.lineEnd(i);
    for (; i < e; i++) if (unusual(t.charCodeAt(i)) || t.charCodeAt(i) === 13) this.fail();
  }

  /** Is there "- " (or "-" at the end of the line) at `i`? */
  private dashAt(i: number): boolean {
    const t = this.text;
    if (t.charCodeAt(i) !== 45) return false;
    const c = t.charCodeAt(i + 1);
    return c === 32 || c === 10 || c === 13 || i + 1 >= this.n;
  }

  private spaces(i: number, e: number): number {
    while (i < e && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  private emit(raw: Record<string, unknown>, start: number, end: number): void {
    const e = this.entry;
    e.raw = raw; e.start = start; e.end = end;
    this.onEntry(e, this.count++);
  }

  ledger(): void {
    let list = false;
    const topKeys = new Set<string>();
    for (;;) {
      const indent = this.toContent();
      if (indent < 0) break;
      if (indent !== 0) this.fail();
      const at = this.p;
      if (this.dashAt(at)) {
        if (topKeys.size > 0 || list) this.fail();
        this.list(0);
        list = true;
        if (this.toContent() >= 0) this.fail();
        break;
      }
      const key = this.key(at, false);
      const valueAt = this.end;
      if (topKeys.has(key) || (key !== '$schema' && key !== 'corrections')) this.fail();
      topKeys.add(key);
      if (key === '$schema') {
        const e = this.lineEnd(at);
        const q = this.spaces(valueAt, e);
        if (q >= e) this.fail();
        if (typeof this.inline(q, e, false, false, false, false) !== 'string') this.fail();
        this.endOfLine(this.end);
      } else {
        this.endOfLine(valueAt);
        const indent2 = this.toContent();
        if (indent2 < 0 || !this.dashAt(this.p + indent2)) this.fail();
        this.list(indent2);
        list = true;
      }
    }
    if (!list) this.fail();
  }

  /** A block sequence of entries whose dashes stand at column `d`. */
  private list(d: number): void {
    const t = this.text;
    for (;;) {
      const indent = this.toContent();
      if (indent < 0 || indent < d) return;
      if (indent > d) this.fail();
      const dash = this.p + d;
      if (!this.dashAt(dash)) { if (d === 0) return; this.fail(); }
      const e = this.lineEnd(this.p);
      const c = this.spaces(dash + 1, e);
      if (c >= e || t.charCodeAt(c) === 35) this.fail(); // "-" alone on its line
      this.entry.keys.clear();
      if (t.charCodeAt(c) === 123 /* { */) {
        const raw = this.flowMap(c, e, this.entry.keys, true);
        const end = this.end;
        this.endOfLine(end);
        this.trailingComments(this.p, d);
        this.emit(raw, c, end);
      } else {
        const k = c - this.p;
        const raw = this.blockMap(k, c, true, this.entry.keys);
        let end = this.end;
        if (this.lastInline) end = this.commentsAfterScalar(end, k);
        else this.trailingComments(end, d);
        this.emit(raw, c, end);
      }
    }
  }

  /**
   * Where an entry whose last value is on its key's line ends, given the comment lines after it
   * (from `from` to `p`): YAML counts in those indented deeper than its keys (column `k`), up to
   * the first that is not (blank lines aside). Checked on generated ledgers against the library.
   */
  private commentsAfterScalar(from: number, k: number): number {
    const t = this.text;
    let end = from;
    for (let line = from; line < this.p; line = this.nextLine(line)) {
      let i = line;
      while (t.charCodeAt(i) === 32) i++;
      if (t.charCodeAt(i) !== 35) continue; // a blank line
      if (i - line <= k) break;
      end = this.nextLine(line);
    }
    return end;
  }

  /**
   * Comment lines between an entry's last value (from `from`) and what follows it (`p`): YAML
   * counts those indented deeper than the entry's dash as part of the entry — or of its last
   * value — when it gives the entry's range, by rules of its own. Left to the `yaml` library.
   */
  private trailingComments(from: number, d: number): void {
    const t = this.text;
    for (let line = from; line < this.p; line = this.nextLine(line)) {
      let i = line;
      while (t.charCodeAt(i) === 32) i++;
      if (t.charCodeAt(i) === 35 && i - line > d) this.fail();
    }
  }

  /**
   * The key at `at` ("name:" followed by a space or the line's end); `end` is just past its
   * colon. An entry's key must be one of its fields and is given as that field's name (a
   * constant: no new string per key, 400,000 times for a big ledger); other keys are sliced out.
   */
  private key(at: number, entry: boolean): string {
    const t = this.text;
    if (entry) {
      // An entry's key must be one of its fields: find the colon, then compare the name.
      const colon = t.indexOf(':', at);
      const fields = colon < 0 ? undefined : FIELDS_BY_LENGTH[colon - at];
      if (fields) {
        for (const f of fields) {
          if (!t.startsWith(f, at)) continue;
          const after = t.charCodeAt(colon + 1);
          if (!(after === 32 || after === 10 || after === 13 || colon + 1 >= this.n)) this.fail();
          this.end = colon + 1;
          return f;
        }
      }
      return this.fail();
    }
    let i = at;
    while (i < this.n) {
      const c = t.charCodeAt(i);
      if (c === 58 /* : */ || c === 32 || c === 10 || c === 13) break;
      if (unusual(c)) this.fail();
      i++;
    }
    if (t.charCodeAt(i) !== 58) this.fail();
    const after = t.charCodeAt(i + 1);
    if (!(after === 32 || after === 10 || after === 13 || i + 1 >= this.n)) this.fail();
    this.end = i + 1;
    // Callers accept only a few names or language tags, none of which YAML reads as anything but
    // a string (or JavaScript as anything but an own property).
    return t.slice(at, i);
  }

  /**
   * A block mapping whose keys stand at column `k`, the first one at offset `first` (on the
   * current line); `keys` gets where each key is. Entry level (`entry`) takes entry fields;
   * below, language tags. `end` is where its range ends: past the line break of its last value.
   */
  private blockMap(k: number, first: number, entry: boolean, keys: KeyOffsets | undefined): Record<string, unknown> {
    const t = this.text;
    const raw: Record<string, unknown> = {};
    let at = first;
    let end: number;
    for (;;) {
      const key = this.key(at, entry);
      if (!entry && !langKey(key)) this.fail();
      if (Object.hasOwn(raw, key)) this.fail();
      if (keys) (keys as unknown as Record<string, number>)[key] = at;
      const e = this.lineEnd(at);
      const v = this.spaces(this.end, e);
      if (v >= e || t.charCodeAt(v) === 35) {
        // The value is on the following lines: a block sequence, or texts per language.
        this.p = this.nextLine(at);
        raw[key] = this.nestedBlock(k, entry);
        end = this.end;
        this.lastInline = false;
      } else {
        raw[key] = this.inline(v, e, false, entry && key === 'id', true, entry);
        this.endOfLine(this.end);
        end = this.p;
        this.lastInline = true;
      }
      const indent = this.toContent();
      if (indent < 0 || indent < k) break;
      if (indent > k || this.dashAt(this.p + indent)) this.fail();
      at = this.p + indent;
    }
    this.end = end;
    return raw;
  }

  /** The value of a key with nothing after its colon: a block sequence, or (in an entry) texts per language. */
  private nestedBlock(k: number, perLanguage: boolean): unknown {
    const indent = this.toContent();
    if (indent < 0) this.fail();
    const at = this.p + indent;
    if (this.dashAt(at)) {
      if (indent < k) this.fail();
      return this.blockSeq(indent);
    }
    if (indent <= k || !perLanguage) this.fail();
    return this.blockMap(indent, at, false, undefined);
  }

  /** A block sequence of one-line scalars, its dashes at column `d`. */
  private blockSeq(d: number): unknown[] {
    const t = this.text;
    const items: unknown[] = [];
    for (;;) {
      const e = this.lineEnd(this.p);
      const c = this.spaces(this.p + d + 1, e);
      if (c >= e || t.charCodeAt(c) === 35 || t.charCodeAt(c) === 45 /* - */) this.fail();
      const value = this.inline(c, e, false, false, false, false);
      if (typeof value !== 'string') this.fail();
      items.push(value);
      this.endOfLine(this.end);
      const end = this.p;
      const indent = this.toContent();
      if (indent !== d || !this.dashAt(this.p + d)) {
        if (indent > d) this.fail();
        this.end = end;
        return items;
      }
    }
  }

  /**
   * One value on one line from `q` (before `e`): a quoted or plain scalar, a flow sequence of
   * scalars (`seq`), or a flow mapping of texts per language (`map`). `wholeNumber`: a plain
   * whole number is read as a number (an id), as YAML does. `end` is just past it.
   */
  private inline(q: number, e: number, flow: boolean, wholeNumber: boolean, seq: boolean, map: boolean): unknown {
    const c = this.text.charCodeAt(q);
    if (c === 34 /* " */) return this.doubleQuoted(q, e);
    if (c === 39 /* ' */) return this.singleQuoted(q, e);
    if (c === 91 /* [ */) { if (!seq) this.fail(); return this.flowSeq(q, e); }
    if (c === 123 /* { */) { if (!map) this.fail(); return this.flowMap(q, e, undefined, false); }
    return this.plain(q, e, flow, wholeNumber);
  }

  private plain(q: number, e: number, flow: boolean, wholeNumber: boolean): unknown {
    const t = this.text;
    let last = q; // just past the last non-space character
    for (let i = q; i < e; i++) {
      const c = t.charCodeAt(i);
      // Letters and most punctuation: nothing to decide.
      if (c > 0x3a && c < 0x7f && c !== 0x5b && c !== 0x5d && c !== 0x7b && c !== 0x7d) { last = i + 1; continue; }
      if (c === 32) continue;
      if (unusual(c) || c === 13) this.fail();
      if (c === 35 /* # */ && i > q && t.charCodeAt(i - 1) === 32) break; // a comment
      if (c === 58 /* : */) {
        // "a: b" is a mapping, not a scalar; "https://…" is a scalar, also in a flow collection
        // unless a flow indicator follows the colon.
        const next = t.charCodeAt(i + 1);
        if (next === 32 || i + 1 >= e || (flow && (next === 44 || next === 93 || next === 125 || next === 91 || next === 123))) this.fail();
      }
      if (flow) {
        if (c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */) break;
        if (c === 91 || c === 123) this.fail();
      }
      last = i + 1;
    }
    const s = t.slice(q, last);
    if (s === '' || INDICATOR.test(s)) this.fail();
    this.end = last;
    if (NOT_A_STRING.test(s)) {
      if (wholeNumber && WHOLE_NUMBER.test(s)) return Number(s);
      this.fail();
    }
    return s;
  }

  private doubleQuoted(q: number, e: number): string {
    const t = this.text;
    let out = '';
    let from = q + 1;
    for (let i = q + 1; i < e; i++) {
      // Skip ordinary characters in one native step (a quoted claim is most of a ledger's text).
      ORDINARY_DQ.lastIndex = i;
      if (ORDINARY_DQ.test(t)) i = Math.min(ORDINARY_DQ.lastIndex, e);
      if (i >= e) break;
      const c = t.charCodeAt(i);
      if (c === 34) { this.end = i + 1; return out + t.slice(from, i); }
      if (c !== 92 /* \ */) {
        if (unusual(c) || c === 13) this.fail();
        continue;
      }
      out += t.slice(from, i);
      const next = t[i + 1];
      if (next !== undefined && Object.hasOwn(ESCAPES, next)) { out += ESCAPES[next]; i++; }
      else if (next === 'x' || next === 'u' || next === 'U') {
        const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = t.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) this.fail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) this.fail();
        out += String.fromCodePoint(code);
        i += 1 + len;
      } else this.fail();
      from = i + 1;
    }
    return this.fail(); // no closing quote on this line
  }

  private singleQuoted(q: number, e: number): string {
    const t = this.text;
    let out = '';
    let from = q + 1;
    for (let i = q + 1; i < e; i++) {
      const c = t.charCodeAt(i);
      if (unusual(c) || c === 13) this.fail();
      if (c !== 39) continue;
      if (i + 1 < e && t.charCodeAt(i + 1) === 39) { out += t.slice(from, i + 1); from = i + 2; i++; continue; }
      this.end = i + 1;
      return out + t.slice(from, i);
    }
    return this.fail();
  }

  /** [a, "b", 'c'] on one line: texts only. */
  private flowSeq(q: number, e: number): unknown[] {
    const t = this.text;
    const items: unknown[] = [];
    let i = this.spaces(q + 1, e);
    if (t.charCodeAt(i) === 93) { this.end = i + 1; return items; }
    for (;;) {
      if (i >= e) this.fail();
      const value = this.inline(i, e, true, false, false, false);
      if (typeof value !== 'string') this.fail();
      items.push(value);
      i = this.spaces(this.end, e);
      const c = t.charCodeAt(i);
      if (c === 93) { this.end = i + 1; return items; }
      if (c !== 44) this.fail();
      i = this.spaces(i + 1, e);
      if (t.charCodeAt(i) === 93 || t.charCodeAt(i) === 44) this.fail(); // [a, ] or [a, , b]
    }
  }

  /**
   * {key: value, …} on one line; `keys` gets where each key is. An entry (`entry`) takes entry
   * fields, whose values may be texts per language in a nested flow mapping; below, language
   * tags with texts.
   */
  private flowMap(q: number, e: number, keys: KeyOffsets | undefined, entry: boolean): Record<string, unknown> {
    const t = this.text;
    const raw: Record<string, unknown> = {};
    let i = q + 1;
    for (;;) {
      i = this.spaces(i, e);
      if (i >= e || t.charCodeAt(i) === 125) this.fail(); // {} or {a: b, }
      const key = this.key(i, entry);
      if (this.end >= e || t.charCodeAt(this.end) !== 32) this.fail();
      if (!entry && !langKey(key)) this.fail();
      if (Object.hasOwn(raw, key)) this.fail();
      if (keys) (keys as unknown as Record<string, number>)[key] = i;
      i = this.spaces(this.end, e);
      if (i >= e) this.fail();
      raw[key] = this.inline(i, e, true, entry && key === 'id', true, entry);
      i = this.spaces(this.end, e);
      const c = t.charCodeAt(i);
      if (c === 125) { this.end = i + 1; return raw; }
      if (c !== 44) this.fail();
      i++;
    }
  }
}
