/**
 * Source of Copydesk's TextMate grammars (issue #6). The JSON files next to this one are generated:
 * edit this file, then run `npx tsx syntaxes/generate.ts`. test/grammar/grammar.test.ts fails when
 * the JSON on disk is out of date. Scope names are documented in docs/syntax-scopes.md.
 *
 * Files:
 *  - copydesk.markdown.injection.tmLanguage.json   quotations and attribution cues (Markdown paragraphs, headings)
 *  - copydesk.plaintext.injection.tmLanguage.json  the same for plain text (no Markdown inline rules inside quotes)
 *  - copydesk.suppression.injection.tmLanguage.json <!-- copydesk-… --> directive comments (both)
 *  - copydesk.frontmatter.injection.tmLanguage.json the front-matter keys Copydesk reads
 *  - plaintext.tmLanguage.json                      a minimal `text.plain` base grammar (front matter + comments),
 *                                                   because VS Code ships no grammar for plain text to inject into
 *
 * TextMate grammars are regular expressions applied one line at a time: see the limits in
 * docs/syntax-scopes.md before trying to make these rules "smarter".
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Rule = Record<string, unknown>;
interface Grammar {
  [key: string]: unknown;
  scopeName: string;
  patterns: Rule[];
  repository?: Record<string, Rule>;
}

// ---------------------------------------------------------------------------------------------
// Scope names (all Copydesk scopes end in `.copydesk`; roots chosen so that themes colour them).

export const SCOPES = {
  quoteBegin: 'punctuation.definition.quote.begin.copydesk',
  quoteEnd: 'punctuation.definition.quote.end.copydesk',
  cue: 'keyword.other.attribution.copydesk',
  comment: 'comment.block.suppression.copydesk',
  commentBegin: 'punctuation.definition.comment.begin.copydesk',
  commentEnd: 'punctuation.definition.comment.end.copydesk',
  directive: 'keyword.control.directive.copydesk',
  badDirective: 'invalid.illegal.directive.copydesk',
  ruleId: 'entity.name.tag.rule.copydesk',
  comma: 'punctuation.separator.comma.copydesk',
  reasonSep: 'punctuation.separator.reason.copydesk',
  reason: 'string.unquoted.reason.copydesk',
  fmKey: 'entity.name.tag.frontmatter.copydesk',
  fmSep: 'punctuation.separator.key-value.copydesk',
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks (Oniguruma syntax).

/** Horizontal space, including the no-break spaces French typography puts inside « ». */
const SP = String.raw`[ \t\x{00A0}\x{202F}\x{2009}]`;
/** A word of a speaker's name or title between a quote and its cue ("the", "minister", "Smith,", "45,"). */
const WORD = String.raw`[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}'’.\-]*,?`;
const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
/**
 * Lookbehind: a mark that just closed a quotation. Straight marks count only after a non-space that is not
 * a digit, so that inch and foot marks (a 5" screen, 6'2") are not taken for closing quotes.
 */
const AFTER_CLOSER = String.raw`(?<=[”’»›」』〟〞]|[^\s\d]["'])`;
/** Marks that can open a quotation (lookahead for cues before a quote). */
const OPENERS = String.raw`[“"‘'«‹„‚「『〝]`;
/** What may stand right before an opening straight or single quote: space, brackets, dashes, other marks, emphasis. */
const OPEN_CONTEXT = String.raw`(?<![^\s(\[{—–\-/:\x{00A0}\x{202F}“‘«‹„‚「『〝"'*_~])`;
/** Elisions that start with an apostrophe: 'em, 'tis, rock 'n' roll, '90s. */
const ELISION = String.raw`(?!\d|(?i:em|til|tis|twas|cause|n|bout|round|nuff)(?![\p{L}\p{N}]))`;

const alt = (words: string[]) => words.join('|');

