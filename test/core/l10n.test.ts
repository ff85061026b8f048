import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import '../../server/src/core/l10n-bundles.js';
import { lint } from '../../server/src/core/engine.js';
import { english, localize, relocalize, translator } from '../../server/src/core/l10n.js';
import { parseConfigText } from '../../server/src/core/config.js';
import { parseLedger } from '../../server/src/core/ledger/parse.js';
import { summaryText } from '../../server/src/core/annotations/summary.js';
import { checkL10n, messagesIn } from '../../scripts/l10n-extract.js';
import { AnnotationClient } from '../helpers/lsp-requests.js';
import { CLAIM, LEDGER, MT } from '../cli/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ledger = { entries: parseLedger(LEDGER, '/news/corrections.yaml').entries, files: ['/news/corrections.yaml'] };
const UNATTRIBUTED = '---\nlang: en\n---\nThe council met on Tuesday to discuss the harbour.\n\n"We cannot let the harbour rot while the city waits."\n';
const BAD_FRONT_MATTER = '---\ntitle: "Harbour\nlang: en\n---\n\nThe council met on Tuesday.\n';
const BAD_SUPPRESSION = 'The council met on Tuesday.\n\n<!-- copydesk-disable-next-line unattributed-quotes -->\nThe harbour is old.\n';

/** One draft per rule, with the English and Indonesian message of its first finding of that rule. */
const CASES = [
  {
    rule: 'translation-disclaimer', text: MT,
    en: 'Machine translation from Indonesian into English has no disclaimer. Tell readers the article was machine-translated and name Indonesian as the original language.',
    id: 'Terjemahan mesin dari bahasa Indonesia ke bahasa Inggris ini tidak memiliki keterangan. Beri tahu pembaca bahwa artikel ini diterjemahkan dengan mesin dan sebutkan bahasa Indonesia sebagai bahasa aslinya.',
    fixEn: 'Add the English translation disclaimer', fixId: 'Tambahkan keterangan terjemahan berbahasa Inggris',
  },
  {
    rule: 'corrected-claim', text: CLAIM,
    en: 'This repeats a corrected claim: "NATO classified network". Corrected on 2026-03-04: "NATO unclassified network"',
    id: 'Ini mengulang klaim yang sudah dikoreksi: "NATO classified network". Dikoreksi pada 2026-03-04: "NATO unclassified network"',
    fixEn: "Replace with 'NATO unclassified network'", fixId: "Ganti dengan 'NATO unclassified network'",
  },
  {
    rule: 'unattributed-quote', text: UNATTRIBUTED,
    en: 'Who said this? The quote has no attribution.',
    id: 'Siapa yang mengatakan ini? Kutipan ini tidak menyebutkan sumbernya.',
  },
  {
    rule: 'front-matter', text: BAD_FRONT_MATTER,
    en: 'Front matter is not valid YAML: Missing closing "quote',
    id: 'Front matter bukan YAML yang valid: Missing closing "quote',
  },
  {
    rule: 'suppression', text: BAD_SUPPRESSION,
    en: /^Unknown rule "unattributed-quotes" in a Copydesk comment\. Known rules: .*corrected-claim.*\.$/,
    id: /^Aturan "unattributed-quotes" dalam komentar Copydesk tidak dikenal\. Aturan yang dikenal: .*corrected-claim.*\.$/,
  },
] as const;

function first(text: string, rule: string, locale?: string) {
  const f = lint({ text, kind: 'markdown', ledger, locale }).findings.find((x) => x.rule === rule);
  assert.ok(f, `no ${rule} finding`);
  return f;
}

function assertMessage(actual: string, expected: string | RegExp) {
  if (typeof expected === 'string') assert.equal(actual, expected);
  else assert.match(actual, expected);
}

