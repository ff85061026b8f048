/** The line break used around `offset` (the next one, else the previous one, else \n): inserted text matches its surroundings. */
export function lineBreakNear(text: string, offset: number): string {
  const after = /\r\n|\r|\n/.exec(text.slice(offset));
  if (after) return after[0];
  const before = /(\r\n|\r|\n)[^\r\n]*$/.exec(text.slice(0, offset));
  return before ? before[1] : '\n';
}

/** Offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}
