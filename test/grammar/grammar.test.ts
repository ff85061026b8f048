/**
 * Copydesk's TextMate grammars (syntaxes/), run through vscode-textmate + vscode-oniguruma on fixture
 * lines. Each expectation lists, per line, the runs of text and the Copydesk scopes on them (scopes
 * ending in `.copydesk`, outermost first); neighbouring tokens with the same Copydesk scopes are merged,
 * so `[['He said ', []], ['“', [DQ, BEGIN]], …]` is an exact statement about every character of the line.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRIBUTES, GRAMMAR_FILES, SCOPES, serialise } from '../../syntaxes/generate.js';
import { injectionsFor, oniguruma, registry, tokenize, tokenizeFull, type Host, type Tok } from './tokenizer.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Scope shorthands.
const DC = 'string.quoted.double.curly.copydesk';
const DS = 'string.quoted.double.straight.copydesk';
const DL = 'string.quoted.double.low.copydesk';
const DG = 'string.quoted.double.guillemet.copydesk';
const SG = 'string.quoted.single.guillemet.copydesk';
const SC = 'string.quoted.single.curly.copydesk';
const SS = 'string.quoted.single.straight.copydesk';
const SL = 'string.quoted.single.low.copydesk';
const CO = 'string.quoted.other.corner.copydesk';
const WC = 'string.quoted.other.white-corner.copydesk';
const DP = 'string.quoted.other.double-prime.copydesk';
const { quoteBegin: BEGIN, quoteEnd: END, cue: CUE } = SCOPES;
const C = SCOPES.comment;

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** A quotation: opening mark, content, closing mark, inside `outer` quote scopes. */
function q(scope: string, open: string, content: string, close: string, outer: string[] = []): Tok[] {
  const s = [...outer, scope];
  return [[open, [...s, BEGIN]], [content, s], [close, [...s, END]]];
}
const plain = (text: string): Tok => [text, []];
const cue = (text: string): Tok => [text, [CUE]];

async function expectTokens(host: Host, text: string, expected: Tok[][]): Promise<void> {
  const actual = await tokenize(host, text);
  assert.deepEqual(actual, expected, `${host}: ${JSON.stringify(text)}`);
}

/** Runs a prose case under both hosts: quotes and cues behave the same in Markdown and plain text. */
function both(name: string, text: string, expected: Tok[][]): void {
  for (const host of ['md', 'txt'] as const) it(`${name} (${host})`, () => expectTokens(host, text, expected));
}

/** Every run of a line carries no Copydesk scope. */
const untouched = (text: string): Tok[][] => text.split('\n').map((line) => (line ? [plain(line)] : []));

