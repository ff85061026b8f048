import { readFileSync } from 'node:fs';
import { parseCheckArgs } from './args.js';
import { runCheck, type Io } from './check.js';
import { FORMATS } from './formats/index.js';
import { runInit } from './init.js';
import { writeAtomically } from './lint-file.js';
import { runLedgerImport } from './ledger-import.js';
import { VERSION } from './version.js';
import { launcherPath } from '../node/code-cache.js';
import '../core/l10n-bundles.js';

const USAGE = `Usage: copydesk <command> [options]

Commands:
  check [paths...]         Check drafts (.md, .markdown, .txt). Paths are files, folders
                           (searched recursively) or globs ("drafts/**/*.md"); .gitignore and
                           .copydeskignore are honoured.
    -f, --format <name>    ${FORMATS.join(', ')} (default stylish; json is versioned: "version": 1)
    -o, --output <file>    Write the report to a file (atomically) instead of stdout
    --changed-since <ref>  Only drafts changed since a git ref (e.g. origin/main), for pull requests
    --max-warnings <n>     Also exit 1 when there are more than n warnings
    -q, --quiet            Report error-level findings only
    --fix                  Apply every preferred fix and write the files
    --fix-dry-run          Print the fixes as a unified diff; change nothing
    --rule <id>            Run only this rule (repeatable)
    --locale <tag>         Language of messages (e.g. en, id)
    --workers <n>          Threads to check on (default: one per core for large runs)
    --no-color             Plain output
  init [folder] [--force]  Write a commented starter .copydesk.yaml and corrections.yaml
  ledger import FILE       Import fact checks (ClaimReview) into the corrections ledger

Exit codes: 0 no error-level finding (and warnings within --max-warnings), 1 otherwise,
2 usage or configuration error (printed as file:line: message).
`;

/** Entry point of the CLI, returning the exit code. The process is only touched through io and the bundle path. */
export async function main(argv: string[], io: Io, cwd = process.cwd(), env = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command === 'init') return runInit(rest, io, cwd);
  if (command === 'ledger') {
    if (rest[0] !== 'import') {
      io.stderr(`copydesk: unknown ledger command "${rest[0] ?? ''}" (use: copydesk ledger import FILE)\n`);
      return 2;
    }
    return runLedgerImport(rest.slice(1), {
      readFile: (p) => readFileSync(p, 'utf8'),
      writeFile: (p, t) => writeAtomically(p, t),
      stdout: io.stdout, stderr: io.stderr,
    });
  }
  if (command !== 'check') {
    io.stderr(`copydesk: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let options;
  try {
    options = parseCheckArgs(rest, env, !!process.stdout.isTTY);
  } catch (err) {
    io.stderr(`copydesk: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  // Threads start as this process did: through the launcher (dist/cli.cjs), which loads the bundle
  // from the code cache; else from the bundle itself, which doubles as the worker script.
  const workerScript = launcherPath() ?? (typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined);
  try {
    return await runCheck(options, io, { cwd, env, workerScript });
  } catch (err) {
    // A crash must not look like "findings" (1) or pass (0).
    io.stderr(`copydesk: internal error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}
