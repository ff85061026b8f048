import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The installed package's folder: the bundles live in <root>/dist, the rule docs in <root>/docs. */
export function packageRoot(): string {
  try {
    return resolve(dirname(realpathSync(process.argv[1])), '..');
  } catch {
    return process.cwd();
  }
}

export function packageRootUrl(): string {
  return pathToFileURL(packageRoot()).href;
}