describe('grammar: files and registration', () => {
  it('the generated JSON grammars are up to date with syntaxes/generate.ts', () => {
    for (const [file, grammar] of Object.entries(GRAMMAR_FILES)) {
      const path = join(root, 'syntaxes', file);
      assert.ok(existsSync(path), `${file} missing: run npx tsx syntaxes/generate.ts`);
      assert.equal(readFileSync(path, 'utf8'), serialise(grammar), `${file} is stale: run npx tsx syntaxes/generate.ts`);
    }
  });

  it('every contributes.grammars entry points at a grammar with that scopeName', () => {
    for (const entry of CONTRIBUTES.grammars) {
      const raw = JSON.parse(readFileSync(join(root, entry.path), 'utf8')) as { scopeName: string; injectionSelector?: string };
      assert.equal(raw.scopeName, entry.scopeName, entry.path);
      if ('injectTo' in entry) assert.ok(raw.injectionSelector, `${entry.path} has no injectionSelector`);
    }
  });

  it('getInjections returns the Copydesk injections for Markdown and plain text, and nothing else', async () => {
    assert.deepEqual(injectionsFor('text.html.markdown'),
      ['markdown.copydesk.injection', 'copydesk.suppression.injection', 'copydesk.frontmatter.injection']);
    assert.deepEqual(injectionsFor('text.plain'),
      ['text.plain.copydesk.injection', 'copydesk.suppression.injection', 'copydesk.frontmatter.injection']);
    assert.deepEqual(injectionsFor('source.yaml'), []);
    assert.ok(await (await registry()).loadGrammar('text.html.markdown'));
  });

  it('the injections keep out of code, raw text, embedded blocks, comments, tags and their own quotes', () => {
    const exclude = '-markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded -comment -meta.tag -source -string.quoted';
    assert.equal(GRAMMAR_FILES['copydesk.markdown.injection.tmLanguage.json'].injectionSelector,
      `L:text.html.markdown meta.paragraph.markdown ${exclude}, L:text.html.markdown markup.heading.markdown ${exclude}`);
    assert.equal(GRAMMAR_FILES['copydesk.plaintext.injection.tmLanguage.json'].injectionSelector,
      'L:text.plain -meta.embedded -comment -string.quoted');
    assert.equal(GRAMMAR_FILES['copydesk.suppression.injection.tmLanguage.json'].injectionSelector,
      `L:text.html.markdown ${exclude}, L:text.plain -meta.embedded -comment -string.quoted`);
  });

  it('every regular expression compiles in Oniguruma (including rules no fixture reaches)', async () => {
    await registry(); // loads the WASM
    const sources: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (['match', 'begin', 'end', 'while'].includes(k) && typeof x === 'string') sources.push(x);
          else walk(x);
        }
      }
    };
    walk(GRAMMAR_FILES);
    assert.ok(sources.length > 30);
    for (const source of sources) {
      assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), source);
    }
  });
});

