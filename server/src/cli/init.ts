import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from './check.js';
import { displayPath } from './files.js';
import { CONFIG_TEMPLATE, LEDGER_TEMPLATE } from './init-templates.js';

const USAGE = 'Usage: copydesk init [folder] [--force]\n  Writes a commented .copydesk.yaml and an empty corrections.yaml ledger.\n';

/** `copydesk init`: starter config and ledger; never overwrites without --force (exit 2). */
export function runInit(args: string[], io: Io, cwd: string): number {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    io.stderr(`copydesk init: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { io.stdout(USAGE); return 0; }
  if (positionals.length > 1) { io.stderr(`copydesk init: one folder at most\n${USAGE}`); return 2; }
  const folder = resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(folder)) { io.stderr(`copydesk init: no such folder: ${positionals[0]}\n`); return 2; }
  const files: Array<[string, string]> = [[join(folder, '.copydesk.yaml'), CONFIG_TEMPLATE], [join(folder, 'corrections.yaml'), LEDGER_TEMPLATE]];
  const existing = files.filter(([p]) => existsSync(p)).map(([p]) => displayPath(p, cwd));
  // All or nothing: a half-initialised folder is more confusing than a refusal.
  if (existing.length && !values.force) {
    io.stderr(`copydesk init: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite\n`);
    return 2;
  }
  for (const [path, text] of files) {
    try { writeFileSync(path, text); } catch (err) {
      io.stderr(`copydesk init: cannot write ${displayPath(path, cwd)}: ${(err as Error).message}\n`);
      return 2;
    }
    io.stdout(`wrote ${displayPath(path, cwd)}\n`);
  }
  io.stdout('Next: add corrections to corrections.yaml, then run `copydesk check`.\n');
  return 0;
}
