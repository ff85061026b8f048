import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { AnnotationClient, decodeTokens, positionOf, textAt } from '../helpers/lsp-requests.js';

// Reading features over stdio: hovers, inlay hints, semantic tokens, outline, workspace symbols,
// the summary lens and speaker highlights. The seed is a real English machine translation from
// Indonesian, read at run time from the shared seeds folder (never copied into the repository).
const ROOT = join(import.meta.dirname, '..', '..');
const SEED = join(ROOT, '..', 'shared', 'seeds', '000_c7df4136fac80785.txt');
const FRONT_MATTER = '---\nlang: en\ntranslated_from: id\ntranslation: machine\n---\n';
const docs = (rule: string) => `${pathToFileURL(ROOT).href}/docs/rules/${rule}.md`;

const LEDGER = `corrections:
  - id: nato-network
    claim:
      - NATO classified network
      - jaringan rahasia NATO
    correction:
      en: NATO unclassified network
      id: jaringan NATO yang tidak rahasia
    note: Only the unclassified network is concerned.
    source: https://example.org/corrections/nato-network
    date: 2026-03-04
`;

// Indonesian: a claim from the ledger inside a quote (repeated without its correction), a quote
// wrapped over two lines, a continuation quote and a quoted term.
const INDONESIAN = `---
lang: id
---
# Kontrak NATO

CEO OpenAI Sam Altman mengatakan perusahaan itu "melihat peluang untuk dipasang di seluruh jaringan rahasia NATO".

"Ini contoh keputusan yang rumit tetapi tepat, dengan konsekuensi
yang sangat sulit bagi merek kami," kata Altman dalam rapat perusahaan.

"Kami tidak akan menandatangani apa pun minggu ini."

Menurut juru bicara NATO Farah Dewi, aliansi itu belum memberi "tanggapan resmi".
`;

// Japanese, machine-translated from Indonesian: corner-bracket quotes, emoji (two UTF-16 units
// each) before quotes on the same line, an unattributed quote, a term and the disclaimer.
const JAPANESE = `---
lang: ja
translated_from: id
---
# NATOとの契約 😀

オープンAIのサム・アルトマン最高経営責任者は「複雑だが正しい判断だと考えている」と述べた。😀「短期的にはブランドに大きな影響がある」とアルトマン氏は語った。

「まだ何も決まっていないので、これから慎重に検討します」

いわゆる「機密ネットワーク」について、国防総省の報道官は説明を避けた。

この記事はインドネシア語から機械翻訳されたもので、翻訳に誤りが含まれる可能性があります。原文（インドネシア語）が優先されます。
`;

const LEGEND: SemanticTokensLegend = {
  tokenTypes: ['quotation', 'speaker', 'attributionCue', 'correctedClaim', 'disclaimer'],
  tokenModifiers: ['attributed', 'unattributed', 'term', 'withCorrection'],
};

type Row = [line: number, character: number, type: string, modifiers: string, text: string];

