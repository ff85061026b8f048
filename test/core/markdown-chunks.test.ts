import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitChunks } from '../../server/src/core/markdown-chunks.js';

/** The chunker as first written: one slice and a few regular expressions per line. */
function reference(text: string, from: number): Array<{ start: number; end: number }> {
  const FENCE = /^(?:[ \t]*>)*[ \t]{0,3}(`{3,}|~{3,})/;
  const HTML_OPEN = /^(?:[ \t]*>)*[ \t]{0,3}<(script|pre|style|textarea)\b/i;
  const chunks: Array<{ start: number; end: number }> = [];
  let chunkStart = from;
  let fence: string | undefined;
  let htmlClose: string | undefined;
  let pos = from;
  let lastBlank = false;
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    const line = text.slice(pos, eol);
    const blank = line.trim() === '';
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim().replace(/^(?:>\s*)*/, '').replace(/[`~]/g, '') === '') fence = undefined;
    } else if (htmlClose) {
      if (line.toLowerCase().includes(htmlClose)) htmlClose = undefined;
    } else if (blank) {
      lastBlank = true;
    } else {
      if (lastBlank && pos > chunkStart && !/^[ \t]/.test(line)) { chunks.push({ start: chunkStart, end: pos }); chunkStart = pos; }
      lastBlank = false;
      const f = FENCE.exec(line);
      if (f) fence = f[1];
      else {
        const open = line.indexOf('<!--');
        if (open >= 0 && !line.includes('-->', open + 4)) htmlClose = '-->';
        const h = HTML_OPEN.exec(line);
        if (h && !new RegExp(`</${h[1]}>`, 'i').test(line)) htmlClose = `</${h[1].toLowerCase()}>`;
      }
    }
    pos = next;
  }
  if (text.length > chunkStart) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

describe('markdown chunks: the per-keystroke scan', () => {
  const pieces = ['Word', 'x', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u2028', '\u3000', '> ', '```', '~~~', '````', '`', '~',
    '<!--', '-->', '<script>', '</script>', '<PRE>', '</pre>', '<', '- ', '1. ', '    code', '#'];
  it('finds the same chunks as the line-by-line reference', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(3), (parts, skip) => {
      const text = parts.join('');
      const from = Math.min(skip, text.length);
      assert.deepEqual(splitChunks(text, from), reference(text, from), JSON.stringify(text));
    }), { numRuns: 4000, seed: 20261127 });
  });
});
