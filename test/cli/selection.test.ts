import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copydesk, write, MT, ORIGINAL } from './run-cli.js';

const paths = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string }) => f.path);

describe('copydesk check: which drafts (CLI)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-sel-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('honours .gitignore and .copydeskignore, nested ones relative to their folder', () => {
    write(dir, {
      '.gitignore': 'build/\n*.tmp.md\n',
      '.copydeskignore': 'archive/**\n!archive/keep.md\n',
      'a.md': ORIGINAL, 'b.tmp.md': MT, 'build/c.md': MT, 'archive/old.md': MT,
      'desk/.copydeskignore': 'wire.txt\n', 'desk/wire.txt': MT, 'desk/story.md': ORIGINAL, 'desk/sub/wire.txt': MT,
    });
    const r = copydesk(['check', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(paths(r.stdout), ['a.md', 'desk/story.md']);
  });

  it('applies ignore files to explicitly named files too (pre-commit hooks pass every staged file)', () => {
    write(dir, { '.copydeskignore': 'wire/\n', 'wire/a.md': MT, 'b.md': ORIGINAL });
    const r = copydesk(['check', 'wire/a.md', 'b.md', '-f', 'json'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(paths(r.stdout), ['b.md']);
  });

  it('expands globs from their fixed prefix and reports in a stable, sorted order', () => {
    write(dir, { 'news/z.md': ORIGINAL, 'news/a/b.md': ORIGINAL, 'news/x.txt': ORIGINAL, 'other/y.md': ORIGINAL });
    const r = copydesk(['check', 'news/**/*.md', 'other', '-f', 'json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(paths(r.stdout), ['news/a/b.md', 'news/z.md', 'other/y.md']);
    const none = copydesk(['check', 'nothing/**/*.md'], dir);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '✔ 0 drafts checked, no problems\n');
  });

  describe('--changed-since', () => {
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    beforeEach(() => {
      git('init', '-q', '-b', 'main');
      write(dir, { 'old.md': MT, 'stable.md': ORIGINAL, 'gone.md': ORIGINAL });
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'feature');
    });

    it('checks only drafts committed, modified or added since the merge base', () => {
      write(dir, { 'committed.md': MT });
      git('add', 'committed.md');
      git('commit', '-q', '-m', 'feature work');
      write(dir, { 'stable.md': ORIGINAL + '\nEdited.\n', 'new.md': ORIGINAL });
      git('rm', '-q', 'gone.md');
      // Work that lands on main after the branch point is not this branch's change.
      git('checkout', '-q', 'main');
      write(dir, { 'main-only.md': MT });
      git('add', 'main-only.md');
      git('commit', '-q', '-m', 'main moves on');
      git('checkout', '-q', 'feature');
      write(dir, { 'stable.md': ORIGINAL + '\nEdited.\n', 'new.md': ORIGINAL });
      const r = copydesk(['check', '--changed-since', 'main', '-f', 'json'], dir);
      assert.deepEqual(paths(r.stdout), ['committed.md', 'new.md', 'stable.md']);
      assert.equal(r.code, 1);
    });

    it('checks nothing when nothing changed, and exits 2 on an unknown ref', () => {
      const r = copydesk(['check', '--changed-since', 'main'], dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '✔ 0 drafts checked, no problems\n');
      const bad = copydesk(['check', '--changed-since', 'no-such-branch'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /unknown git ref "no-such-branch"/);
    });
  });

  it('exits 2 for --changed-since outside a git repository', () => {
    write(dir, { 'a.md': ORIGINAL });
    const r = copydesk(['check', '--changed-since', 'main'], dir, { GIT_CEILING_DIRECTORIES: dir.replace(/\/[^/]*$/, '') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /needs a git repository/);
  });
});
