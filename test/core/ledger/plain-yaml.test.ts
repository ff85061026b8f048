import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { internals, parseLedger } from '../../../server/src/core/ledger/parse.js';
import { readPlainLedger } from '../../../server/src/core/ledger/plain-yaml.js';
import { syntheticLedger, syntheticLedgerYaml } from '../../../server/src/core/ledger/bench.js';
import { addLedgerEntry } from '../../../server/src/core/ledger/edit.js';
import { LEDGER_TEMPLATE } from '../../../server/src/cli/init-templates.js';

// Issue #9: ledgers in the common shape are read by a fast reader of their own, anything else by
// the `yaml` library as before. Whichever reads it, a ledger must give exactly the same entries
// (values, languages, locations) and the same problems at the same lines. These tests compare
// parseLedger with the `yaml`-only reading on real ledgers and on many generated ones.

const ROOT = join(import.meta.dirname, '..', '..', '..');
let runs = 0;
/** Both readings of `text` (a new path each time: parseLedger remembers the last text per path). */
function both(text: string) {
  const path = `/ledgers/${runs++}/corrections.yaml`;
  return { plain: parseLedger(text, path), yaml: internals.yamlOnly(text, path) };
}
/** Whether the fast reader reads `text` to the end, and how many entries it hands over. */
function plainRead(text: string): { ok: boolean; entries: number } {
  let entries = 0;
  const ok = readPlainLedger(text, () => { entries++; });
  return { ok, entries };
}
const plainReads = (text: string) => plainRead(text).ok;

