import type { Annotations, Span } from './model.js';

/**
 * Semantic tokens for what Copydesk reads: quotations, speakers, attribution cues, corrected
 * claims and the disclaimer. Tokens never overlap and never span a line break: where things nest
 * (a corrected claim inside a quotation, a quote inside a quote) the inner one wins and the outer
 * token is split around it.
 */

export const TOKEN_TYPES = ['quotation', 'speaker', 'attributionCue', 'correctedClaim', 'disclaimer'] as const;
export const TOKEN_MODIFIERS = ['attributed', 'unattributed', 'term', 'withCorrection'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const TOKEN_LEGEND = { tokenTypes: [...TOKEN_TYPES] as string[], tokenModifiers: [...TOKEN_MODIFIERS] as string[] };

export interface SemanticToken {
  line: number;
  /** UTF-16 code units from the line start. */
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const cache = new WeakMap<Annotations, SemanticToken[]>();

/** Every token of the draft, in document order; computed once per annotation model. */
export function semanticTokens(model: Annotations): SemanticToken[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const doc = model.document;
  const n = doc.text.length;
  const paint = new Int32Array(n).fill(-1);
  const styles: Array<{ type: TokenType; modifiers: TokenModifier[] }> = [];
  const styleIds = new Map<string, number>();
  const fill = (span: Span, type: TokenType, modifiers: TokenModifier[] = []) => {
    const key = `${type}:${modifiers.join(',')}`;
    let id = styleIds.get(key);
    if (id === undefined) { id = styles.length; styles.push({ type, modifiers }); styleIds.set(key, id); }
    paint.fill(id, Math.max(0, span.start), Math.min(n, span.end));
  };

  // Lowest layer first: later fills win.
  if (model.disclaimer) fill(model.disclaimer.range, 'disclaimer');
  const byDepth = [...model.quotations].sort((a, b) => a.analysis.depth - b.analysis.depth || a.index - b.index);
  for (const q of byDepth) for (const s of q.analysis.segments) fill(s, 'quotation', [q.status]);
  for (const c of model.claims) fill(c.range, 'correctedClaim', c.reportedWithCorrection ? ['withCorrection'] : []);
  for (const q of model.quotations) {
    if (q.status !== 'attributed') continue;
    if (q.cue) fill(q.cue, 'attributionCue');
    if (q.speakerName) fill(q.speakerName, 'speaker');
  }

  const tokens: SemanticToken[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    const end = doc.lines.lineEnd(line);
    let i = start;
    while (i < end) {
      const id = paint[i];
      let j = i + 1;
      while (j < end && paint[j] === id) j++;
      if (id >= 0) tokens.push({ line, character: i - start, length: j - i, ...styles[id] });
      i = j;
    }
  }
  cache.set(model, tokens);
  return tokens;
}

/** LSP's relative encoding: [deltaLine, deltaStart, length, type, modifier bits] per token. */
export function encodeTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.character - character : t.character, t.length, TOKEN_TYPES.indexOf(t.type),
      t.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0));
    line = t.line;
    character = t.character;
  }
  return data;
}

/** Tokens on lines that touch [startLine, endLine] (LSP ranges select whole tokens). */
export function tokensInRange(tokens: readonly SemanticToken[], range: { start: { line: number; character: number }; end: { line: number; character: number } }): SemanticToken[] {
  return tokens.filter((t) => {
    if (t.line < range.start.line || t.line > range.end.line) return false;
    if (t.line === range.start.line && t.character + t.length <= range.start.character) return false;
    if (t.line === range.end.line && t.character >= range.end.character) return false;
    return true;
  });
}