describe('grammar: quotation marks', () => {
  both('curly double “…”', 'He said “hello” today.', [[plain('He said '), ...q(DC, '“', 'hello', '”'), plain(' today.')]]);
  both('straight double "…"', 'A "word" here.', [[plain('A '), ...q(DS, '"', 'word', '"'), plain(' here.')]]);
  both('curly single ‘…’ at top level (British style)', 'It was ‘fine’ then.', [[plain('It was '), ...q(SC, '‘', 'fine', '’'), plain(' then.')]]);
  both('straight single \'…\' at top level', "It was 'fine' then.", [[plain('It was '), ...q(SS, "'", 'fine', "'"), plain(' then.')]]);
  both('guillemets «…» without spaces', 'Il dit «non» hier.', [[plain('Il dit '), ...q(DG, '«', 'non', '»'), plain(' hier.')]]);
  both('single guillemets ‹…›', 'Er sagte ‹nein› gestern.', [[plain('Er sagte '), ...q(SG, '‹', 'nein', '›'), plain(' gestern.')]]);
  both('German low quotes „…“', 'Er sagte „nein“ gestern.', [[plain('Er sagte '), ...q(DL, '„', 'nein', '“'), plain(' gestern.')]]);
  both('German low single quotes ‚…‘', 'Er sagte ‚nein‘ gestern.', [[plain('Er sagte '), ...q(SL, '‚', 'nein', '‘'), plain(' gestern.')]]);
  both('corner brackets 「…」', '彼は「はい」と答えた。', [[plain('彼は'), ...q(CO, '「', 'はい', '」'), plain('と答えた。')]]);
  both('white corner brackets 『…』', '『雪国』を読んだ。', [[...q(WC, '『', '雪国', '』'), plain('を読んだ。')]]);
  both('double prime quotes 〝…〟', '〝はい〟と言った。', [[...q(DP, '〝', 'はい', '〟'), plain('と言った。')]]);

  both('‘…’ nested inside “…”, with an apostrophe inside the inner quote',
    '“He told me, ‘I won’t go,’ and left.”',
    [[
      ['“', [DC, BEGIN]], ['He told me, ', [DC]],
      ...q(SC, '‘', 'I won’t go,', '’', [DC]),
      [' and left.', [DC]], ['”', [DC, END]],
    ]]);
  both('\'…\' nested inside "…"', '"He said \'no\' twice."', [[
    ['"', [DS, BEGIN]], ['He said ', [DS]], ...q(SS, "'", 'no', "'", [DS]), [' twice.', [DS]], ['"', [DS, END]],
  ]]);
  both('"…" nested inside "…" (closing marks are right-flanking)', '"a "b" c" d', [[
    ['"', [DS, BEGIN]], ['a ', [DS]], ...q(DS, '"', 'b', '"', [DS]), [' c', [DS]], ['"', [DS, END]], plain(' d'),
  ]]);
  both('『…』 nested inside 「…」', '「私は『雪国』を読んだ」', [[
    ['「', [CO, BEGIN]], ['私は', [CO]], ...q(WC, '『', '雪国', '』', [CO]), ['を読んだ', [CO]], ['」', [CO, END]],
  ]]);

  both('quotations nest three deep; a fourth level is content', '“a ‘b "c \'d\' c" b’ a”', [[
    ['“', [DC, BEGIN]], ['a ', [DC]], ['‘', [DC, SC, BEGIN]], ['b ', [DC, SC]],
    ...q(DS, '"', "c 'd' c", '"', [DC, SC]),
    [' b', [DC, SC]], ['’', [DC, SC, END]], [' a', [DC]], ['”', [DC, END]],
  ]]);
  both('apostrophes do not open single quotes', "Jakarta's mayor said the '90s were fine; don't forget rock 'n' roll, 'tis true.",
    untouched("Jakarta's mayor said the '90s were fine; don't forget rock 'n' roll, 'tis true."));
  both('curly apostrophes do not open single quotes', 'Jakarta’s ‘burbs in the ’90s; don’t give ‘em hell.',
    untouched('Jakarta’s ‘burbs in the ’90s; don’t give ‘em hell.'));
  both('an apostrophe inside a double quote stays content', '"I don\'t know."', [q(DS, '"', "I don't know.", '"')]);
  both('a single quote must close on its own line', "He said 'no\nand left' there.", untouched("He said 'no\nand left' there."));
  both('inch and foot marks are not quotes', 'A 5" screen, 6\'2" tall.', untouched('A 5" screen, 6\'2" tall.'));

  both('an unclosed straight quote stops at the blank line', '"This never closes\nand continues here\n\nA new one with "a quote" here.', [
    [['"', [DS, BEGIN]], ['This never closes', [DS]]],
    [['and continues here', [DS]]],
    [],
    [plain('A new one with '), ...q(DS, '"', 'a quote', '"'), plain(' here.')],
  ]);
  both('an unclosed curly quote stops at the blank line', '“Open\n\nNext.', [[['“', [DC, BEGIN]], ['Open', [DC]]], [], [plain('Next.')]]);
  both('a multi-paragraph quote reopens in each paragraph', '"First paragraph.\n\n"Second paragraph," she said.', [
    [['"', [DS, BEGIN]], ['First paragraph.', [DS]]],
    [],
    [...q(DS, '"', 'Second paragraph,', '"'), plain(' she '), cue('said'), plain('.')],
  ]);
  both('a quote wrapped over two lines of one paragraph', '"This is a long\nquote," she said.', [
    [['"', [DS, BEGIN]], ['This is a long', [DS]]],
    [['quote,', [DS]], ['"', [DS, END]], plain(' she '), cue('said'), plain('.')],
  ]);

  both('French « » with no-break spaces (U+00A0)', `Il a dit «${NBSP}Bonjour${NBSP}» hier.`,
    [[plain('Il a dit '), ...q(DG, '«', `${NBSP}Bonjour${NBSP}`, '»'), plain(' hier.')]]);
  both('French « » with narrow no-break spaces (U+202F)', `«${NNBSP}Non${NNBSP}»`, [q(DG, '«', `${NNBSP}Non${NNBSP}`, '»')]);
  both('Arabic « » around right-to-left text', 'قال: «هذا قرار صعب».', [[cue('قال'), plain(': '), ...q(DG, '«', 'هذا قرار صعب', '»'), plain('.')]]);
  both('Arabic “ ” around right-to-left text', 'وصفه بأنه “قرار صعب” أمس.', [[plain('وصفه بأنه '), ...q(DC, '“', 'قرار صعب', '”'), plain(' أمس.')]]);
});