describe('annotations over LSP (hovers, hints, tokens, outline, lens, highlights)', function () {
  let dir: string;
  let client: AnnotationClient;
  let seed: string;

  before(function () {
    if (!existsSync(SEED)) {
      console.warn(`    (seed article not found at ${SEED}: seed tests skipped)`);
      seed = '';
    } else seed = FRONT_MATTER + readFileSync(SEED, 'utf8');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-annotations-'));
    writeFileSync(join(dir, '.copydesk.yaml'), 'ledger: corrections.yaml\n');
    writeFileSync(join(dir, 'corrections.yaml'), LEDGER);
    client = new AnnotationClient();
  });
  afterEach(async () => { await client.stop(); rmSync(dir, { recursive: true, force: true }); });

  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;
  const needSeed = function (this: Mocha.Context) { if (!seed) this.skip(); };
  /** Opens a draft and waits for its first analysis, so every request below reads that version. */
  const open = async (name: string, text: string, languageId = 'markdown') => {
    const uri = uriOf(name);
    client.open(uri, text, languageId);
    await client.waitForDiagnostics(uri, 1);
    return uri;
  };
  const tokens = async (uri: string, text: string): Promise<Row[]> =>
    decodeTokens((await client.semanticTokens(uri))!.data, LEGEND, text).map((t) => [t.line, t.character, t.type, t.modifiers.join(','), t.text]);
  const hints = async (uri: string, text: string) =>
    (await client.inlayHints(uri))!.map((h) => {
      assert.equal(h.paddingLeft, true);
      // The text just before the hint: the hint sits right after what it annotates.
      const before = textAt(text, { start: { line: h.position.line, character: Math.max(0, h.position.character - 9) }, end: h.position });
      return [h.position.line, h.position.character, h.label as string, before];
    });
  const outline = async (uri: string, text: string) => {
    const walk = (s: { name: string; detail?: string; kind: number; selectionRange: never; range: never; children?: unknown[] }): unknown => {
      assert.ok(textAt(text, s.range).includes(textAt(text, s.selectionRange)), `${s.name}: selection inside range`);
      return [s.name, s.detail ?? '', s.kind, textAt(text, s.selectionRange), ...(s.children?.length ? [(s.children as never[]).map(walk)] : [])];
    };
    return ((await client.documentSymbols(uri)) ?? []).map((s) => walk(s as never));
  };
  const hover = async (uri: string, text: string, needle: string, nth = 0, delta = 1) => {
    const h = await client.hover(uri, positionOf(text, needle, nth, delta));
    if (!h) return null;
    const contents = h.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    return { value: contents.value, over: textAt(text, h.range!) };
  };
  const highlights = async (uri: string, text: string, needle: string, nth = 0) =>
    ((await client.highlights(uri, positionOf(text, needle, nth, 1))) ?? []).map((h) => [textAt(text, h.range), h.kind]);

  it('advertises the reading capabilities and the token legend', async () => {
    const init = await client.initialize();
    const c = init.capabilities as Record<string, unknown>;
    assert.equal(c.hoverProvider, true);
    assert.equal(c.inlayHintProvider, true);
    assert.deepEqual(c.semanticTokensProvider, { legend: LEGEND, full: true, range: true });
    assert.deepEqual(c.documentSymbolProvider, { label: 'Copydesk sources' });
    assert.equal(c.workspaceSymbolProvider, true);
    assert.deepEqual(c.codeLensProvider, { resolveProvider: false });
    assert.equal(c.documentHighlightProvider, true);
    assert.ok(c.codeActionProvider, 'the server\'s own capabilities are kept');
  });

  describe('on the seed article (English, machine-translated from Indonesian)', () => {
    beforeEach(needSeed);

    it('inlay hints: the speaker after each speech quote, the correction date after the corrected claim', async () => {
      await client.initialize();
      const uri = await open('seed.md', seed);
      assert.deepEqual(await hints(uri, seed), [
        [9, 269, 'corrected 2026-03-04', 'd network'],
        [9, 270, '— Sam Altman', ' network"'],
        [23, 221, '— OpenAI', 'citizens"'],
        [25, 249, '— Sam Altman', 'rt term,"'],
      ]);
      // A range request gets only the hints inside it.
      const some = await client.inlayHints(uri, { start: { line: 20, character: 0 }, end: { line: 24, character: 0 } });
      assert.deepEqual(some!.map((h) => h.label), ['— OpenAI']);
    });

    it('semantic tokens: exact ranges and text, inner tokens splitting the quote around them', async () => {
      await client.initialize();
      const uri = await open('seed.md', seed);
      const all = await tokens(uri, seed);
      assert.deepEqual(all, [
        [5, 104, 'quotation', 'term', '"unclassified"'],
        [9, 171, 'speaker', '', 'Sam Altman'],
        [9, 182, 'attributionCue', '', 'said'],
        [9, 204, 'quotation', 'attributed', '"sees an opportunity to deploy across the '],
        [9, 246, 'correctedClaim', 'withCorrection', 'NATO classified network'],
        [9, 269, 'quotation', 'attributed', '"'],
        [11, 183, 'quotation', 'term', '"unclassified"'],
        [23, 101, 'speaker', '', 'OpenAI'],
        [23, 108, 'attributionCue', '', 'stated'],
        [23, 134, 'quotation', 'attributed', '"will not be used intentionally for domestic surveillance of US residents and citizens"'],
        [25, 95, 'quotation', 'attributed', '"I think this is an example of a complex, but appropriate decision, with very difficult brand consequences and very negative PR for us in the short term,"'],
        [25, 250, 'speaker', '', 'Altman'],
        [25, 257, 'attributionCue', '', 'said'],
        [30, 0, 'disclaimer', '', 'The English, Chinese, Japanese, Arabic, and French versions are automatically generated by the AI. So there may still be inaccuracies in translating, please always see Indonesian as our main language. (system supported by DigitalSiber.id)'],
      ]);
      const range = await client.semanticTokensRange(uri, { start: { line: 23, character: 0 }, end: { line: 25, character: 100 } });
      assert.deepEqual(decodeTokens(range!.data, LEGEND, seed).map((t) => t.text), ['OpenAI', 'stated', all[9][4], all[10][4]]);
    });

    it('outline: a Sources tree with each speaker\'s quotes in order', async () => {
      await client.initialize();
      const uri = await open('seed.md', seed);
      assert.deepEqual(await outline(uri, seed), [
        ['Sources', '3 quotes', 3, 'Sam Altman', [
          ['Sam Altman', '2 quotes', 19, 'Sam Altman', [
            ['"sees an opportunity to deploy across…"', '', 15, '"sees an opportunity to deploy across the NATO classified network"'],
            ['"I think this is an example…"', '', 15, '"I think this is an example of a complex, but appropriate decision, with very difficult brand consequences and very negative PR for us in the short term,"'],
          ]],
          ['OpenAI', '1 quote', 19, 'OpenAI', [
            ['"will not be used intentionally for…"', '', 15, '"will not be used intentionally for domestic surveillance of US residents and citizens"'],
          ]],
        ]],
      ]);
    });

    it('summary lens on the first line, with copydesk.showReview [uri]; the same as plain text', async () => {
      await client.initialize();
      for (const [name, languageId] of [['seed.md', 'markdown'], ['seed.txt', 'plaintext']]) {
        const uri = await open(name, seed, languageId);
        assert.deepEqual(await client.codeLenses(uri), [{
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          command: { title: '3 quotes · 3 attributed · 1 correction reported · disclaimer ✓ — ready', command: 'copydesk.showReview', arguments: [uri] },
        }]);
      }
    });

    it('hovers: quote with speaker and cue, corrected claim inside it, term, disclaimer', async () => {
      await client.initialize();
      const uri = await open('seed.md', seed);
      const quote = `Attributed to **Sam Altman** — cue: *said*, before the quote\n\nNamed in the draft as “OpenAI CEO Sam Altman”.\n\n[unattributed-quote](${docs('unattributed-quote')})`;
      assert.deepEqual(await hover(uri, seed, '"sees an'), { value: quote, over: '"sees an opportunity to deploy across the NATO classified network"' });
      assert.deepEqual(await hover(uri, seed, 'NATO classified network"'), {
        value: [
          '**Corrected claim**: “NATO classified network” — corrected on 2026-03-04',
          'Correction: “NATO unclassified network”',
          'Note: Only the unclassified network is concerned.',
          'Source: <https://example.org/corrections/nato-network>',
          'Reported here together with its correction.',
          `[corrected-claim](${docs('corrected-claim')}) · ledger entry \`nato-network\``,
        ].join('\n\n') + '\n\n---\n\n' + quote,
        over: 'NATO classified network',
      });
      assert.deepEqual(await hover(uri, seed, '"I think'), {
        value: `Attributed to **Sam Altman** — cue: *said*, after the quote\n\n[unattributed-quote](${docs('unattributed-quote')})`,
        over: seed.slice(seed.indexOf('"I think'), seed.indexOf('" Altman said') + 1),
      });
      assert.deepEqual(await hover(uri, seed, '"unclassified"'), {
        value: `**Quoted term**, not speech — counts as a term: a short quoted term. It needs no attribution.\n\n[unattributed-quote](${docs('unattributed-quote')})`,
        over: '"unclassified"',
      });
      assert.deepEqual(await hover(uri, seed, 'automatically generated'), {
        value: `Machine-translation disclaimer, recognised as English; names Indonesian as the original.\n\nAlso names: French, Chinese, Japanese, Arabic.\n\n[translation-disclaimer](${docs('translation-disclaimer')})`,
        over: seed.slice(seed.indexOf('The English, Chinese'), seed.indexOf('DigitalSiber.id)') + 16),
      });
      assert.equal(await hover(uri, seed, 'The decision sparked'), null);
    });

    it('highlights: on a speaker\'s name, their name, quotes and cues', async () => {
      await client.initialize();
      const uri = await open('seed.md', seed);
      const sees = '"sees an opportunity to deploy across the NATO classified network"';
      const think = seed.slice(seed.indexOf('"I think'), seed.indexOf('" Altman said') + 1);
      const expected = [['Sam Altman', 1], ['said', 2], [sees, 2], ['Altman', 1], ['Altman', 1], [think, 2], ['Altman', 1], ['said', 2]];
      assert.deepEqual(await highlights(uri, seed, 'Altman admitted'), expected);
      assert.deepEqual(await highlights(uri, seed, 'Sam Altman said'), expected);
      assert.deepEqual(await highlights(uri, seed, 'stated that its AI'), [], 'a cue is not a name');
      // An organisation quoted as a source: every "OpenAI" (the one in "OpenAI's" too), its cue and quote.
      const openai = await highlights(uri, seed, 'OpenAI stated');
      assert.deepEqual(openai, [...Array(6).fill(['OpenAI', 1]), ['stated', 2], ['"will not be used intentionally for domestic surveillance of US residents and citizens"', 2], ['OpenAI', 1]]);
    });
  });

  describe('on an Indonesian draft', () => {
    it('hints, tokens split per line, outline, lens, claim hover, highlights', async () => {
      await client.initialize();
      const uri = await open('berita.md', INDONESIAN);
      assert.deepEqual(await hints(uri, INDONESIAN), [
        [5, 112, 'corrected 2026-03-04', 'asia NATO'],
        [5, 113, '— OpenAI Sam Altman', 'sia NATO"'],
        [8, 35, '— OpenAI Sam Altman', 'ek kami,"'],
        [10, 52, '— OpenAI Sam Altman', 'ggu ini."'],
      ]);
      assert.deepEqual(await tokens(uri, INDONESIAN), [
        [5, 4, 'speaker', '', 'OpenAI Sam Altman'],
        [5, 22, 'attributionCue', '', 'mengatakan'],
        [5, 48, 'quotation', 'attributed', '"melihat peluang untuk dipasang di seluruh '],
        [5, 91, 'correctedClaim', '', 'jaringan rahasia NATO'],
        [5, 112, 'quotation', 'attributed', '"'],
        [7, 0, 'quotation', 'attributed', '"Ini contoh keputusan yang rumit tetapi tepat, dengan konsekuensi'],
        [8, 0, 'quotation', 'attributed', 'yang sangat sulit bagi merek kami,"'],
        [8, 36, 'attributionCue', '', 'kata'],
        [8, 41, 'speaker', '', 'Altman'],
        [10, 0, 'quotation', 'attributed', '"Kami tidak akan menandatangani apa pun minggu ini."'],
        [12, 63, 'quotation', 'term', '"tanggapan resmi"'],
      ]);
      assert.deepEqual(await outline(uri, INDONESIAN), [
        ['Sources', '3 quotes', 3, 'OpenAI Sam Altman', [
          ['OpenAI Sam Altman', '3 quotes', 19, 'OpenAI Sam Altman', [
            ['"melihat peluang untuk dipasang di seluruh…"', '', 15, '"melihat peluang untuk dipasang di seluruh jaringan rahasia NATO"'],
            ['"Ini contoh keputusan yang rumit tetapi…"', '', 15, '"Ini contoh keputusan yang rumit tetapi tepat, dengan konsekuensi\nyang sangat sulit bagi merek kami,"'],
            ['"Kami tidak akan menandatangani apa pun…"', '', 15, '"Kami tidak akan menandatangani apa pun minggu ini."'],
          ]],
        ]],
      ]);
      assert.equal((await client.codeLenses(uri))![0].command!.title, '3 quotes · 3 attributed · 1 corrected claim repeated — 1 blocker');
      assert.deepEqual(await hover(uri, INDONESIAN, 'rahasia NATO'), {
        value: [
          '**Corrected claim**: “jaringan rahasia NATO” — corrected on 2026-03-04',
          'Correction: “jaringan NATO yang tidak rahasia”',
          'Note: Only the unclassified network is concerned.',
          'Source: <https://example.org/corrections/nato-network>',
          'The draft repeats it without the correction.',
          `[corrected-claim](${docs('corrected-claim')}) · ledger entry \`nato-network\``,
          '---',
          'Attributed to **OpenAI Sam Altman** — cue: *mengatakan*, before the quote',
          'Named in the draft as “CEO OpenAI Sam Altman”.',
          `[unattributed-quote](${docs('unattributed-quote')})`,
        ].join('\n\n'),
        over: 'jaringan rahasia NATO',
      });
      assert.deepEqual(await hover(uri, INDONESIAN, '"Kami'), {
        value: `Attributed to **OpenAI Sam Altman** — continues the quote "Ini contoh keputusan yang rumit tetapi…" (cue: *kata*)\n\n[unattributed-quote](${docs('unattributed-quote')})`,
        over: '"Kami tidak akan menandatangani apa pun minggu ini."',
      });
      // The same draft with CRLF line breaks gets the same hints and tokens (a token never covers \r).
      const crlf = INDONESIAN.replace(/\n/g, '\r\n');
      const crlfUri = await open('berita-crlf.md', crlf);
      assert.deepEqual(await hints(crlfUri, crlf), await hints(uri, INDONESIAN));
      assert.deepEqual(await tokens(crlfUri, crlf), await tokens(uri, INDONESIAN));
      const multi = '"Ini contoh keputusan yang rumit tetapi tepat, dengan konsekuensi\nyang sangat sulit bagi merek kami,"';
      assert.deepEqual(await highlights(uri, INDONESIAN, 'Altman dalam'), [
        ['OpenAI Sam Altman', 1], ['mengatakan', 2], ['"melihat peluang untuk dipasang di seluruh jaringan rahasia NATO"', 2],
        [multi, 2], ['kata', 2], ['Altman', 1], ['"Kami tidak akan menandatangani apa pun minggu ini."', 2],
      ]);
    });
  });

  describe('on a Japanese draft (machine-translated from Indonesian)', () => {
    it('UTF-16 positions after emoji, unattributed group, disclaimer hover, lens', async () => {
      await client.initialize();
      const uri = await open('kiji.md', JAPANESE);
      assert.deepEqual(await hints(uri, JAPANESE), [
        [6, 41, '— オープンAIのサム・アルトマン最高経営責任者', '断だと考えている」'],
        [6, 68, '— アルトマン氏', '大きな影響がある」'],
        [8, 28, '— unattributed', '慎重に検討します」'],
      ]);
      assert.deepEqual(await tokens(uri, JAPANESE), [
        [6, 0, 'speaker', '', 'オープンAIのサム・アルトマン最高経営責任者'],
        [6, 23, 'quotation', 'attributed', '「複雑だが正しい判断だと考えている」'],
        [6, 42, 'attributionCue', '', '述べ'],
        // 。😀 before it: the emoji counts two UTF-16 units.
        [6, 48, 'quotation', 'attributed', '「短期的にはブランドに大きな影響がある」'],
        [6, 69, 'speaker', '', 'アルトマン氏'],
        [6, 76, 'attributionCue', '', '語っ'],
        [8, 0, 'quotation', 'unattributed', '「まだ何も決まっていないので、これから慎重に検討します」'],
        [10, 4, 'quotation', 'term', '「機密ネットワーク」'],
        [12, 0, 'disclaimer', '', 'この記事はインドネシア語から機械翻訳されたもので、翻訳に誤りが含まれる可能性があります。原文（インドネシア語）が優先されます。'],
      ]);
      assert.deepEqual(await outline(uri, JAPANESE), [
        ['Sources', '3 quotes', 3, 'オープンAIのサム・アルトマン最高経営責任者', [
          ['オープンAIのサム・アルトマン最高経営責任者', '1 quote', 19, 'オープンAIのサム・アルトマン最高経営責任者', [
            ['「複雑だが正しい判断だと考…」', '', 15, '「複雑だが正しい判断だと考えている」'],
          ]],
          ['アルトマン氏', '1 quote', 19, 'アルトマン氏', [['「短期的にはブランドに大き…」', '', 15, '「短期的にはブランドに大きな影響がある」']]],
          ['Unattributed', '1 quote', 19, '「まだ何も決まっていないので、これから慎重に検討します」', [
            ['「まだ何も決まっていないの…」', '', 15, '「まだ何も決まっていないので、これから慎重に検討します」'],
          ]],
        ]],
      ]);
      assert.equal((await client.codeLenses(uri))![0].command!.title, '3 quotes · 2 attributed · disclaimer ✓ — 1 blocker');
      assert.deepEqual(await hover(uri, JAPANESE, '原文'), {
        value: `Machine-translation disclaimer, recognised as Japanese; names Indonesian as the original.\n\n[translation-disclaimer](${docs('translation-disclaimer')})`,
        over: 'この記事はインドネシア語から機械翻訳されたもので、翻訳に誤りが含まれる可能性があります。原文（インドネシア語）が優先されます。',
      });
      assert.deepEqual(await hover(uri, JAPANESE, 'まだ何も'), {
        value: `**Unattributed quotation**: no verb of saying (such as 表示, 说, と述べた) or named source near the quote.\n\n[unattributed-quote](${docs('unattributed-quote')})`,
        over: '「まだ何も決まっていないので、これから慎重に検討します」',
      });
      assert.deepEqual(await hover(uri, JAPANESE, '短期的'), {
        value: `Attributed to **アルトマン氏** — cue: *語っ*, after the quote\n\n[unattributed-quote](${docs('unattributed-quote')})`,
        over: '「短期的にはブランドに大きな影響がある」',
      });
      assert.deepEqual(await hover(uri, JAPANESE, '機密ネットワーク'), {
        value: `**Quoted term**, not speech — counts as a term: a term (follows “いわゆる”). It needs no attribution.\n\n[unattributed-quote](${docs('unattributed-quote')})`,
        over: '「機密ネットワーク」',
      });
      assert.deepEqual(await highlights(uri, JAPANESE, 'アルトマン氏'), [['「短期的にはブランドに大きな影響がある」', 2], ['アルトマン氏', 1], ['語っ', 2]]);
    });
  });

  it('workspace/symbol finds a speaker across the open drafts', async () => {
    await client.initialize();
    const id = await open('berita.md', INDONESIAN);
    const ja = await open('kiji.md', JAPANESE);
    const found = (await client.workspaceSymbols('altman'))!.map((s) => [s.name, s.kind, s.containerName, s.location.uri, s.location.range.start.line]);
    assert.deepEqual(found, [['OpenAI Sam Altman', 19, '3 quotes · berita.md', id, 5]]);
    const japanese = (await client.workspaceSymbols('アルトマン'))!.map((s) => [s.name, s.kind, s.containerName, s.location.uri, textAt(JAPANESE, s.location.range)]);
    assert.deepEqual(japanese, [
      ['オープンAIのサム・アルトマン最高経営責任者', 19, '1 quote · kiji.md', ja, 'オープンAIのサム・アルトマン最高経営責任者'],
      ['アルトマン氏', 19, '1 quote · kiji.md', ja, 'アルトマン氏'],
    ]);
    assert.deepEqual((await client.workspaceSymbols(''))!.map((s) => s.name), ['OpenAI Sam Altman', 'オープンAIのサム・アルトマン最高経営責任者', 'アルトマン氏']);
  });

  it('settings: hints and lens toggle off, tokens and hints stop above maxChars, enable: false turns all off', async () => {
    client.sections = { 'copydesk.annotations': { inlayHints: false, codeLens: false } };
    await client.initialize();
    const uri = await open('berita.md', INDONESIAN);
    assert.deepEqual(await client.inlayHints(uri), []);
    assert.deepEqual(await client.codeLenses(uri), []);
    assert.equal(decodeTokens((await client.semanticTokens(uri))!.data, LEGEND, INDONESIAN).length, 11, 'tokens still on');

    client.sections = { 'copydesk.annotations': { maxChars: 200 } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await client.semanticTokens(uri))!.data, [], 'the draft is longer than 200 characters');
    assert.deepEqual(await client.inlayHints(uri), []);
    assert.equal((await client.codeLenses(uri))!.length, 1);
    assert.ok(await hover(uri, INDONESIAN, '"Kami'), 'hovers still answer');

    client.sections = { 'copydesk.annotations': { enable: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(await hover(uri, INDONESIAN, '"Kami'), null);
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.deepEqual(await client.codeLenses(uri), []);
  });

  it('works with defaults for a client without workspace/configuration, and follows edits', async () => {
    await client.initialize({});
    const uri = await open('kiji.md', JAPANESE);
    assert.equal((await client.inlayHints(uri))!.length, 3);
    // Drop the cue of the second quote: its hint becomes "— unattributed" in the new version.
    const edited = JAPANESE.replace('とアルトマン氏は語った。', '。');
    const v = client.change(uri, edited);
    await client.waitForDiagnostics(uri, v);
    assert.deepEqual((await client.inlayHints(uri))!.map((h) => h.label), ['— オープンAIのサム・アルトマン最高経営責任者', '— unattributed', '— unattributed']);
    assert.equal((await client.codeLenses(uri))![0].command!.title, '3 quotes · 1 attributed · disclaimer ✓ — 2 blockers');
  });
});