describe('ledger reader: the fast reader gives what the YAML library gives', () => {
  it('on the ledgers of the fixtures, the examples and the editor tests', () => {
    for (const file of ['test/fixtures/corrected-claim/corrections.yaml', 'examples/corrections.yaml', 'test/e2e/workspace/corrections.yaml']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const { plain, yaml } = both(text);
      assert.deepEqual(plain, yaml, file);
      assert.ok(yaml.entries.length > 0, file);
    }
    // The fixtures' ledger is in the common shape: the fast reader reads it all.
    assert.equal(plainReads(readFileSync(join(ROOT, 'test/fixtures/corrected-claim/corrections.yaml'), 'utf8')), true);
  });

  it('on generated ledgers, the starter ledger and entries added by the editor command', () => {
    const synthetic = syntheticLedgerYaml(syntheticLedger(2_000));
    assert.equal(plainReads(synthetic), true);
    const { plain, yaml } = both(synthetic);
    assert.deepEqual(plain, yaml);
    assert.equal(plain.entries.length, 2_000);
    let text = LEDGER_TEMPLATE;
    for (let i = 0; i < 3; i++) {
      text = addLedgerEntry(text, { claim: `claim number ${i} here`, correction: `correction ${i}`, date: '2026-01-0' + (i + 1), source: 'https://example.org/c' });
      const r = both(text);
      assert.deepEqual(r.plain, r.yaml, text);
      assert.equal(r.plain.entries.length, i + 1);
    }
  });

  it('keeps problems, their lines and the valid entries alike', () => {
    const text = `corrections:
  - id: a
    claim: x y
    correction: z
  - id: a
    claim: p q
    correction: r
  - id: b
    claim: "?!"
    correction: r
  - id: c
    claim: s t
  - id: d
    claim: g h
    correction: i
    date: last Tuesday
  - id: 7
    claim: [u v, '']
    note: n
  - id: e
    claim: {en: k l, e: m}
    correction: {en: o}
`;
    assert.equal(plainReads(text), true);
    const { plain, yaml } = both(text);
    assert.deepEqual(plain, yaml);
    assert.deepEqual(plain.entries.map((e) => e.id), ['a']);
    assert.equal(plain.problems.length, 6);
  });

  // A grammar of ledger texts: mostly the common shape, with every kind of detail YAML reads in
  // its own way (comments anywhere, quotes and escapes, numbers and nulls, flow and block
  // collections, odd indentation, CRLF, tabs, multi-line scalars, duplicates, unknown keys).
  type Value = { inline: string } | { block: string[] };
  // Mostly what ledgers hold; now and then (`odd` in 100) what YAML reads in a way of its own.
  function grammar(odd: number) {
  const some = <T,>(clean: T[], oddOnes: T[], weight = odd) => (weight === 0 ? fc.constantFrom(...clean) : fc.oneof({ weight: 100, arbitrary: fc.constantFrom(...clean) }, { weight, arbitrary: fc.constantFrom(...oddOnes) }));
  const PLAIN = some(['NATO classified network', 'a claim', "it's fine", 'a#b', 'no', 'yes', '2026-03-04', '2026-03-04T10:00:00Z', 'https://example.org/c', 'café',
    '北约机密网络', 'a  b', 'trailing  ', 'en', "d'Arc", 'ok', 'ab\u00adcd', 'ḍ', 'a - b', 'a ? b', 'ends.', 'NaNa', 'nullable', 'a "b" c'],
  ['x: y', 'x :y', 'a #not', '"inner" quote', 'a,b', 'a]b', 'a}b', 'key:value', 'null', 'Null', 'true', 'FALSE', '~', '12', '007', '-3', '1.5', '1e3', '.inf', '0x1F', '0o17', '-dash', '? q', '[x', '{x', '@at', '`tick',
    '%pct', '&anchor x', '*alias', '!tag x', '| lit', '> fold', '.nan', 'key:', '-', ': x', ',x', '#x', '"unterminated', "'unterminated"]);
  const QUOTED = some(["'it''s'", "'a # b'", "''", '"a \\"q\\" b"', '"tab\\there"', '"\\u00e9t\\u00e9"', '"\\x41\\x4a"', '"\\U0001F600"', '""', '"a # b"',
    '"\\ud83d\\ude00"', '"\\0\\a\\e\\N\\_\\L\\P\\/\\ "', '"a"  # c', '"  spaced  "', "' single  '", '"a: b"', "'[x]'", '"北约"'],
  ['"bad \\q"', '"x"y', "'x'y", '"\\u12"', '"\\uD800"', '"\\U00110000"', '"a\\', "'a''"]);
  const FLOW_SEQ = some(['[a, b]', '["a", \'b\']', '[ a ,b ]', '[a,b]', '[café, 北约]', '["x", y z]', "[Smith's account, it's]", '[a]', '[]'],
    ['[a, b] # c', '[a, , b]', '[a, b, ]', '[a, [b]]', '[a: b]', '[a #c]', '[12, x]', '[null]', '[a', '[a, {b: c}]', '[x, "y"z]']);
  const FLOW_MAP = some(['{en: a, id: b}', '{en: [a, b], fr: c}', '{pt-BR: a}', '{ en: a }', '{en: "q"}', '{zh_Hant: x, ja: y}', "{en: 'it''s'}"],
    ['{en: a} # c', '{}', '{en: a, en: b}', '{e: a}', '{en: a, }', '{en:a}', '{en: 1}', '{en: {x: y}}', '{"en": a}', '{en: a']);
  const FIELDS = some(['claim', 'correction', 'note', 'source', 'date', 'lang', 'rating', 'claimant', 'claimDate'], ['colour', 'claim', 'id', 'Claim', '__proto__', 'toString']);
  const INLINE = fc.oneof({ weight: 5, arbitrary: PLAIN }, { weight: 3, arbitrary: QUOTED }, { weight: 2, arbitrary: FLOW_SEQ }, { weight: 1, arbitrary: FLOW_MAP });
  const COMMENT = fc.constantFrom('# note', '#', '# a: b', '#\u00e9', '  # deep', '# - x');
  const TRAIL = some(['', '', '', ' ', '  # trailing', ' #x', '  '], ['\t', '#x', ' \t# x']);
  // A value on the key's line, or on the lines below it: a block sequence, texts per language
  // (maybe with a sequence inside), a folded or literal block, or a plain scalar going on.
  const VALUE: fc.Arbitrary<Value> = fc.oneof(
    { weight: 12, arbitrary: INLINE.map((inline) => ({ inline })) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(0, 2, 2, 4), fc.array(fc.oneof(PLAIN, QUOTED), { minLength: 1, maxLength: 3 })).map(([d, xs]) => ({ block: xs.map((x) => `${' '.repeat(d)}- ${x}`) })) },
    { weight: 3, arbitrary: fc.uniqueArray(fc.tuple(some(['en', 'id', 'fr', 'zh', 'pt-BR', 'ja'], ['x', 'english', 'EN', '1x', 'en']), fc.oneof({ weight: 4, arbitrary: fc.oneof(PLAIN, QUOTED) }, { weight: 1, arbitrary: FLOW_SEQ })), { minLength: 1, maxLength: 3, selector: ([l]) => l }).map((xs) => ({ block: xs.map(([l, v]) => `  ${l}: ${v}`) })) },
    { weight: 2, arbitrary: some([['  en:', '    - a', '    - b'], ['  en:', '  - a'], ['  id:', '    - a', '  en: b']],
      [['  - a', '   - b'], ['  >-', '  folded', '  text'], ['  |', '  literal'], ['   deeper'], ['  en: a', '   fr: b'], ['  - - a'], ['  - a: b'], ['  -'], ['  en:'], ['  - a', '    b'], ['  en: a', '    b']], odd * 3).map((block) => ({ block })) },
  );
  // Values that fit the field, mostly (so that many entries are valid), else any.
  const FITTING: Record<string, fc.Arbitrary<Value>> = {
    date: some(['2026-03-04', '2026-03-04T10:00:00Z', "'2026-01-05'", '"2026-01-05"'], ['2026-3-4', 'yesterday']).map((inline) => ({ inline })),
    source: some(['https://example.org/c', 'https://example.org/a#b', '"https://x.org/y"', 'urn:isbn:1'], ['ftp://x', 'example.org']).map((inline) => ({ inline })),
    lang: some(['en', 'id', 'pt-BR', 'zh_Hant'], ['english', 'e']).map((inline) => ({ inline })),
  };
  FITTING.claimDate = FITTING.date;
  const PAIR = FIELDS.chain((f) => fc.tuple(fc.constant(f), Object.hasOwn(FITTING, f) ? fc.oneof({ weight: 4, arbitrary: FITTING[f] }, { weight: 1, arbitrary: VALUE }) : VALUE, TRAIL));
  const ENTRY = fc.record({
    // Each field once, and now and then one twice.
    pairs: fc.tuple(fc.uniqueArray(PAIR, { minLength: 1, maxLength: 5, selector: (p) => p[0] }), fc.oneof({ weight: 100, arbitrary: fc.constant(undefined) }, { weight: odd, arbitrary: PAIR })).map(([ps, extra]) => (extra ? [...ps, extra] : ps)),
    id: some(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', '42', '"c9"', "'c10'", 'c-11'], ['7.5', 'null', '007', '-1', '"42"', '12345678901234567890', '']),
    flow: fc.boolean(),
    dashSpaces: fc.constantFrom(1, 1, 1, 2, 3),
    comments: fc.array(fc.tuple(fc.nat(8), fc.constantFrom(0, 2, 4, 6, 8), COMMENT), { maxLength: 2 }),
    blanks: fc.array(fc.nat(8), { maxLength: 2 }),
  });
  const LEDGER = fc.record({
    top: some(['corrections', 'corrections', 'bare', 'schema'], ['schema-after', 'other-key', 'empty', 'twice']),
    dash: fc.constantFrom(0, 2, 2, 4),
    entries: fc.array(ENTRY, { minLength: odd > 1 ? 0 : 1, maxLength: 5 }),
    crlf: fc.boolean(),
    finalNewline: fc.constantFrom(true, true, false),
    header: some(['', '', '# Ledger\n', '\n', '  # indented comment\n'], ['---\n', '%YAML 1.2\n---\n', '\ufeff', '  \n']),
    oddity: some(['', ''], ['\t', '\u2028', '\r', '\u0085', '\u0007', '\ufeff', '  ', '\u007f']),
    oddityAt: fc.nat(10_000),
  });
  return LEDGER;
  }

  type Ledger = ReturnType<typeof grammar> extends fc.Arbitrary<infer T> ? T : never;
  function render(l: Ledger): string {
    const lines: string[] = [];
    if (l.top === 'schema') lines.push('$schema: https://copydesk.dev/schemas/corrections.schema.json');
    if (l.top === 'corrections' || l.top === 'schema' || l.top === 'schema-after') lines.push('corrections:');
    if (l.top === 'other-key') lines.push('claims:');
    if (l.top === 'twice') lines.push('corrections: x', 'corrections:');
    if (l.top === 'empty') { lines.push('corrections:'); return l.header + lines.join('\n') + '\n'; }
    const d = l.top === 'bare' ? 0 : l.dash;
    for (const e of l.entries) {
      const keyIndent = d + 1 + e.dashSpaces;
      const pairs: Array<[string, Value, string]> = [['id', { inline: e.id }, ''], ...e.pairs];
      if (e.flow) {
        const inner = pairs.filter(([, v]) => 'inline' in v).map(([k, v]) => `${k}: ${(v as { inline: string }).inline}`).join(', ');
        lines.push(`${' '.repeat(d)}-${' '.repeat(e.dashSpaces)}{${inner}}`);
      } else {
        const body: string[] = [];
        pairs.forEach(([k, v, trail], i) => {
          const indent = i === 0 ? '' : ' '.repeat(keyIndent);
          if ('inline' in v) body.push(`${indent}${k}: ${v.inline}${trail}`);
          else { body.push(`${indent}${k}:${trail.startsWith(' #') ? trail : ''}`); for (const b of v.block) body.push(' '.repeat(keyIndent) + b); }
        });
        for (const [at, indent, c] of e.comments) body.splice(Math.min(body.length, at + 1), 0, ' '.repeat(indent) + c);
        for (const at of e.blanks) body.splice(Math.min(body.length, at + 1), 0, '');
        body[0] = `${' '.repeat(d)}-${' '.repeat(e.dashSpaces)}${body[0]}`;
        lines.push(...body);
      }
    }
    if (l.top === 'schema-after') lines.push('$schema: x');
    let text = l.header + lines.join(l.crlf ? '\r\n' : '\n') + (l.finalNewline ? (l.crlf ? '\r\n' : '\n') : '');
    if (l.oddity) { const at = l.oddityAt % (text.length + 1); text = text.slice(0, at) + l.oddity + text.slice(at); }
    return text;
  }

  for (const [odd, runs, minFast] of [[1, 4_000, 1_500], [6, 3_000, 300]] as const) {
    it(`on ${runs.toLocaleString('en')} generated ledgers, ${odd === 1 ? 'mostly in the common shape' : 'often out of it'}`, () => {
      let fast = 0;
      let withEntries = 0;
      let valid = 0;
      fc.assert(fc.property(grammar(odd), (l) => {
        const text = render(l);
        const { plain, yaml } = both(text);
        assert.deepEqual(plain, yaml, JSON.stringify(text));
        const r = plainRead(text);
        if (r.ok) { fast++; if (r.entries > 0) withEntries++; if (yaml.entries.length > 0) valid++; }
      }), { numRuns: runs });
      // Make sure the comparison is about the fast reader: it read a good share of them, entries included.
      assert.ok(fast > minFast && withEntries > minFast / 2 && valid > minFast / 10, `the fast reader read ${fast} ledgers (${withEntries} with entries, ${valid} with valid ones)`);
    });
  }
});

