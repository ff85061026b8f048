import { parseDocument, isMap } from 'yaml';
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
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, t] = e.pos;
    problems.push({ ...inside(text, yamlStart, yamlEnd, s, Math.max(t, s + 1)), message: localize('Front matter is not valid YAML: {0}', firstLine(e.message)) });
  }
  if (doc.errors.length === 0) {
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
