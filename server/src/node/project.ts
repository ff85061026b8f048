import { dirname } from 'node:path';
import { resolveConfig, type ConfigHost, type ConfigProblem, type ResolvedConfig } from '../core/config.js';
import { crossFileDuplicates, parseLedger } from '../core/ledger/parse.js';
import type { Ledger } from '../core/ledger/types.js';
import { fsHost } from './fs-host.js';

/** Everything a draft's checks depend on besides its own text. */
export interface Project {
  config: ResolvedConfig;
  ledger: Ledger;
  /** Problems in config and ledger files, each at its file and line. */
  problems: ConfigProblem[];
}

/** Finds the configuration for a draft (nearest .copydesk.* upward) and loads its ledger(s). */
export function loadProject(draftPath: string, host: ConfigHost = fsHost): Project {
  const { config, problems } = resolveConfig(dirname(draftPath), host);
  const ledger: Ledger = { entries: [], files: [] };
  for (const file of config.ledger) {
    const text = host.readFile(file);
    if (text === undefined) {
      problems.push({ path: config.files[0] ?? file, line: 0, character: 0, message: `ledger: cannot read "${file}"` });
      continue;
    }
    const parsed = parseLedger(text, file);
    ledger.entries.push(...parsed.entries);
    ledger.files.push(file);
    problems.push(...parsed.problems);
  }
  if (ledger.files.length > 1) problems.push(...crossFileDuplicates(ledger.entries));
  return { config, ledger, problems };
}
