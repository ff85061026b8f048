import { parseDocument, isMap, isScalar } from 'yaml';
import { MAX_FRONT_MATTER_CHARS } from './limits.js';
import { localize } from './l10n.js';

export interface Problem {
  start: number;
  end: number;
  message: string;
}

export interface FrontMatter {
  /** Source offsets of the whole block including the --- fences. */
  start: number;
  end: number;
  data: Record<string, unknown>;
  problems: Problem[];
  /** Source offsets of each top-level key's value, for precise messages. */
  valueRanges: Map<string, { start: number; end: number }>;
}

const FENCE = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/g;

/** Finds a YAML front matter block at the very start of a draft (Markdown or plain text). */
export function findFrontMatter(text: string): { start: number; end: number; yamlStart: number; yamlEnd: number } | undefined {
  const open = FENCE.exec(text);
  if (!open) return undefined;
  CLOSE.lastIndex = open[0].length - 1;
  const close = CLOSE.exec(text);
  if (!close) return undefined;
  return { start: 0, end: close.index + close[0].length, yamlStart: open[0].length, yamlEnd: close.index };
}

/** Parses front matter YAML; problems carry absolute offsets. Aliases are capped (no alias bombs). */
export function parseFrontMatter(text: string, yamlStart: number, yamlEnd: number, blockEnd: number): FrontMatter {
  const source = text.slice(yamlStart, yamlEnd);
  const problems: Problem[] = [];
  const valueRanges = new Map<string, { start: number; end: number }>();
  let data: Record<string, unknown> = {};
  if (source.length > MAX_FRONT_MATTER_CHARS) {
    // Front matter holds a handful of keys; a megabyte of YAML is an accident or an attack.
    problems.push({ start: yamlStart, end: yamlStart + 3, message: localize('Front matter is too long (over {0} characters): Copydesk did not read it.', MAX_FRONT_MATTER_CHARS) });
    return { start: 0, end: blockEnd, data, problems, valueRanges };
  }
  const plain = plainFrontMatter(source, yamlStart);
  if (plain) return { start: 0, end: blockEnd, data: plain.data, problems, valueRanges: plain.valueRanges };
  // uniqueKeys compares every key with every other one (quadratic): top-level keys are checked below.
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
  if (isMap(doc.contents)) {
    const seen = new Set<unknown>();
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (!seen.has(key) || !isScalar(pair.key)) { seen.add(key); continue; }
      const [s, t] = pair.key.range ?? [0, 1];
      problems.push({ ...inside(text, yamlStart, yamlEnd, s, t), message: 'Front matter is not valid YAML: Map keys must be unique' });
    }
  }
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, t] = e.pos;
    problems.push({ ...inside(text, yamlStart, yamlEnd, s, Math.max(t, s + 1)), message: localize('Front matter is not valid YAML: {0}', firstLine(e.message)) });
  }
  if (doc.errors.length === 0 && problems.length === 0) {
    try {
      const value: unknown = doc.toJS({ maxAliasCount: 50 });
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else problems.push({ start: yamlStart, end: Math.max(yamlEnd, yamlStart + 1), message: localize('Front matter must be a set of "key: value" lines.') });
    } catch (err) {
      problems.push({ start: yamlStart, end: Math.max(yamlEnd, yamlStart + 1), message: localize('Front matter could not be read: {0}', firstLine(String((err as Error).message))) });
    }
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = (pair.key as { value?: unknown } | null)?.value;
        const range = (pair.value as { range?: [number, number, number] } | null)?.range;
        if (typeof key === 'string' && range) valueRanges.set(key, { start: yamlStart + range[0], end: yamlStart + range[1] });
      }
    }
  }
  return { start: 0, end: blockEnd, data, problems, valueRanges };
}

// The front matter nearly every draft has: a few `key: text` lines. Read here without the YAML
// library (which costs as much as checking a paragraph); anything else goes to the library.
const PLAIN_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+([^\s'"&*!|>%@`#\[\]{},?:-][^\r\n]*?)[ ]*$/;
/** Plain scalars the YAML core schema reads as something other than a string, or that need its rules. */
const NOT_PLAIN_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$|: | #|\t/;

/** `key: text` lines only (unique keys, plain text values): what the YAML library would give; else undefined. */
export function plainFrontMatter(source: string, yamlStart: number): { data: Record<string, unknown>; valueRanges: Map<string, { start: number; end: number }> } | undefined {
  if (source === '' || source.includes('\r')) return undefined;
  const data: Record<string, unknown> = {};
  const valueRanges = new Map<string, { start: number; end: number }>();
  let at = 0;
  for (const line of source.split('\n')) {
    const m = PLAIN_LINE.exec(line);
    if (!m || NOT_PLAIN_TEXT.test(m[1]) || NOT_PLAIN_TEXT.test(m[2]) || valueRanges.has(m[1]) || m[1] === '__proto__') return undefined;
    const start = yamlStart + at + line.indexOf(m[2], m[1].length + 1);
    data[m[1]] = m[2];
    valueRanges.set(m[1], { start, end: start + m[2].length });
    at += line.length + 1;
  }
  return { data, valueRanges };
}

/**
 * A YAML error's span as absolute offsets inside the YAML block. The parser may point past the
 * block's end (an unclosed quote: at the line break before the closing fence, even between a CRLF's
 * \r and \n); such a span is moved back onto the block's last character.
 */
function inside(text: string, yamlStart: number, yamlEnd: number, s: number, t: number): { start: number; end: number } {
  let start = Math.min(yamlStart + s, yamlEnd);
  let end = Math.min(yamlStart + t, yamlEnd);
  if (start === end && start > yamlStart) {
    start--;
    if (start > yamlStart && /[\uDC00-\uDFFF\n]/.test(text[start]) && /[\uD800-\uDBFF\r]/.test(text[start - 1])) start--;
  }
  if (end > start && end < text.length && /[\uDC00-\uDFFF\n]/.test(text[end]) && /[\uD800-\uDBFF\r]/.test(text[end - 1])) end++;
  return { start, end };
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}
