import { CONFIG_FILE_NAMES, DEFAULT_LEDGER } from '../core/config.js';

/** Named like a config file or the default ledger: a change to one may change which config applies. */
export function isConfigName(uri: string): boolean {
  return [...CONFIG_FILE_NAMES, DEFAULT_LEDGER].some((n) => uri.endsWith('/' + n));
}
