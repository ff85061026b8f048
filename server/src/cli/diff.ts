import { createTwoFilesPatch } from 'diff';

/**
 * A git-style unified diff of one draft (a/ and b/ prefixes, 3 lines of context), so the output
 * of --fix-dry-run can be reviewed, or applied later with `git apply` from the same folder.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts with a "=====" separator line that git and patch only skip over; drop it.
  return patch.replace(/^=+\n/, '');
}