describe('grammar: long lines', () => {
  for (const [name, unit] of [['unclosed straight quotes', ' "a'], ['unclosed curly quotes', ' “a'], ["single-quote candidates", " 'a"]]) {
    it(`5,000 characters of ${name} tokenize quickly (nesting is bounded)`, async () => {
      await tokenize('md', 'warm up "x"');
      const line = unit.repeat(Math.ceil(5000 / unit.length));
      const started = performance.now();
      const [tokens] = await tokenize('md', line);
      assert.ok(performance.now() - started < 3000, `took ${performance.now() - started} ms`);
      assert.ok(tokens.every(([, scopes]) => scopes.filter((x) => x.startsWith('string.quoted')).length <= 3));
    });
  }
});

describe('grammar: attribution cues next to a quote', () => {
  both('English, after the quote', '"Yes," she said. “No,” said Smith.', [[
    ...q(DS, '"', 'Yes,', '"'), plain(' she '), cue('said'), plain('. '), ...q(DC, '“', 'No,', '”'), plain(' '), cue('said'), plain(' Smith.'),
  ]]);
  both('English, up to four words between quote and cue', '"Yes," the minister, Ms Lee, told reporters.', [[
    ...q(DS, '"', 'Yes,', '"'), plain(' the minister, Ms Lee, '), cue('told'), plain(' reporters.'),
  ]]);
  both('English, before the quote', 'Smith said: "We are ready." According to officials, “it is done.”', [[
    plain('Smith '), cue('said'), plain(': '), ...q(DS, '"', 'We are ready.', '"'), plain(' '),
    cue('According to'), plain(' officials, '), ...q(DC, '“', 'it is done.', '”'),
  ]]);
  both('English, British single quotes', '‘No,’ he added.', [[...q(SC, '‘', 'No,', '’'), plain(' he '), cue('added'), plain('.')]]);
  both('Indonesian', '"Kami siap," kata Budi. "Benar," ujarnya. Menurut Budi, "tidak ada masalah."', [[
    ...q(DS, '"', 'Kami siap,', '"'), plain(' '), cue('kata'), plain(' Budi. '),
    ...q(DS, '"', 'Benar,', '"'), plain(' '), cue('ujarnya'), plain('. '),
    cue('Menurut'), plain(' Budi, '), ...q(DS, '"', 'tidak ada masalah.', '"'),
  ]]);
  both('Indonesian katanya after a quote', '“Sudah selesai,” katanya.', [[...q(DC, '“', 'Sudah selesai,', '”'), plain(' '), cue('katanya'), plain('.')]]);
  both('French', `Le ministre a déclaré${NBSP}: «${NBSP}Nous sommes prêts${NBSP}», a-t-il ajouté. «Non», a dit Marie. Selon lui, «${NBSP}oui${NBSP}».`, [[
    plain('Le ministre '), cue('a déclaré'), plain(`${NBSP}: `), ...q(DG, '«', `${NBSP}Nous sommes prêts${NBSP}`, '»'),
    plain(', '), cue('a-t-il ajouté'), plain('. '), ...q(DG, '«', 'Non', '»'), plain(', '), cue('a dit'), plain(' Marie. '),
    cue('Selon'), plain(' lui, '), ...q(DG, '«', `${NBSP}oui${NBSP}`, '»'), plain('.'),
  ]]);
  both('French inversion', '« On verra », estime-t-elle.', [[...q(DG, '«', ' On verra ', '»'), plain(', '), cue('estime-t-elle'), plain('.')]]);
  both('Chinese', '王毅表示：“我们将继续努力。”“这是一个重要的决定。”他说。', [[
    plain('王毅'), cue('表示'), plain('：'), ...q(DC, '“', '我们将继续努力。', '”'),
    ...q(DC, '“', '这是一个重要的决定。', '”'), plain('他'), cue('说'), plain('。'),
  ]]);
  both('Chinese 称 and 据…报道', '他称：“没有问题。”据新华社报道，“会议已结束”。', [[
    plain('他'), cue('称'), plain('：'), ...q(DC, '“', '没有问题。', '”'),
    cue('据'), plain('新华社'), cue('报道'), plain('，'), ...q(DC, '“', '会议已结束', '”'), plain('。'),
  ]]);
  both('Japanese', '「準備はできている」と述べた。「問題ない」と語った。関係者によると、「合意した」という。', [[
    ...q(CO, '「', '準備はできている', '」'), cue('と述べた'), plain('。'),
    ...q(CO, '「', '問題ない', '」'), cue('と語った'), plain('。関係者'), cue('によると'), plain('、'), ...q(CO, '「', '合意した', '」'), plain('という。'),
  ]]);
  both('Japanese, speaker between quote and verb', '「はい」と田中首相は語った。', [[
    ...q(CO, '「', 'はい', '」'), cue('と'), plain('田中首相は'), cue('語った'), plain('。'),
  ]]);
  both('Arabic', 'قال الوزير: «هذا قرار صعب». «نحن مستعدون»، قال المتحدث. وأكد: “نحن هنا”. «تم»، بحسب المصدر.', [[
    cue('قال'), plain(' الوزير: '), ...q(DG, '«', 'هذا قرار صعب', '»'), plain('. '),
    ...q(DG, '«', 'نحن مستعدون', '»'), plain('، '), cue('قال'), plain(' المتحدث. '),
    cue('وأكد'), plain(': '), ...q(DC, '“', 'نحن هنا', '”'), plain('. '),
    ...q(DG, '«', 'تم', '»'), plain('، '), cue('بحسب'), plain(' المصدر.'),
  ]]);

  both('English cue words away from a quote are not scoped', 'He said the plan was ready and told reporters so, according to Reuters.',
    untouched('He said the plan was ready and told reporters so, according to Reuters.'));
  both('a cue more than four words after the quote is not scoped', '"Yes," the long-serving and widely respected foreign minister said.', [[
    ...q(DS, '"', 'Yes,', '"'), plain(' the long-serving and widely respected foreign minister said.'),
  ]]);
  both('a cue before a quote needs a comma or colon ("the word kata")', 'Dia memakai kata "demokrasi" itu.', [[
    plain('Dia memakai kata '), ...q(DS, '"', 'demokrasi', '"'), plain(' itu.'),
  ]]);
  both('Indonesian, French, Chinese, Japanese and Arabic cues away from a quote are not scoped',
    'Menurut data BPS, inflasi naik. Il a déclaré la guerre. 他表示同意。这是小说。彼は賛成だと述べた。قال الوزير إن الخطة جاهزة.',
    untouched('Menurut data BPS, inflasi naik. Il a déclaré la guerre. 他表示同意。这是小说。彼は賛成だと述べた。قال الوزير إن الخطة جاهزة.'));
  both('cue words inside a quotation are content, not cues', '"He said it," she said.', [[
    ...q(DS, '"', 'He said it,', '"'), plain(' she '), cue('said'), plain('.'),
  ]]);
  both('an apostrophe or inch mark is not a closing quote for a cue', "Jakarta's governor said no. A 5\" screen said nothing.",
    untouched("Jakarta's governor said no. A 5\" screen said nothing."));
});

