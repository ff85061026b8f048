import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import { validate as generatedConfig } from '../../server/src/core/generated/config-validator.js';
import { validate as generatedEntry } from '../../server/src/core/generated/ledger-entry-validator.js';

// The core validates configs and ledger entries with Ajv standalone code generated ahead of time
// (scripts/gen-config-validator.mjs → server/src/core/generated/), instead of compiling the
// schemas at start-up. These tests keep the committed code in step with the schemas and prove it
// answers exactly as Ajv's run-time compilation (the core's old code path) does.

const ROOT = join(import.meta.dirname, '..', '..');
const schemaOf = (file: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')) as { $id: string };

interface Generator {
  VALIDATORS: Array<{ schema: string; ref?: string; out: string }>;
  AJV_OPTIONS: { allErrors: boolean; strict: boolean };
  generateValidators(): Array<{ out: string; code: string }>;
}
const generator = async () => await import(pathToFileURL(join(ROOT, 'scripts', 'gen-config-validator.mjs')).href) as Generator;

describe('generated schema validators: up to date', () => {
  it('the committed files are what the generator writes for the current schemas (else: npm run gen:validators)', async () => {
    const { generateValidators } = await generator();
    const generated = generateValidators();
    assert.equal(generated.length, 2);
    for (const { out, code } of generated) {
      const committed = readFileSync(join(ROOT, out), 'utf8');
      assert.ok(committed === code, `${out} is out of date with its schema (or Ajv): run \`npm run gen:validators\` and commit the result`);
    }
  });

  it('generates the same bytes every time, with a header saying how', async () => {
    const { generateValidators } = await generator();
    assert.deepEqual(generateValidators(), generateValidators());
    for (const { code } of generateValidators()) {
      assert.match(code, /^\/\/ GENERATED FILE, do not edit\. Validator for schemas\/\S+\.schema\.json/);
      assert.match(code.split('"use strict";')[0], /npm run gen:validators/);
      // Imports nothing: the core must not reach for Node built-ins, and Ajv's helpers are inlined.
      assert.doesNotMatch(code, /\brequire\(|^\s*import\b/m);
    }
  });

  it('uses the options the core always compiled with', async () => {
    const { AJV_OPTIONS } = await generator();
    assert.deepEqual(AJV_OPTIONS, { allErrors: true, strict: false });
  });
});

/** Runs both validators on `value`: same verdict and the same errors, in the same order. */
function agree(generated: { (data: unknown): boolean; errors?: unknown }, compiled: ValidateFunction, value: unknown): boolean {
  const verdict = compiled(value);
  assert.equal(generated(value), verdict, JSON.stringify(value));
  assert.deepEqual(generated.errors, compiled.errors, JSON.stringify(value));
  return verdict;
}

describe('generated config validator: the same answers as Ajv', () => {
  const compiled = new Ajv({ allErrors: true, strict: false }).compile(schemaOf('copydesk.schema.json'));
  const VALID: unknown[] = [
    {},
    { $schema: './node_modules/copydesk/schemas/copydesk.schema.json', extends: '../base.yaml', primaryLanguage: 'id', ledger: 'corrections.yaml' },
    { primaryLanguage: 'zh-Hant', ledger: ['a.yaml', 'b.yaml'], disclaimers: { en: 'Translated from {language}.', pt_BR: 'x', 'zh-Hant-TW': '翻譯' } },
    { rules: { 'translation-disclaimer': 'warning', 'unattributed-quote': 'off', 'corrected-claim': 'info', 'front-matter': 'error', suppression: 'off', 'draft-input': 'off' } },
    { rules: { 'translation-disclaimer': { severity: 'error', exemptReviewed: true, requireForAllTranslations: false, position: 'start' } } },
    { rules: { 'unattributed-quote': { severity: 'info', anything: [1, 2], nested: { a: 1 } }, 'corrected-claim': {} } },
    { ledger: [] },
    { disclaimers: { ar: '😀' } },
  ];
  const INVALID: unknown[] = [
    null, [], 'rules: off', 42, true,
    // Unknown keys, at the top and in the translation-disclaimer options.
    { primaryLangauge: 'en' },
    { primaryLanguage: 'id', colour: 'blue', shade: 1 },
    { rules: { 'translation-disclaimer': { requireForAll: true } } },
    // Bad severities: strings, objects, other types.
    { rules: { 'translation-disclaimer': 'warn', 'unattributed-quote': 'error' } },
    { rules: { 'unattributed-quote': { severity: 'loud' } } },
    { rules: { 'corrected-claim': 3 } },
    { rules: { 'corrected-claim': null, 'front-matter': ['off'] } },
    { rules: { 'translation-disclaimer': { position: 'middle' } } },
    { rules: { 'translation-disclaimer': { severity: 'off', exemptReviewed: 'yes' } } },
    // Unknown rule names (propertyNames), with good and bad values.
    { rules: { 'translation-disclaimer': 'off', 'no-such-rule': 'off' } },
    { rules: { 'no-such-rule': 'loud', other: { severity: 7 } } },
    // Language tags: primaryLanguage, and keys of disclaimers.
    { primaryLanguage: 'Bahasa Indonesia' },
    { primaryLanguage: 'e' },
    { disclaimers: { en: 'ok {language}', english: 'no' } },
    { disclaimers: { 'zh Hant': 'x', '1x': 'y', '': 'z' } },
    { disclaimers: { en: '' } },
    { disclaimers: { en: 3, id: null } },
    { disclaimers: 'Translated.' },
    // Wrong types, and both forms of the ledger oneOf.
    { extends: 1, $schema: false },
    { ledger: '' },
    { ledger: 3 },
    { ledger: ['a.yaml', ''] },
    { ledger: ['a.yaml', 4, null] },
    { ledger: { path: 'a.yaml' } },
    { rules: 'off' },
    { rules: ['translation-disclaimer'] },
    // Many at once (allErrors).
    { primaryLanguage: 'x x', ledger: '', rules: { nope: 1, 'translation-disclaimer': { position: 1, z: 2 } }, disclaimers: { '?': '' }, extra: true },
  ];

  it('accepts the valid configs', () => {
    for (const value of VALID) assert.equal(agree(generatedConfig, compiled, value), true, JSON.stringify(value));
  });

  it('rejects the invalid ones with the same errors', () => {
    for (const value of INVALID) assert.equal(agree(generatedConfig, compiled, value), false, JSON.stringify(value));
    // The errors are Ajv's usual objects, which config.ts turns into messages.
    generatedConfig({ disclaimers: { english: 'no' } });
    assert.deepEqual(generatedConfig.errors?.map((e) => [e.keyword, e.instancePath, e.propertyName]), [
      ['pattern', '/disclaimers', 'english'], ['propertyNames', '/disclaimers', undefined],
    ]);
    assert.equal(generatedConfig({}), true);
    assert.equal(generatedConfig.errors, null);
  });

  it('agrees on random configs', () => {
    const SEVERITY = fc.constantFrom('off', 'info', 'warning', 'error', 'warn', '', 'OFF');
    const VALUE = fc.oneof(
      SEVERITY, fc.constantFrom(0, 1.5, null, true, '', 'a', '😀', 'en', 'pt-BR', 'x y', '1x', 'end', 'start', 'middle'),
      fc.array(fc.constantFrom('a.yaml', '', 3, null), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('severity', 'position', 'exemptReviewed', 'requireForAllTranslations', 'other'),
        fc.oneof(SEVERITY, fc.constantFrom(true, false, 'end', 'start', 2, null)), { maxKeys: 3 }),
    );
    const RULES = fc.dictionary(fc.constantFrom('translation-disclaimer', 'unattributed-quote', 'corrected-claim', 'front-matter', 'suppression', 'draft-input', 'typo'), VALUE, { maxKeys: 3 });
    const DISCLAIMERS = fc.dictionary(fc.constantFrom('en', 'id', 'zh-Hant', 'pt_BR', 'english', 'e', 'x y', ''), fc.constantFrom('Translated.', '', 3, null, '😀'), { maxKeys: 3 });
    const CONFIG = fc.oneof(
      fc.record({ primaryLanguage: VALUE, ledger: VALUE, rules: fc.oneof(RULES, VALUE), disclaimers: fc.oneof(DISCLAIMERS, VALUE), extends: VALUE, $schema: VALUE, typo: VALUE },
        { requiredKeys: [] }),
      VALUE,
    );
    let valid = 0;
    fc.assert(fc.property(CONFIG, (value) => { if (agree(generatedConfig, compiled, value)) valid++; }), { numRuns: 5_000 });
    assert.ok(valid > 100, `only ${valid} valid configs generated`);
  });
});

describe('generated ledger entry validator: the same answers as Ajv', () => {
  const schema = schemaOf('corrections.schema.json');
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema);
  const compiled = ajv.getSchema(`${schema.$id}#/definitions/entry`)!;

  it('on hand-picked entries', () => {
    const VALID = [
      { id: 'c1', claim: 'The bridge opened in 1990.', correction: 'The bridge opened in 1991.' },
      { id: 7, claim: ['a', 'b'], note: 'Wrong year.', date: '2026-03-04', source: 'https://x.org/c', lang: 'en', rating: 'False', claimant: 'X', claimDate: '2026-03-01T10:00Z' },
      { id: 'c2', claim: { en: 'a', id: ['b', 'c'] }, correction: { en: 'x', id: 'y' } },
    ];
    const INVALID = [
      null, [], 'entry',
      {}, { id: 'c1' }, { id: 'c1', claim: 'a' },
      { id: ' ', claim: '', correction: 'x' },
      { id: 1.5, claim: [], note: '' },
      { id: 'c', claim: { english: 'a' }, correction: { en: '' } },
      { id: 'c', claim: { en: [] }, correction: 3 },
      { id: 'c', claim: 'a', note: 'n', date: '4 March 2026', source: 'ftp://x', lang: 'English', colour: 'red' },
      { id: 'c', claim: {}, correction: {}, rating: 5 },
    ];
    for (const value of VALID) assert.equal(agree(generatedEntry, compiled, value), true, JSON.stringify(value));
    for (const value of INVALID) assert.equal(agree(generatedEntry, compiled, value), false, JSON.stringify(value));
  });

  it('on random entries', () => {
    const TEXT = fc.constantFrom('a', ' ', '', 'x y', '\n', 'é', 42, 1.5, null, true, 'en', 'pt-BR', 'english', '2026-03-04', '2026-3-4', 'https://x.org/a', 'doi:10.1/x', 'ftp://x');
    const VALUE = fc.oneof(TEXT, fc.array(TEXT, { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('en', 'id', 'pt-BR', 'e', 'zh_Hant', '1x'), fc.oneof(TEXT, fc.array(TEXT, { maxLength: 2 })), { maxKeys: 3 }));
    const ENTRY = fc.dictionary(fc.constantFrom('id', 'claim', 'correction', 'note', 'source', 'date', 'lang', 'rating', 'claimant', 'claimDate', 'colour'), VALUE, { maxKeys: 6 });
    fc.assert(fc.property(ENTRY, fc.boolean(), (raw, complete) => {
      const entry: Record<string, unknown> = complete ? { id: 'k', claim: 'a', note: 'n', ...raw } : raw;
      agree(generatedEntry, compiled, entry);
    }), { numRuns: 5_000 });
  });
});