// Attribution cues, from /work/shared/docs/domain.md (kept short: a grammar only needs the common forms).
const EN = alt([
  'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'stated', 'explained', 'explains', 'noted', 'notes',
  'argued', 'argues', 'claimed', 'claims', 'insisted', 'insists', 'warned', 'warns', 'wrote', 'writes', 'tweeted',
  'confirmed', 'confirms', 'denied', 'denies', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'announced',
  'announces', 'asserted', 'asserts', 'clarified', 'commented', 'concluded', 'declared', 'declares', 'described',
  'emphasi[sz]ed', 'emphasi[sz]es', 'indicated', 'mentioned', 'pointed\\s+out', 'points\\s+out', 'predicted',
  'recalled', 'recalls', 'remarked', 'replied', 'replies', 'responded', 'reported', 'stressed', 'stresses',
  'suggested', 'testified', 'asked', 'asks', 'according\\s+to',
]);
const ID = alt([
  '(?:kata|ujar|tutur|ucap|ungkap|papar|jelas|lanjut|tambah|tegas|terang|sebut|imbuh|pungkas|tandas|tulis)(?:nya)?',
  'berkata', 'mengatakan', 'menambahkan', 'menjelaskan', 'menegaskan', 'mengungkapkan', 'menuturkan', 'menyebutkan',
  'memaparkan', 'menerangkan', 'menurut',
]);
const FR_PARTICIPLES = alt([
  'dit', 'déclaré', 'affirmé', 'ajouté', 'expliqué', 'indiqué', 'précisé', 'souligné', 'estimé', 'assuré', 'annoncé',
  'confirmé', 'reconnu', 'rappelé', 'répondu', 'rétorqué', 'confié', 'écrit', 'insisté', 'averti', 'dénoncé',
]);
const FR_PRESENT = alt([
  'dit', 'disent', 'déclarent', 'déclare', 'affirment', 'affirme', 'ajoutent', 'ajoute', 'expliquent', 'explique',
  'indiquent', 'indique', 'précisent', 'précise', 'soulignent', 'souligne', 'estiment', 'estime', 'assurent', 'assure',
  'annoncent', 'annonce', 'confirment', 'confirme', 'reconnaissent', 'reconnaît', 'reconnait', 'rappellent', 'rappelle',
  'répondent', 'répond', 'rétorquent', 'rétorque', 'confient', 'confie', 'écrivent', 'écrit', 'insistent', 'insiste',
  'avertissent', 'avertit', 'dénoncent', 'dénonce',
]);
const FR_INVERSION = String.raw`(?:-t-(?:il|elle|on)|-(?:il|elle|on|ils|elles))?`;
const FR = alt([
  String.raw`(?:a|ont|avait|avaient)${FR_INVERSION}${SP}+(?:${FR_PARTICIPLES})`,
  `(?:${FR_PRESENT})${FR_INVERSION}`,
  'selon',
]);
const AR = String.raw`[وف]?(?:` + alt([
  'قالت', 'قال', 'يقول', 'تقول', 'أك\\x{0651}?دت', 'أك\\x{0651}?د', 'يؤك\\x{0651}?د', 'أفادت', 'أفاد', 'شد\\x{0651}?دت',
  'شد\\x{0651}?د', 'أضافت', 'أضاف', 'أوضحت', 'أوضح', 'صر\\x{0651}?حت', 'صر\\x{0651}?ح', 'أشارت', 'أشار', 'ذكرت', 'ذكر',
  'بحسب', 'حسب', `وفق(?:ا\\x{064B}?|\\x{064B}ا)(?=${SP}+ل)`, `نقل(?:ا\\x{064B}?|\\x{064B}ا)${SP}+عن`,
]) + ')';
/** Cue words of the languages that separate words with spaces. */
const SPACED_CUE = String.raw`(?i:${EN}|${ID}|${FR}|${AR})`;

/** Chinese cues; 说 and 称 alone are guarded against 小说, 说明, 说法, 称为, 名称… */
const ZH_CUE = alt([
  '说道', '写道', '表示', '指出', '认为', '强调', '透露', '坦言', '直言', '告诉', '介绍', '提到',
  '(?<!小)说(?![明服法])', '(?<!名)称(?![为作号赞之])',
]);
/** A Chinese speaker between quote and cue: up to 10 characters, no spaces or punctuation. */
const ZH_SPEAKER = String.raw`[^\s，,。．.：:；;！!？?、“”"「」『』《》（）()]{0,10}?`;
const JA_VERBS_TA = alt(['述べた', '語った', '話した', '説明した', '強調した', '明らかにした', '指摘した']);
const JA_CUE = alt([
  `と(?:${JA_VERBS_TA})`,
  'と(?:述べ|語り|話し|説明し|強調し|明らかにし|指摘し)ました',
  'と(?:述べ|語っ|話し|説明し|強調し|指摘し)ている',
  'としている', 'としています',
]);

// ---------------------------------------------------------------------------------------------
// Quotation rules.

interface QuoteStyle {
  key: string;
  scope: string;
  begin: string;
  /** The closing mark, as a regex with no capture groups. */
  close: string;
  /** Single quotes end at the end of the line (they must close on the line they open). */
  oneLine?: boolean;
}