describe('grammar: suppression comments', () => {
  const nextLine: Tok[] = [
    ['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-disable-next-line', [C, SCOPES.directive]], [' ', [C]],
    ['corrected-claim', [C, SCOPES.ruleId]], [',', [C, SCOPES.comma]], [' ', [C]], ['unattributed-quote', [C, SCOPES.ruleId]],
    [' ', [C]], ['--', [C, SCOPES.reasonSep]], [' reported deliberately ', [C, SCOPES.reason]], ['-->', [C, SCOPES.commentEnd]],
  ];
  both('disable-next-line with two rules and a reason',
    '<!-- copydesk-disable-next-line corrected-claim, unattributed-quote -- reported deliberately -->', [nextLine]);
  both('disable … enable', '<!-- copydesk-disable unattributed-quote -- wire copy -->\n<!-- copydesk-enable unattributed-quote -->', [
    [
      ['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-disable', [C, SCOPES.directive]], [' ', [C]],
      ['unattributed-quote', [C, SCOPES.ruleId]], [' ', [C]], ['--', [C, SCOPES.reasonSep]], [' wire copy ', [C, SCOPES.reason]],
      ['-->', [C, SCOPES.commentEnd]],
    ],
    [
      ['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-enable', [C, SCOPES.directive]], [' ', [C]],
      ['unattributed-quote', [C, SCOPES.ruleId]], [' ', [C]], ['-->', [C, SCOPES.commentEnd]],
    ],
  ]);
  both('no rule and no spaces', '<!--copydesk-disable-->', [[
    ['<!--', [C, SCOPES.commentBegin]], ['copydesk-disable', [C, SCOPES.directive]], ['-->', [C, SCOPES.commentEnd]],
  ]]);
  both('a comment at the end of a line of prose', '"Quote," he said. <!-- copydesk-enable corrected-claim -->', [[
    ...q(DS, '"', 'Quote,', '"'), plain(' he '), cue('said'), plain('. '),
    ['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-enable', [C, SCOPES.directive]], [' ', [C]],
    ['corrected-claim', [C, SCOPES.ruleId]], [' ', [C]], ['-->', [C, SCOPES.commentEnd]],
  ]]);
  both('a comment over several lines', '<!-- copydesk-disable corrected-claim\n  -- a reason\n  on two lines -->', [
    [['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-disable', [C, SCOPES.directive]], [' ', [C]], ['corrected-claim', [C, SCOPES.ruleId]]],
    [['  ', [C]], ['--', [C, SCOPES.reasonSep]], [' a reason', [C, SCOPES.reason]]],
    [['  on two lines ', [C, SCOPES.reason]], ['-->', [C, SCOPES.commentEnd]]],
  ]);
  both('an unknown directive is marked invalid', '<!-- copydesk-ignore unattributed-quote -->', [[
    ['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-ignore', [C, SCOPES.badDirective]], [' ', [C]],
    ['unattributed-quote', [C, SCOPES.ruleId]], [' ', [C]], ['-->', [C, SCOPES.commentEnd]],
  ]]);
  both('other comments are left alone, quotes and cues inside them too', '<!-- editor: he said "check this" -->',
    untouched('<!-- editor: he said "check this" -->'));

  it('an indented directive comment in Markdown is still a directive', async () => {
    await expectTokens('md', '  <!-- copydesk-enable -->', [[
      ['  ', [C]], ['<!--', [C, SCOPES.commentBegin]], [' ', [C]], ['copydesk-enable', [C, SCOPES.directive]], [' ', [C]],
      ['-->', [C, SCOPES.commentEnd]],
    ]]);
  });
  it('other Markdown comments keep the HTML comment scope', async () => {
    const [line] = await tokenizeFull('md', '<!-- note -->');
    assert.ok(line.tokens.every((t) => t.scopes.includes('comment.block.html')));
  });
});

