import { parseArgs } from 'node:util';
import { runCheck, type Io } from './check.js';
import { allRules, ENGINE_RULES } from '../core/rules/index.js';

const USAGE = `Usage: copydesk <command> [options]

Commands:
  check [paths...]      Check drafts (.md, .markdown, .txt); folders are searched recursively.
    --format <name>     stylish (default) or json (versioned: "version": 1)
    --fix               Apply every preferred fix and write the files
    --rule <id>         Run only this rule (repeatable)
    --locale <tag>      Language of messages (e.g. en, id)
    --no-color          Plain output

Exit codes: 0 no error-level finding, 1 at least one, 2 usage or configuration error.
`;

export function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout('0.1.0\n');
    return 0;
  }
  if (command !== 'check') {
    io.stderr(`copydesk: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: {
        format: { type: 'string', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true },
        locale: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    io.stderr(`copydesk: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.format !== 'stylish' && values.format !== 'json') {
    io.stderr(`copydesk: unknown format "${values.format}" (use stylish or json)\n`);
    return 2;
  }
  const known = new Set([...allRules(), ...ENGINE_RULES].map((r) => r.id));
  const unknown = (values.rule ?? []).filter((r) => !known.has(r));
  if (unknown.length) {
    io.stderr(`copydesk: unknown rule ${unknown.join(', ')} (known: ${[...known].join(', ')})\n`);
    return 2;
  }
  return runCheck({
    paths: positionals,
    format: values.format,
    fix: values.fix,
    only: values.rule,
    locale: values.locale,
    color: !values['no-color'] && !!process.stdout.isTTY && !process.env.NO_COLOR,
  }, io);
}