const QUOTES: QuoteStyle[] = [
  { key: 'double-curly', scope: 'string.quoted.double.curly.copydesk', begin: '“', close: '”' },
  {
    key: 'double-straight', scope: 'string.quoted.double.straight.copydesk',
    begin: String.raw`${OPEN_CONTEXT}"(?=\S)`,
    // Right-flanking only, so that `"a "b" c"` nests instead of closing at the second opener.
    close: String.raw`(?<=\S)"|"(?=[\s,.;:!?)\]}…—–]|$)`,
  },
  { key: 'double-low', scope: 'string.quoted.double.low.copydesk', begin: '„', close: '[“”]' },
  { key: 'double-guillemet', scope: 'string.quoted.double.guillemet.copydesk', begin: '«', close: '»' },
  { key: 'single-guillemet', scope: 'string.quoted.single.guillemet.copydesk', begin: '‹', close: '›' },
  {
    key: 'single-curly', scope: 'string.quoted.single.curly.copydesk', oneLine: true,
    // Opens only where a word starts and a closing ’ (not an apostrophe: not followed by a letter) follows on the line.
    begin: String.raw`${OPEN_CONTEXT}‘(?=[^\s\d])${ELISION}(?=.{0,1000}?\S’(?![\p{L}\p{N}]))`,
    close: String.raw`(?<=\S)’(?![\p{L}\p{N}])`,
  },
  {
    key: 'single-straight', scope: 'string.quoted.single.straight.copydesk', oneLine: true,
    begin: String.raw`${OPEN_CONTEXT}'(?=[^\s\d])${ELISION}(?=.{0,1000}?\S'(?![\p{L}\p{N}]))`,
    close: String.raw`(?<=\S)'(?![\p{L}\p{N}])`,
  },
  { key: 'single-low', scope: 'string.quoted.single.low.copydesk', oneLine: true, begin: '‚(?=\\S)', close: '[‘’]' },
  { key: 'corner', scope: 'string.quoted.other.corner.copydesk', begin: '「', close: '」' },
  { key: 'white-corner', scope: 'string.quoted.other.white-corner.copydesk', begin: '『', close: '』' },
  { key: 'double-prime', scope: 'string.quoted.other.double-prime.copydesk', begin: '〝', close: '[〞〟]' },
];

/**
 * Quotations nest up to MAX_DEPTH levels (“ ‘ " … " ’ ”); deeper marks are content. The bound keeps the
 * rule stack short on pathological lines (thousands of unclosed openers), where every level costs time.
 */
const MAX_DEPTH = 3;

function quoteRules(inside: Rule[]): Record<string, Rule> {
  const repo: Record<string, Rule> = {};
  const suffix = (depth: number) => (depth === 1 ? '' : `-${depth}`);
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    repo[`quotes${suffix(depth)}`] = { patterns: QUOTES.map((q) => ({ include: `#quote-${q.key}${suffix(depth)}` })) };
    for (const q of QUOTES) {
      repo[`quote-${q.key}${suffix(depth)}`] = {
        name: q.scope,
        begin: `(${q.begin})`,
        beginCaptures: { 1: { name: SCOPES.quoteBegin } },
        // A quote never survives a blank line (a new paragraph); single quotes not even the end of the line.
        end: q.oneLine ? `(${q.close})|$` : `(${q.close})|^(?=[ \\t]*$)`,
        endCaptures: { 1: { name: SCOPES.quoteEnd } },
        patterns: [...(depth < MAX_DEPTH ? [{ include: `#quotes${suffix(depth + 1)}` }] : []), ...inside],
      };
    }
  }
  return repo;
}

// ---------------------------------------------------------------------------------------------
// Attribution cues next to a quote (outside quotes only: the injection is off inside string.quoted).