describe('grammar: front matter', () => {
  const K = SCOPES.fmKey;
  const S = SCOPES.fmSep;
  const doc = [
    '---', 'lang: en', 'translated_from: id', 'translation: machine', 'reviewed: false', 'title: "Not read, she said"',
    '  lang: nested', '# lang: a YAML comment', '---', '', 'lang: en in the body',
  ].join('\n');
  const expected: Tok[][] = [
    [plain('---')],
    [['lang', [K]], [':', [S]], plain(' en')],
    [['translated_from', [K]], [':', [S]], plain(' id')],
    [['translation', [K]], [':', [S]], plain(' machine')],
    [['reviewed', [K]], [':', [S]], plain(' false')],
    [plain('title: "Not read, she said"')],
    [plain('  lang: nested')],
    [plain('# lang: a YAML comment')],
    [plain('---')],
    [],
    [plain('lang: en in the body')],
  ];
  both('the keys Copydesk reads are scoped, nothing else in or after the block', doc, expected);

  it('front matter is only recognised on the first line', async () => {
    await expectTokens('txt', 'Intro\n---\nlang: en\n---', untouched('Intro\n---\nlang: en\n---'));
  });
  it('the front matter block keeps the meta.embedded.block.frontmatter scope in plain text', async () => {
    const lines = await tokenizeFull('txt', '---\nlang: en\n---');
    assert.ok(lines[1].tokens.every((t) => t.scopes.includes('meta.embedded.block.frontmatter')));
  });
});