describe('ledger entry validation: the hand check agrees with the schema', () => {
  const TEXTS = ['a', ' ', '', 'x y', 'ab\u00a0', '\n', 'é'];
  const VALUES = fc.oneof(
    fc.constantFrom(...TEXTS, 42, 4.5, -1, 0, null, true, undefined, 'en', 'pt-BR', 'xx_yy', 'e', 'english', '2026-03-04', '2026-03-04T10:00Z',
      '2026-3-4', 'https://x.org/a', 'http://x', 'urn:x', 'doi:10.1/x', 'ftp://x', 'https://x y'),
    fc.array(fc.constantFrom(...TEXTS, 1, null), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('en', 'id', 'pt-BR', 'e', 'EN', 'zh_Hant', '1x'), fc.oneof(fc.constantFrom(...TEXTS, 3), fc.array(fc.constantFrom(...TEXTS), { maxLength: 2 })), { maxKeys: 3 }),
  );
  const RAW = fc.dictionary(fc.constantFrom('id', 'claim', 'correction', 'note', 'source', 'date', 'lang', 'rating', 'claimant', 'claimDate', 'colour'), VALUES, { maxKeys: 6 });

  it('valid exactly when Ajv says so, on random entries', () => {
    let valid = 0;
    fc.assert(fc.property(RAW, fc.constantFrom('a', 'b c', ['x'], { en: 'y' }), fc.constantFrom('k', 3, undefined), fc.constantFrom('fix', 'note'), (raw, claim, id, also) => {
      const entry: Record<string, unknown> = { ...raw };
      if (!('claim' in entry) && id !== undefined) { entry.claim = claim; entry.id = id; entry[also === 'fix' ? 'correction' : 'note'] ??= 'x'; }
      const ajv = internals.validateEntry(entry).length === 0;
      assert.equal(internals.plainlyValid(entry), ajv, JSON.stringify(entry));
      if (ajv) valid++;
    }), { numRuns: 20_000 });
    assert.ok(valid > 500, `only ${valid} valid entries generated`);
  });
});
