import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI, ROOT, write, MT, ORIGINAL } from './run-cli.js';

const EXAMPLES = join(ROOT, 'examples', 'ci');

describe('CI examples (examples/ci)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-ci-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the pre-commit hook stops a commit with an error-level finding and lets a clean one through', function () {
    this.timeout(60_000);
    const env = { ...process.env, CI: '1', NO_COLOR: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
    assert.equal(git('init', '-q').status, 0);
    // As in a newsroom repository with copydesk installed: node_modules/.bin/copydesk.
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.bin', 'copydesk'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    write(dir, { '.gitignore': 'node_modules/\n', 'ok.md': ORIGINAL, 'mt.md': MT, 'notes.html': '<p>not a draft</p>' });
    copyFileSync(join(EXAMPLES, 'pre-commit'), join(dir, '.git', 'hooks', 'pre-commit'));
    chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
    git('add', 'ok.md', '.gitignore', 'notes.html');
    const clean = git('commit', '-q', '-m', 'clean');
    assert.equal(clean.status, 0, clean.stderr);
    git('add', 'mt.md');
    const blocked = git('commit', '-q', '-m', 'machine translation');
    assert.notEqual(blocked.status, 0);
    // git shows a hook's output on stderr.
    assert.match(blocked.stderr, /mt\.md\n\s+5:1\s+error/);
    assert.match(blocked.stderr, /copydesk: commit stopped/);
  });

  it('the GitHub workflow is valid YAML and uses only options copydesk has', () => {
    const workflow = parse(readFileSync(join(EXAMPLES, 'github-workflow.yml'), 'utf8'));
    const steps = workflow.jobs.copydesk.steps as Array<{ run?: string; uses?: string; with?: Record<string, string> }>;
    const runs = steps.map((s) => s.run ?? '').filter((r) => r.includes('copydesk check'));
    assert.equal(runs.length, 3);
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    for (const run of runs) for (const option of run.match(/--[a-z-]+/g) ?? []) {
      if (option !== '--no-install') assert.ok(help.includes(option), `${option} in copydesk --help`);
    }
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.equal(upload?.with?.sarif_file, 'copydesk.sarif');
    assert.equal(workflow.permissions['security-events'], 'write');
  });

  it('the pre-commit framework config is valid YAML', () => {
    const config = parse(readFileSync(join(EXAMPLES, 'pre-commit-config.yaml'), 'utf8'));
    assert.equal(config.repos[0].hooks[0].entry, 'npx --no-install copydesk check --quiet');
  });
});