const cueCapture = { name: SCOPES.cue };
const attributionRules: Record<string, Rule> = {
  attribution: {
    patterns: [
      { include: '#attribution-after' },
      { include: '#attribution-after-zh' },
      { include: '#attribution-after-ja' },
      { include: '#attribution-before' },
      { include: '#attribution-before-zh' },
      { include: '#attribution-before-ja' },
    ],
  },
  'attribution-after': {
    comment: '"…," she said / "…," said Smith / « … », a déclaré le ministre / "…," kata Budi / «…»، قال: a cue at most four words after a closing mark.',
    match: String.raw`${AFTER_CLOSER}(?=[,;:،\s\x{00A0}\x{202F}])[,;:،]?${SP}*(?:${WORD}${SP}+){0,4}?(${SPACED_CUE})${NOT_WORD_AFTER}`,
    captures: { 1: cueCapture },
  },
  'attribution-after-zh': {
    comment: '“……”他说。 / “……”，王毅表示',
    match: String.raw`(?<=[”"」』])[，,]?${SP}*${ZH_SPEAKER}(${ZH_CUE})`,
    captures: { 1: cueCapture },
  },
  'attribution-after-ja': {
    comment: '「……」と述べた / 「……」と首相は語った',
    match: String.raw`(?<=[」』”"])(?:(${JA_CUE})|(と)[^\s。、「」『』]{1,12}?[はが](${JA_VERBS_TA}))`,
    captures: { 1: cueCapture, 2: cueCapture, 3: cueCapture },
  },
  'attribution-before': {
    comment: 'said Smith: "…" / according to officials, "…" / a déclaré : « … » / Menurut Budi, "…" / قال الوزير: «…»',
    match: String.raw`${NOT_WORD_BEFORE}(${SPACED_CUE})${NOT_WORD_AFTER}(?=(?:${SP}+${WORD}){0,4}?${SP}*[,:،：]${SP}*${OPENERS})`,
    captures: { 1: cueCapture },
  },
  'attribution-before-zh': {
    comment: '他表示：“……” / 他对记者说：“……” / 据新华社报道，“……”',
    patterns: [
      {
        match: String.raw`(${ZH_CUE})(?=[^\s，,。：:“”"「」『』]{0,6}?[：:，,]${SP}*[“"「『])`,
        captures: { 1: cueCapture },
      },
      {
        match: String.raw`(据)[^\s，,。：:“”"「」『』]{1,12}?(报道|称)(?=[，,：:]?${SP}*[“"「『])`,
        captures: { 1: cueCapture, 2: cueCapture },
      },
    ],
  },
  'attribution-before-ja': {
    comment: '関係者によると、「……」',
    match: String.raw`(によると|によれば)(?=[、，,]?${SP}*[「『“"])`,
    captures: { 1: cueCapture },
  },
};

// ---------------------------------------------------------------------------------------------
// Suppression comments: <!-- copydesk-disable-next-line RULE[, RULE] -- reason -->

const suppressionRule: Rule = {
  name: SCOPES.comment,
  begin: String.raw`(?:(?:^|\G)[ \t]*)?(<!--)[ \t]*(?:(copydesk-(?:disable-next-line|disable|enable))(?=\s|-->|$)|(copydesk-(?:\w|-(?!->))*))`,
  beginCaptures: { 1: { name: SCOPES.commentBegin }, 2: { name: SCOPES.directive }, 3: { name: SCOPES.badDirective } },
  end: '(-->)',
  endCaptures: { 1: { name: SCOPES.commentEnd } },
  patterns: [
    {
      begin: '(--)(?!>)',
      beginCaptures: { 1: { name: SCOPES.reasonSep } },
      end: '(?=-->)',
      contentName: SCOPES.reason,
    },
    { match: '[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*', name: SCOPES.ruleId },
    { match: ',', name: SCOPES.comma },
  ],
};

// ---------------------------------------------------------------------------------------------
// Grammars.

const GENERATED = 'Generated by syntaxes/generate.ts: edit that file and run `npx tsx syntaxes/generate.ts`. Scopes: docs/syntax-scopes.md.';

/** Not in code, raw text, embedded blocks (front matter), comments, HTML tags, or our own quotations. */
const EXCLUDE = '-markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded -comment -meta.tag -source -string.quoted';

function proseInjection(host: 'markdown' | 'plaintext'): Grammar {
  const markdown = host === 'markdown';
  return {
    comment: GENERATED,
    name: `Copydesk quotations (${markdown ? 'Markdown' : 'plain text'})`,
    scopeName: markdown ? 'markdown.copydesk.injection' : 'text.plain.copydesk.injection',
    // Markdown: only inside paragraphs and headings. At the start of a line the paragraph rule has not begun
    // yet, and an L: injection matching there would win over it and leave the rest of the line outside any
    // paragraph (no emphasis, links or code spans). It also keeps quotes out of HTML blocks.
    injectionSelector: markdown
      ? `L:text.html.markdown meta.paragraph.markdown ${EXCLUDE}, L:text.html.markdown markup.heading.markdown ${EXCLUDE}`
      : 'L:text.plain -meta.embedded -comment -string.quoted',
    patterns: [{ include: '#attribution' }, { include: '#quotes' }],
    repository: {
      ...attributionRules,
      // Inside a Markdown quotation the injection is off, so Markdown's own inline rules (code spans, emphasis,
      // links, inline HTML) are included explicitly; plain text has none.
      ...quoteRules(markdown ? [{ include: 'text.html.markdown#inline' }, { include: 'text.html.derivative' }] : []),
    },
  };
}

