import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigHost } from '../core/config.js';

/** Largest config or ledger file Copydesk reads; anything bigger is refused, not streamed forever. */
export const MAX_PROJECT_FILE_BYTES = 20 * 1024 * 1024;

/** Reads regular files only: a device or FIFO named as a ledger must not hang the server. */
export function readTextFile(path: string): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_PROJECT_FILE_BYTES) return undefined;
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
