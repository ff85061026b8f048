import { parseArgs } from 'node:util';
import { allRules, ENGINE_RULES } from '../core/rules/index.js';
import { FORMATS, type FormatName } from './formats/index.js';

export interface CheckOptions {
  paths: string[];
  format: FormatName;
  output?: string;
  fix: 'none' | 'write' | 'dry-run';
  changedSince?: string;
  maxWarnings?: number;
  quiet: boolean;
  only?: string[];
  locale?: string;
  workers?: number;
  color: boolean;
}

const nonNegativeInt = (name: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new Error(`${name} needs a whole number${min ? ` ≥ ${min}` : ''}, got "${value}"`);
  return Number(value);
};

/** Parses the words after `copydesk check`; throws an Error whose message is for the user. */
export function parseCheckArgs(args: string[], env: NodeJS.ProcessEnv, isTTY: boolean): CheckOptions {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      'changed-since': { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      rule: { type: 'string', multiple: true },
      locale: { type: 'string' },
      workers: { type: 'string' },
      'no-color': { type: 'boolean', default: false },
    },
  });
  if (!(FORMATS as readonly string[]).includes(values.format!)) {
    throw new Error(`unknown format "${values.format}" (use ${FORMATS.join(', ')})`);
  }
  if (values.fix && values['fix-dry-run']) throw new Error('use either --fix or --fix-dry-run, not both');
  const known = new Set([...allRules(), ...ENGINE_RULES].map((r) => r.id));
  const unknown = (values.rule ?? []).filter((r) => !known.has(r));
  if (unknown.length) throw new Error(`unknown rule ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  if (values['changed-since'] === '') throw new Error('--changed-since needs a git ref (e.g. origin/main)');
  if (values.output === '') throw new Error('--output needs a file name');
  return {
    paths: positionals,
    format: values.format as FormatName,
    output: values.output,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'none',
    changedSince: values['changed-since'],
    maxWarnings: nonNegativeInt('--max-warnings', values['max-warnings'], 0),
    quiet: values.quiet!,
    only: values.rule,
    locale: values.locale,
    workers: nonNegativeInt('--workers', values.workers ?? env.COPYDESK_WORKERS, 1),
    // Colour only for a person at a terminal, and never into a file.
    color: !values['no-color'] && isTTY && !env.NO_COLOR && !values.output,
  };
}