function suppressionInjection(): Grammar {
  return {
    comment: GENERATED,
    name: 'Copydesk suppression comments',
    scopeName: 'copydesk.suppression.injection',
    // Also at block level: a directive is usually a line of its own, where Markdown starts an HTML comment block.
    injectionSelector: `L:text.html.markdown ${EXCLUDE}, L:text.plain -meta.embedded -comment -string.quoted`,
    patterns: [{ include: '#suppression-comment' }],
    repository: { 'suppression-comment': suppressionRule },
  };
}

const FRONT_MATTER_KEYS = ['lang', 'translated_from', 'translation', 'reviewed'];

function frontMatterInjection(): Grammar {
  return {
    comment: GENERATED,
    name: 'Copydesk front matter',
    scopeName: 'copydesk.frontmatter.injection',
    injectionSelector: 'L:text.html.markdown meta.embedded.block.frontmatter -string -comment, L:text.plain meta.embedded.block.frontmatter -string -comment',
    patterns: [
      {
        comment: 'Top-level keys only (column 0); the value is left to the YAML grammar.',
        match: `^(${FRONT_MATTER_KEYS.join('|')})[ \\t]*(:)(?=[ \\t]|$)`,
        captures: { 1: { name: SCOPES.fmKey }, 2: { name: SCOPES.fmSep } },
      },
    ],
  };
}

function plaintextBase(): Grammar {
  return {
    comment: `${GENERATED} VS Code has no grammar for plain text; this one only adds what Copydesk's checks read (YAML front matter, <!-- --> comments), so that the injections have a text.plain scope to attach to.`,
    name: 'Plain Text',
    scopeName: 'text.plain',
    patterns: [{ include: '#front-matter' }, { include: '#comment' }],
    repository: {
      'front-matter': {
        begin: String.raw`\A---[ \t]*$`,
        end: String.raw`^(?:---|\.\.\.)[ \t]*$`,
        contentName: 'meta.embedded.block.frontmatter',
        // The comment rule keeps this rule alive where no YAML grammar is installed (vscode-textmate drops a
        // begin/end rule whose only include is missing, and the front matter would then read as prose).
        patterns: [{ include: 'source.yaml' }, { match: '^[ \\t]*#.*$', name: 'comment.line.number-sign.yaml' }],
      },
      comment: {
        name: 'comment.block.html',
        begin: '<!--',
        end: '-->',
        captures: { 0: { name: 'punctuation.definition.comment.html' } },
      },
    },
  };
}

export const GRAMMAR_FILES: Record<string, Grammar> = {
  'copydesk.markdown.injection.tmLanguage.json': proseInjection('markdown'),
  'copydesk.plaintext.injection.tmLanguage.json': proseInjection('plaintext'),
  'copydesk.suppression.injection.tmLanguage.json': suppressionInjection(),
  'copydesk.frontmatter.injection.tmLanguage.json': frontMatterInjection(),
  'plaintext.tmLanguage.json': plaintextBase(),
};

/** The `contributes.grammars` entries for package.json. */
export const CONTRIBUTES = {
  grammars: [
    {
      scopeName: 'markdown.copydesk.injection',
      path: './syntaxes/copydesk.markdown.injection.tmLanguage.json',
      injectTo: ['text.html.markdown'],
    },
    {
      scopeName: 'text.plain.copydesk.injection',
      path: './syntaxes/copydesk.plaintext.injection.tmLanguage.json',
      injectTo: ['text.plain'],
    },
    {
      scopeName: 'copydesk.suppression.injection',
      path: './syntaxes/copydesk.suppression.injection.tmLanguage.json',
      injectTo: ['text.html.markdown', 'text.plain'],
    },
    {
      scopeName: 'copydesk.frontmatter.injection',
      path: './syntaxes/copydesk.frontmatter.injection.tmLanguage.json',
      injectTo: ['text.html.markdown', 'text.plain'],
    },
    {
      language: 'plaintext',
      scopeName: 'text.plain',
      path: './syntaxes/plaintext.tmLanguage.json',
      embeddedLanguages: { 'meta.embedded.block.frontmatter': 'yaml' },
    },
  ],
};

export function serialise(grammar: unknown): string {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [file, grammar] of Object.entries(GRAMMAR_FILES)) writeFileSync(join(here, file), serialise(grammar));
  const out = process.argv[2];
  if (out) writeFileSync(out, serialise({ contributes: CONTRIBUTES }));
  console.log(`wrote ${Object.keys(GRAMMAR_FILES).join(', ')}${out ? ` and ${out}` : ''}`);
}
