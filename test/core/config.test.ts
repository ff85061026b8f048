import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { resolveConfig, loadConfigFile, emptyConfig, effectiveSeverity, parseConfigText, plainConfig, type ConfigHost } from '../../server/src/core/config.js';
import fc from 'fast-check';
import { fsHost } from '../../server/src/node/fs-host.js';
import { loadProject } from '../../server/src/node/project.js';

function memoryHost(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (p) => { reads.push(p); return files[p]; },
    dirname: (p) => posix.dirname(p),
    resolve: (base, rel) => posix.resolve(base, rel),
  };
}

describe('config: discovery', () => {
  it('finds the nearest config upward, and the nearest wins', () => {
    const host = memoryHost({
      '/news/.copydesk.yaml': 'primaryLanguage: id\n',
      '/news/world/.copydesk.yaml': 'primaryLanguage: en\nrules:\n  unattributed-quote: off\n',
    });
    const deep = resolveConfig('/news/world/asia/2026', host);
    assert.deepEqual(deep.problems, []);
    assert.equal(deep.config.primaryLanguage, 'en');
    assert.deepEqual(deep.config.files, ['/news/world/.copydesk.yaml']);
    assert.equal(effectiveSeverity(deep.config, 'unattributed-quote', 'warning'), 'off');
    const top = resolveConfig('/news/sport', host);
    assert.equal(top.config.primaryLanguage, 'id');
    assert.equal(effectiveSeverity(top.config, 'unattributed-quote', 'warning'), 'warning');
  });

  it('prefers .copydesk.yaml over .copydesk.json in the same folder, and reads the JSON form', () => {
    const json = memoryHost({ '/desk/.copydesk.json': '{ "primaryLanguage": "fr", "rules": { "translation-disclaimer": { "severity": "warning", "position": "start" } } }' });
    const r = resolveConfig('/desk', json);
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.primaryLanguage, 'fr');
    assert.deepEqual(r.config.rules['translation-disclaimer'], { severity: 'warning', options: { position: 'start' } });
    const both = memoryHost({ '/desk/.copydesk.json': '{ "primaryLanguage": "fr" }', '/desk/.copydesk.yaml': 'primaryLanguage: ja\n' });
    assert.equal(resolveConfig('/desk', both).config.primaryLanguage, 'ja');
  });

  it('gives the defaults when there is no config anywhere', () => {
    const r = resolveConfig('/a/b/c', memoryHost({}));
    assert.deepEqual(r, { config: emptyConfig(), problems: [] });
  });

  it('stops at stopAt', () => {
    const host = memoryHost({ '/home/.copydesk.yaml': 'primaryLanguage: id\n' });
    assert.equal(resolveConfig('/home/me/drafts', host, '/home/me').config.primaryLanguage, undefined);
  });
});

describe('config: extends', () => {
  it('starts from the parent (relative path) and overrides it, merging rule options', () => {
    const host = memoryHost({
      '/org/base.yaml': 'primaryLanguage: id\nrules:\n  translation-disclaimer:\n    severity: warning\n    requireForAllTranslations: true\ndisclaimers:\n  en: "Translated from {language} by machine."\n',
      '/org/desk/.copydesk.yaml': 'extends: ../base.yaml\nrules:\n  translation-disclaimer:\n    position: start\ndisclaimers:\n  FR: "Traduit automatiquement de l\'{language}."\n',
    });
    const r = resolveConfig('/org/desk', host);
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.primaryLanguage, 'id');
    assert.deepEqual(r.config.rules['translation-disclaimer'], { severity: 'warning', options: { requireForAllTranslations: true, position: 'start' } });
    assert.deepEqual(r.config.disclaimers, { en: 'Translated from {language} by machine.', fr: "Traduit automatiquement de l'{language}." });
    assert.deepEqual(r.config.files, ['/org/desk/.copydesk.yaml', '/org/base.yaml']);
  });

  it('reports a cycle instead of looping', () => {
    const host = memoryHost({
      '/x/.copydesk.yaml': 'extends: ./a.yaml\n',
      '/x/a.yaml': 'extends: ./b.yaml\nprimaryLanguage: en\n',
      '/x/b.yaml': 'extends: ./a.yaml\n',
    });
    const r = resolveConfig('/x', host);
    assert.deepEqual(r.problems.map((p) => [p.path, p.line, p.message]), [['/x/b.yaml', 0, 'extends: "./a.yaml" makes a cycle']]);
    assert.equal(r.config.primaryLanguage, 'en');
    const self = resolveConfig('/y', memoryHost({ '/y/.copydesk.yaml': 'extends: ./.copydesk.yaml\n' }));
    assert.deepEqual(self.problems.map((p) => p.message), ['extends: "./.copydesk.yaml" makes a cycle']);
  });

  it('reports a missing parent', () => {
    const r = resolveConfig('/x', memoryHost({ '/x/.copydesk.yaml': 'primaryLanguage: ar\nextends: ../shared/newsroom.yaml\n' }));
    assert.deepEqual(r.problems.map((p) => [p.path, p.message]), [['/x/.copydesk.yaml', 'extends: cannot read "../shared/newsroom.yaml"']]);
    assert.equal(r.config.primaryLanguage, 'ar');
  });
});