describe('grammar: Markdown code and markup', () => {
  it('nothing inside fenced code blocks', async () => {
    const text = ['```text', 'He said "hello," she said.', '<!-- copydesk-disable corrected-claim -->', '```', '', '~~~', '“Quote,” said Smith.', '~~~'].join('\n');
    await expectTokens('md', text, untouched(text));
    const lines = await tokenizeFull('md', text);
    assert.ok(lines[1].tokens.every((t) => t.scopes.includes('markup.fenced_code.block.markdown')));
  });
  it('nothing inside indented code blocks', async () => {
    const text = 'Intro.\n\n    "Code," he said.';
    await expectTokens('md', text, untouched(text));
  });
  it('nothing inside inline code, quotes after it still scoped', async () => {
    await expectTokens('md', 'Run `echo "hi," he said` now, "ok" then.', [[
      plain('Run `echo "hi," he said` now, '), ...q(DS, '"', 'ok', '"'), plain(' then.'),
    ]]);
  });
  it('inline code inside a quote stays code and its quote marks do not close the quote', async () => {
    await expectTokens('md', '"Type `say "hi"` first," he said.', [[
      ['"', [DS, BEGIN]], ['Type `say "hi"` first,', [DS]], ['"', [DS, END]], plain(' he '), cue('said'), plain('.'),
    ]]);
    const [line] = await tokenizeFull('md', '"Type `say "hi"` first," he said.');
    const code = line.tokens.find((t) => t.text === 'say "hi"');
    assert.ok(code?.scopes.includes('markup.inline.raw.string.markdown'));
  });
  it('Markdown emphasis inside a quote keeps its scope', async () => {
    const [line] = await tokenizeFull('md', '"It is **really** late," she said.');
    const bold = line.tokens.find((t) => t.text === 'really');
    assert.deepEqual(bold?.scopes, ['text.html.markdown', 'meta.paragraph.markdown', DS, 'markup.bold.markdown']);
  });
  it('a line that starts with a quote stays one paragraph: Markdown after the quote still works', async () => {
    const [line] = await tokenizeFull('md', '"Quote," she said in **bold**.');
    assert.deepEqual(line.tokens[0].scopes, ['text.html.markdown', 'meta.paragraph.markdown', DS, BEGIN]);
    const bold = line.tokens.find((t) => t.text === 'bold');
    assert.deepEqual(bold?.scopes, ['text.html.markdown', 'meta.paragraph.markdown', 'markup.bold.markdown']);
  });
  it('a directive comment on its own line is taken before Markdown starts an HTML comment block', async () => {
    const [line] = await tokenizeFull('md', '<!-- copydesk-enable -->');
    assert.deepEqual(line.tokens[0].scopes, ['text.html.markdown', C, SCOPES.commentBegin]);
  });
  it('quotes and cues in headings and blockquotes', async () => {
    await expectTokens('md', '# “Quote” in a headline\n> "Blockquoted," she said.', [
      [plain('# '), ...q(DC, '“', 'Quote', '”'), plain(' in a headline')],
      [plain('> '), ...q(DS, '"', 'Blockquoted,', '"'), plain(' she '), cue('said'), plain('.')],
    ]);
  });
  it('plain text has no Markdown: backticks inside a quote are content', async () => {
    await expectTokens('txt', '"Type `say` first," he said.', [[...q(DS, '"', 'Type `say` first,', '"'), plain(' he '), cue('said'), plain('.')]]);
  });
});
