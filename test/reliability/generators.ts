/**
 * fast-check generators shared by the reliability tests and the soak (scripts/fuzz.ts): text
 * built from the pieces that break editors and parsers, and incremental LSP edits over it.
 */
import fc from 'fast-check';

/** Pieces a draft is built from: every one of them has broken a text tool somewhere. */
export const PIECES: readonly string[] = [
  // words and spaces
  'said', 'the minister', 'Jakarta', ' ', ' ', '\t', 'a source said.', 'kata dia', 'a déclaré',
  // astral characters (surrogate pairs), emoji sequences, flags, skin tones
  '😀', '👍🏽', '👨‍👩‍👧', '🇮🇩', '𝐁old', '𠀋',
  // combining marks, decomposed letters, zero-width characters, BOM, NBSP
  'e\u0301', 'n\u0303', '\u0301', '\u200b', '\u200c', '\u200d', '\ufeff', '\u00a0', '\u202f',
  // line breaks: LF, CRLF, lone CR, Unicode separators
  '\n', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028',
  // right-to-left Arabic (with RTL marks) and CJK
  'قال الوزير', '«لن نتراجع»', '\u200f', '\u202b', '他说', '「我们会赢」', '“我们会赢。”', '『勝つ』', '、', '。',
  // quote marks, balanced and not
  '"', '"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '「', '」',
  '"We will not back down," he said.', '"This is a complex decision with very difficult consequences."',
  // Markdown markup
  '# ', '## ', '> ', '> > ', '- ', '* ', '1. ', '    ', '```', '```\n', '~~~', '`', '**', '_', '[', ']', '(', ')',
  '[link](https://example.com)', '<https://example.com>', '<!--', '-->', '<div>', '</div>', '| a | b |\n|---|---|\n', '\\',
  '<!-- copydesk-disable-next-line unattributed-quote -- from the play -->',
  '<!-- copydesk-disable-next-line nonsense -->',
  // front matter fences and keys
  '---\n', '---\r\n', '...\n', 'lang: en\n', 'lang: ar\n', 'translated_from: id\n', 'translation: machine\n', 'reviewed: true\n', 'a: &x [*x]\n',
];

export const piece = fc.constantFrom(...PIECES);

/** A run of pieces, sometimes with random Unicode mixed in. */
export const textArb = (maxPieces = 12): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 6, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: maxPieces })
    .map((xs) => xs.join(''));

/** A starting draft: sometimes with front matter, sometimes a translation needing a disclaimer. */
export const draftArb: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('', '---\nlang: en\ntranslated_from: id\n---\n', '---\r\nlang: fr\r\n---\r\n', '---\nlang: [\n---\n'),
  textArb(30),
  fc.constantFrom('', '\n"We will win," he said.\n', '\r\n“No comment.”\r\n', '\n\nJAKARTA - The minister said "it is over".\n'),
).map(([a, b, c]) => a + b + c);

/** An edit described relative to the current text, so it stays valid however the text has changed. */
export interface EditSpec { at: number; length: number; text: string }

export const editSpecArb: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(4) }, { weight: 1, arbitrary: fc.nat(40) }),
  text: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: textArb(3) }),
});

/** One didChange notification: one or a few content changes, applied in order. */
export const stepArb: fc.Arbitrary<EditSpec[]> = fc.array(editSpecArb, { minLength: 1, maxLength: 3 });

/** Offsets in `text` of an edit: inside the text, never between the \r and \n of a CRLF (no LSP position names that point). */
export function resolveEdit(text: string, spec: EditSpec): { start: number; end: number; text: string } {
  const snap = (o: number) => (o > 0 && o < text.length && text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
  const start = snap(Math.min(text.length, Math.floor(spec.at * (text.length + 1))));
  const end = snap(Math.min(text.length, start + spec.length));
  return { start, end, text: spec.text };
}