describe('config: schema problems', () => {
  const problemsOf = (text: string, path = '/c/.copydesk.yaml') => loadConfigFile(path, text, memoryHost({})).problems.map((p) => [p.line, p.character, p.message]);

  it('reports an unknown key on its line', () => {
    assert.deepEqual(problemsOf('primaryLanguage: id\n\nprimaryLangauge: en\n'), [[2, 0, 'primaryLangauge: unknown key "primaryLangauge"']]);
  });

  it('reports a bad severity once, at the rule, naming the allowed values', () => {
    assert.deepEqual(problemsOf('rules:\n  translation-disclaimer: warn\n  unattributed-quote: error\n'),
      [[1, 2, 'rules.translation-disclaimer: must be one of "off", "info", "warning", "error"']]);
    assert.deepEqual(problemsOf('rules:\n  unattributed-quote:\n    severity: loud\n'),
      [[2, 4, 'rules.unattributed-quote.severity: must be one of "off", "info", "warning", "error"']]);
  });

  it('reports a bad rule option once, at the option', () => {
    assert.deepEqual(problemsOf('rules:\n  translation-disclaimer:\n    position: middle\n'),
      [[2, 4, 'rules.translation-disclaimer.position: must be one of "end", "start"']]);
    assert.deepEqual(problemsOf('rules:\n  translation-disclaimer:\n    requireForAll: true\n'),
      [[2, 4, 'rules.translation-disclaimer.requireForAll: unknown key "requireForAll"']]);
  });

  it('reports an unknown rule at its name', () => {
    assert.deepEqual(problemsOf('rules:\n  translation-disclaimer: off\n  no-such-rule: off\n'),
      [[2, 2, 'rules.no-such-rule: unknown name "no-such-rule"; expected one of "translation-disclaimer", "unattributed-quote", "corrected-claim", "front-matter", "suppression", "draft-input"']]);
  });

  it('reports a bad language tag', () => {
    assert.deepEqual(problemsOf('primaryLanguage: Bahasa Indonesia\n'),
      [[0, 0, 'primaryLanguage: must be a language tag such as "en", "id" or "zh-Hant"']]);
    assert.deepEqual(problemsOf('disclaimers:\n  en: "ok {language}"\n  english: "no"\n'),
      [[2, 2, 'disclaimers.english: "english" is not a language tag such as "en", "id" or "zh-Hant"']]);
  });

  it('reports YAML and JSON syntax errors at their line and ignores the broken file', () => {
    const yaml = problemsOf('primaryLanguage: id\nrules: [\n');
    assert.equal(yaml.length >= 1, true);
    assert.match(String(yaml[0][2]), /^not valid YAML: /);
    const r = loadConfigFile('/c/.copydesk.json', '{\n  "primaryLanguage": "id",\n  "rules": {\n}', memoryHost({}));
    assert.match(r.problems[0].message, /^not valid JSON: /);
    assert.equal(r.config.primaryLanguage, undefined);
  });
});

describe('config: default ledger', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'copydesk-config-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('picks up corrections.yaml beside the config only when it exists', () => {
    mkdirSync(join(dir, 'desk'));
    writeFileSync(join(dir, '.copydesk.yaml'), 'primaryLanguage: id\n');
    const without = resolveConfig(join(dir, 'desk'), fsHost);
    assert.deepEqual(without.config.ledger, []);
    assert.equal(without.config.ledgerExplicit, false);
    writeFileSync(join(dir, 'corrections.yaml'), '[]\n');
    const withLedger = resolveConfig(join(dir, 'desk'), fsHost);
    assert.deepEqual(withLedger.config.ledger, [join(dir, 'corrections.yaml')]);
    assert.equal(withLedger.config.ledgerExplicit, false);
  });

  it('an explicit ledger that is missing is a problem when the project loads', () => {
    writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: ledgers/missing.yaml\n');
    const project = loadProject(join(dir, 'draft.md'));
    assert.deepEqual(project.config.ledger, [join(dir, 'ledgers', 'missing.yaml')]);
    assert.equal(project.config.ledgerExplicit, true);
    assert.deepEqual(project.problems.map((p) => p.message), [`ledger: cannot read "${join(dir, 'ledgers', 'missing.yaml')}"`]);
  });

  it('loadProject finds the config of a draft on disk (nearest wins)', () => {
    mkdirSync(join(dir, 'world'));
    writeFileSync(join(dir, '.copydesk.yaml'), 'primaryLanguage: id\n');
    writeFileSync(join(dir, 'world', '.copydesk.json'), '{ "primaryLanguage": "en" }');
    assert.equal(loadProject(join(dir, 'world', 'a.md')).config.primaryLanguage, 'en');
    assert.equal(loadProject(join(dir, 'b.md')).config.primaryLanguage, 'id');
  });
});

describe('configuration: the plain fast path', () => {
  it('reads `key: text` configurations exactly as the YAML library does, and steps aside otherwise', () => {
    const line = fc.constantFrom('ledger: corrections.yaml', 'ledger: other.yml', 'primaryLanguage: id', 'primaryLanguage: not a tag', 'primaryLanguage: 12',
      'extends: ../.copydesk.yaml', 'ledger: [a.yaml, b.yaml]', 'rules:', '  corrected-claim: error', 'unknown: value', '# a comment', '   # indented comment',
      '', '   ', 'ledger: x # trailing comment', 'ledger: "quoted.yaml"', "ledger: 'single.yaml'", 'ledger:', 'ledger: ~', 'ledger: null', '---', '\t', 'ledger: a\r',
      'disclaimers:', '  en: Machine-translated from {language}.', '__proto__: x', 'ledger: dup.yaml');
    let fast = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 0, maxLength: 7 }), (lines) => {
      const text = lines.join('\n') + '\n';
      const got = parseConfigText(text, '/p/.copydesk.yaml');
      assert.deepEqual(got, parseConfigText(text, '/p/.copydesk.yaml', false), JSON.stringify(text));
      if (plainConfig(text) && got.problems.length === 0) fast++;
    }), { numRuns: 3000, seed: 20261127 });
    assert.ok(fast > 80, `fast path taken ${fast} times`);
  });
});