describe('localisation', () => {
  describe('bundles (scripts/l10n-extract.ts --check)', () => {
    it('l10n/bundle.l10n.json is up to date and every message has an Indonesian translation', () => {
      const { errors } = checkL10n();
      assert.deepEqual(errors, [], 'run `npx tsx scripts/l10n-extract.ts` and translate the new messages in l10n/bundle.l10n.id.json');
    });

    it('the check fails on a message with no translation, a stale bundle and a lost placeholder', () => {
      const root = mkdtempSync(join(tmpdir(), 'copydesk-l10n-'));
      try {
        const put = (p: string, s: string) => { mkdirSync(dirname(join(root, p)), { recursive: true }); writeFileSync(join(root, p), s); };
        put('server/src/rule.ts', "report(t('Who said this? {0}', x)); fixes.push(localize('Brand new message'));\n");
        put('client/src/extension.ts', "vscode.l10n.t('Show Problems');\n");
        put('l10n/bundle.l10n.json', JSON.stringify({ 'Who said this? {0}': 'Who said this? {0}' }, null, 2) + '\n');
        put('l10n/bundle.l10n.id.json', JSON.stringify({ 'Who said this? {0}': 'Siapa yang mengatakan ini?', 'Show Problems': 'Tampilkan Masalah' }));
        const { errors, english: bundle } = checkL10n(root);
        assert.deepEqual(Object.keys(bundle), ['Brand new message', 'Show Problems', 'Who said this? {0}']);
        assert.equal(errors.length, 3, errors.join('\n'));
        assert.match(errors[0], /bundle\.l10n\.json is stale.*2 new/);
        assert.match(errors[1], /no id translation of "Brand new message" \(server\/src\/rule\.ts:1\)/);
        assert.match(errors[2], /placeholders/);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('extracts t(), context.t(), t(`…`), localize() and l10n.t() literals, not comments or interpolations', () => {
      const code = [
        "context.t('One {0}', a); t(`Two`); localize(\"Three \\\"quoted\\\"\");",
        "// t('In a comment')",
        ' * localize(\'In JSDoc\')',
        't(`Not ${a} key`); t(variable); format(\'not a marker\'); t(\'Part\' + x);',
      ].join('\n');
      assert.deepEqual(messagesIn(code, /(?<![\w$])(?:t|localize)\(/g).map((m) => m.key), ['One {0}', 'Two', 'Three "quoted"']);
    });

    it('the Indonesian bundle keeps rule ids and code untranslated', () => {
      const id = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.id.json'), 'utf8')) as Record<string, string>;
      for (const [key, value] of Object.entries(id)) {
        for (const code of key.match(/copydesk-[a-z-]+|translated_from|\(https:\/\/…\)/g) ?? []) assert.ok(value.includes(code), `${key} → ${value} lost ${code}`);
      }
    });
  });

  describe('engine', () => {
    for (const c of CASES) {
      it(`${c.rule}: Indonesian with locale "id", English by default and for unknown locales`, () => {
        assertMessage(first(c.text, c.rule, 'id').message, c.id);
        assertMessage(first(c.text, c.rule, 'id-ID').message, c.id);
        assertMessage(first(c.text, c.rule).message, c.en);
        assertMessage(first(c.text, c.rule, 'en').message, c.en);
        assertMessage(first(c.text, c.rule, 'fr').message, c.en);
        if ('fixEn' in c) {
          assert.equal(first(c.text, c.rule, 'id').fixes[0].title, c.fixId);
          assert.equal(first(c.text, c.rule).fixes[0].title, c.fixEn);
        }
      });
    }

    it('draft-input: the binary-file notice', () => {
      const f = (locale?: string) => lint({ text: 'a\u0000b\u0000c', kind: 'plaintext', locale }).findings[0].message;
      assert.equal(f('id'), 'Berkas ini tampaknya berkas biner, bukan naskah teks; Copydesk tidak memeriksanya.');
      assert.equal(f(), 'This file looks binary, not a text draft; Copydesk did not check it.');
    });
  });

  describe('messages made without a locale (configuration, ledgers)', () => {
    it('relocalize translates finished English messages, arguments that are messages too', () => {
      const config = parseConfigText('rules:\n  unattributed-quote: loud\n  nope: off\n', '/news/.copydesk.yaml').problems.map((p) => p.message);
      assert.ok(config.length >= 1);
      for (const m of config) assert.notEqual(relocalize('id', m), m, m);
      assert.deepEqual(config.map((m) => relocalize('en', m)), config);
      const yaml = parseLedger('corrections:\n  - id: a\n    claim: x\n    correction: y\n  - id: a\n    claim: z\n    note: n\n  - id: b\n    claim: w\n    note: n\n    date: yesterday\n  - claim: v\n', '/news/corrections.yaml').problems.map((p) => p.message);
      assert.deepEqual(yaml, ['entry "a": duplicate id (first used on line 2)', 'entry "b": date must be an ISO date such as 2026-03-04', 'entry 4: needs a "correction" (the corrected wording) or at least a "note"', 'entry 4: missing "id"']);
      assert.deepEqual(yaml.map((m) => relocalize('id', m)), [
        'entri "a": id ganda (pertama kali dipakai di baris 2)', 'entri "b": date harus berupa tanggal ISO seperti 2026-03-04',
        'entri 4: memerlukan "correction" (kalimat yang benar) atau setidaknya "note"', 'entri 4: "id" tidak ada',
      ]);
    });

    it('localize gives English; text that is no message stays as it is', () => {
      assert.equal(localize('extends: cannot read "{0}"', 'base.yaml'), 'extends: cannot read "base.yaml"');
      assert.equal(relocalize('id', localize('extends: cannot read "{0}"', 'base.yaml')), 'extends: tidak dapat membaca "base.yaml"');
      assert.equal(relocalize('id', 'Something the YAML library said'), 'Something the YAML library said');
    });

    it('the summary lens in both languages', () => {
      const s = { quotes: 3, attributed: 2, unattributed: 1, correctionsReported: 0, correctedClaimsRepeated: 1, disclaimer: 'ok' as const, blockers: 1 };
      assert.equal(summaryText(s), '3 quotes · 2 attributed · 1 corrected claim repeated · disclaimer ✓ — 1 blocker');
      assert.equal(summaryText(s, english), summaryText(s));
      assert.equal(summaryText(s, translator('id')), '3 kutipan · 2 bersumber · 1 klaim terkoreksi diulang · keterangan terjemahan ✓ — 1 penghambat');
    });
  });

  describe('CLI --locale (dist/cli.cjs: npm run build first)', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'copydesk-l10n-cli-'));
      writeFileSync(join(dir, 'story.md'), MT);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'check', ...args, 'story.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });

    it('prints Indonesian messages and summary with --locale id', () => {
      const r = run('--locale', 'id');
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /Terjemahan mesin dari bahasa Indonesia ke bahasa Inggris ini tidak memiliki keterangan\./);
      assert.match(r.stdout, /✖ 1 temuan \(1 galat, 0 peringatan, 0 info\) dalam 1 naskah/);
      assert.match(r.stdout, /translation-disclaimer/);
    });

    it('prints English without --locale', () => {
      const r = run();
      assert.match(r.stdout, /Machine translation from Indonesian into English has no disclaimer\./);
      assert.match(r.stdout, /✖ 1 finding \(1 error, 0 warnings, 0 info\) in 1 draft/);
    });

    it('translates configuration problems', () => {
      const sub = mkdtempSync(join(tmpdir(), 'copydesk-l10n-config-'));
      try {
        writeFileSync(join(sub, '.copydesk.yaml'), 'extends: missing.yaml\n');
        writeFileSync(join(sub, 'story.md'), MT);
        const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'check', '--locale', 'id', 'story.md'], { cwd: sub, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' } });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /extends: tidak dapat membaca "missing\.yaml"/);
      } finally {
        rmSync(sub, { recursive: true, force: true });
      }
    });
  });

  describe('language server (dist/server.cjs)', () => {
    let client: AnnotationClient;
    afterEach(async () => { await client?.stop(); });

    /** TestClient.initialize sends locale "en"; this sends the one VS Code would. */
    async function start(locale: string): Promise<void> {
      client = new AnnotationClient();
      await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale });
      await client.connection.sendNotification('initialized', {});
    }

    it('publishes Indonesian messages after initialize({ locale: "id" }), with Indonesian lens and fixes', async () => {
      await start('id');
      const uri = pathToFileURL(join(tmpdir(), 'copydesk-l10n', 'quote.md')).href;
      client.open(uri, UNATTRIBUTED);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => d.message), ['Siapa yang mengatakan ini? Kutipan ini tidak menyebutkan sumbernya.']);
      const lens = await client.codeLenses(uri);
      assert.equal(lens![0].command!.title, '1 kutipan · 0 bersumber — 1 penghambat');
      const actions = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
      }) as Array<{ title: string }>;
      assert.ok(actions.some((a) => a.title === 'Nonaktifkan unattributed-quote untuk baris ini'), actions.map((a) => a.title).join(' | '));
      const hover = await client.hover(uri, { line: 5, character: 5 });
      assert.match((hover!.contents as { value: string }).value, /^\*\*Kutipan tanpa sumber\*\*: /);
    });

    it('publishes English messages after initialize({ locale: "en" })', async () => {
      await start('en');
      const uri = pathToFileURL(join(tmpdir(), 'copydesk-l10n', 'quote-en.md')).href;
      client.open(uri, UNATTRIBUTED);
      assert.deepEqual((await client.waitForDiagnostics(uri)).map((d) => d.message), ['Who said this? The quote has no attribution.']);
    });
  });
});
