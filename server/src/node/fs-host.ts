import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigHost } from '../core/config.js';

/** Largest config or ledger file Copydesk reads; anything bigger is refused, not streamed forever. */
export const MAX_PROJECT_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Why `path` cannot be read as a config or ledger file, or undefined when it can. Only regular
 * files are read: a device (/dev/zero, /dev/urandom), FIFO or socket named as a ledger would never
 * end, so it is refused from its metadata without opening it.
 */
export function unreadableReason(path: string): string | undefined {
  let st;
  // (Without an exception for a missing file: configuration is looked for by trying names.)
  try { st = statSync(path, { throwIfNoEntry: false }); } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
  }
  if (!st) return 'no such file';
  if (st.isDirectory()) return 'a folder, not a file';
  if (!st.isFile()) return 'not a regular file (a device, FIFO or socket)';
  if (st.size > MAX_PROJECT_FILE_BYTES) return `larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB`;
  return undefined;
}

/** Reads regular files only: a device or FIFO named as a ledger must not hang the server. */
export function readTextFile(path: string): string | undefined {
  try {
    if (unreadableReason(path) !== undefined) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const fsHost: ConfigHost = {
  readFile: readTextFile,
  dirname,
  resolve: (base, relative) => resolve(base, relative),
};
