import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = existsSync(join(ROOT, 'package.nls.json')) ? JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string> : {};
const text = (s: string) => (/^%.+%$/.test(s) ? nls[s.slice(1, -1)] : s);

describe('extension manifest and package', function () {
  this.timeout(60_000);

  it('packages the bundles, docs, schemas, grammars, walkthrough media and translations (vsce ls)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const f of ['package.json', 'dist/extension.cjs', 'dist/server.cjs', 'dist/cli.cjs', 'dist/cli-main.cjs', 'dist/web/extension.js', 'dist/web/server.js',
      'docs/rules/README.md', 'docs/rules/unattributed-quote.md', 'schemas/copydesk.schema.json', 'schemas/corrections.schema.json',
      'media/walkthrough/open-example.md']) {
      assert.ok(files.includes(f), `${f} is not packaged`);
    }
    assert.ok(files.some((f) => f.startsWith('syntaxes/')), 'grammars packaged');
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('server/src/') || f.endsWith('.map')), 'no sources, tests or source maps');
    // A code cache the build machine wrote (after a test run) is that machine's (node/code-cache.ts).
    assert.ok(!files.some((f) => f.endsWith('.v8cache')), 'no code cache');
  });

  it('has a walkthrough whose steps exist and complete on their commands', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.steps.length, 4);
    const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
      const ours = [...text(step.description).matchAll(/command:(copydesk\.[\w.]+)/g)].map((m) => m[1]);
      for (const c of ours) assert.ok(commands.has(c), `${c} is not a contributed command`);
    }
  });

  it('describes every setting, and gives rule severities as enums', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { description?: string; markdownDescription?: string; properties?: Record<string, { enum?: string[] }> }>;
    for (const [key, p] of Object.entries(props)) assert.ok(text(p.description ?? p.markdownDescription ?? '').length > 10, `${key} has no description`);
    for (const rule of ['corrected-claim', 'unattributed-quote', 'translation-disclaimer']) {
      assert.deepEqual(props['copydesk.rules'].properties![rule].enum, ['default', 'off', 'info', 'warning', 'error']);
    }
  });

  it('declares workspace trust and a browser entry', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.browser);
    assert.ok(manifest.main);
  });
});
