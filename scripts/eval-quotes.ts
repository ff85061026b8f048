/**
 * Measures the unattributed-quote rule against a corpus of human attribution annotations in the
 * PolNeAR format (text/<article>.txt + attributions/<article>_<annotator>.ann, brat standoff).
 *
 *   npx tsx scripts/eval-quotes.ts [corpusDir] [--verbose]
 *
 * Every top-level quotation the analysis pairs is put in one class by the annotations:
 *   attributed   inside the Content of an attribution with a Source (must not be flagged)
 *   no-source    inside a Content whose attribution has no Source
 *   outside      inside no Content (scare quotes, terms, titles; few should be flagged)
 * Derived set (recall): for every attribution with a Source whose Content is a direct quote
 * (≥ 80 % of the Content's letters are between quotation marks), the Source and Cue spans are
 * deleted from the text; the quote must then be flagged. Each article yields one derived text
 * with all such deletions, so a neighbouring direct quote cannot lend its speaker.
 */
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint } from '../server/src/core/engine.js';
import { analyseDocument } from '../server/src/core/quotes/analyse.js';
import type { QuotationAnalysis } from '../server/src/core/quotes/types.js';
import { countWords } from '../server/src/core/quotes/classify.js';

type Spans = Array<[number, number]>;
interface Attribution { content: Spans; source?: Spans; cue?: Spans }

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, args.find((a) => !a.startsWith('--')) ?? '../shared/corpora/polnear-dev');
if (!existsSync(join(dir, 'text'))) { console.error(`No text/ folder in ${dir}`); process.exit(2); }

function parseAnn(text: string): Attribution[] {
  const spans = new Map<string, Spans>();
  const out: Attribution[] = [];
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    if (line.startsWith('T') && cols.length >= 2) {
      const [, ...rest] = cols[1].split(' ');
      spans.set(cols[0], rest.join(' ').split(';').map((p) => p.split(' ').map(Number) as [number, number]));
    }
  }
  for (const line of text.split('\n')) {
    if (!line.startsWith('E')) continue;
    const roles = new Map<string, string>();
    for (const r of line.split('\t')[1]?.split(' ') ?? []) { const [role, id] = r.split(':'); if (role && id) roles.set(role.replace(/\d+$/, ''), id); }
    const content = roles.get('Content');
    if (!content || !spans.get(content)) continue;
    const get = (role: string) => (roles.get(role) ? spans.get(roles.get(role)!) : undefined);
    out.push({ content: get('Content')!, source: get('Source'), cue: get('Cue') });
  }
  return out;
}

const overlap = (a: number, b: number, spans: Spans) => spans.reduce((n, [s, e]) => n + Math.max(0, Math.min(b, e) - Math.max(a, s)), 0);
const inside = (q: QuotationAnalysis, spans: Spans) => {
  const a = q.openRange.end;
  const b = q.closeRange?.start ?? q.range.end;
  return b > a && overlap(a, b, spans) >= 0.5 * (b - a);
};
const letters = (t: string) => (t.match(/\p{L}/gu) ?? []).length;

function flaggedStarts(text: string): { starts: Set<number>; quotations: QuotationAnalysis[]; strays: number } {
  const r = lint({ text, kind: 'plaintext', only: ['unattributed-quote'], config: { ledger: [], ledgerExplicit: false, rules: {}, disclaimers: {}, files: [], primaryLanguage: 'en' } });
  const starts = new Set(r.findings.filter((f) => f.rule === 'unattributed-quote').map((f) => r.document.lines.offsetAt(f.range.start)));
  const report = analyseDocument(r.document);
  return { starts, quotations: report.quotations.filter((q) => q.depth === 0), strays: report.strays.length };
}

const counts = { attributed: [0, 0], noSource: [0, 0], outside: [0, 0], derived: [0, 0], derivedLong: [0, 0] };
let strays = 0;
let unclosed = 0;
let ms = 0;
let words = 0;
const notes: string[] = [];
const articles = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
const annFiles = readdirSync(join(dir, 'attributions'));

for (const file of articles) {
  const name = file.replace(/\.txt$/, '');
  const text = readFileSync(join(dir, 'text', file), 'utf8');
  const atts = annFiles.filter((f) => f.startsWith(name + '_') && f.endsWith('.ann')).flatMap((f) => parseAnn(readFileSync(join(dir, 'attributions', f), 'utf8')));
  const t0 = performance.now();
  const { starts, quotations, strays: s } = flaggedStarts(text);
  ms += performance.now() - t0;
  words += text.split(/\s+/).length;
  strays += s;
  const withSource = atts.filter((a) => a.source).flatMap((a) => a.content);
  const noSource = atts.filter((a) => !a.source).flatMap((a) => a.content);
  for (const q of quotations) {
    if (q.unclosed) unclosed++;
    const flagged = starts.has(q.range.start) || starts.has(q.openRange.start);
    const cls = inside(q, withSource) ? 'attributed' : inside(q, noSource) ? 'noSource' : 'outside';
    counts[cls][0]++;
    if (flagged) counts[cls][1]++;
    if (verbose && flagged && cls !== 'noSource') notes.push(`FLAG ${cls} ${name} ${JSON.stringify(text.slice(Math.max(0, q.range.start - 80), q.range.end + 60))} [${q.kind}: ${q.kindReason}]`);
  }

  // Derived set: delete Source and Cue of attributions whose Content is a direct quote.
  const direct = atts.filter((a) => a.source && a.cue).filter((a) => {
    const total = a.content.reduce((n, [s0, e0]) => n + letters(text.slice(s0, e0)), 0);
    const quoted = quotations.reduce((n, q) => n + (overlap(q.range.start, q.range.end, a.content) > 0 ? letters(text.slice(Math.max(q.range.start, a.content[0][0]), Math.min(q.range.end, a.content[a.content.length - 1][1]))) : 0), 0);
    return total > 0 && quoted >= 0.8 * total;
  });
  const targets = quotations.filter((q) => direct.some((a) => inside(q, a.content)));
  if (!targets.length) continue;
  const cut = new Uint8Array(text.length);
  for (const a of direct) for (const [s0, e0] of [...a.source!, ...a.cue!]) {
    if (quotations.some((q) => s0 < q.range.end && q.range.start < e0)) continue;
    cut.fill(1, s0, e0);
  }
  const map = new Int32Array(text.length + 1);
  let derived = '';
  for (let i = 0; i < text.length; i++) {
    map[i] = derived.length;
    if (!cut[i] && !(text[i] === ' ' && (cut[i - 1] || cut[i + 1]) && derived.endsWith(' '))) derived += text[i];
  }
  map[text.length] = derived.length;
  const d = flaggedStarts(derived);
  if (process.env.DUMP_DERIVED) writeFileSync(join(process.env.DUMP_DERIVED, file), derived);
  for (const q of targets) {
    const at = map[q.range.start];
    const flagged = d.starts.has(at);
    const dq = d.quotations.find((x) => x.range.start === at);
    counts.derived[0]++;
    if (flagged) counts.derived[1]++;
    // Independent of the rule's own classifier: quotes of four words or more (the length below
    // which GenderGapTracker, for one, treats a quotation as a term).
    if (countWords(q.text) >= 4) { counts.derivedLong[0]++; if (flagged) counts.derivedLong[1]++; }
    if (verbose && !flagged) {
      const why = dq ? (dq.attribution ? `${dq.attribution.via} ${dq.attribution.speaker ?? ''} (${dq.attribution.cue ?? ''})` : dq.kind + ': ' + dq.kindReason) : 'not paired';
      notes.push(`MISS ${name} ${JSON.stringify(derived.slice(Math.max(0, at - 100), at + (q.range.end - q.range.start) + 60))} [${why}]`);
    }
  }
}

const pct = ([n, k]: number[]) => (n ? `${((100 * k) / n).toFixed(1)}% (${k}/${n})` : 'n/a');
if (verbose) console.log(notes.join('\n') + '\n');
console.log(`Corpus: ${dir} — ${articles.length} articles, ${words} words, lint ${(ms / articles.length).toFixed(1)} ms/article`);
console.log(`Attributed quotations flagged (false flags, target ≤ 2%):   ${pct(counts.attributed)}`);
console.log(`Quotations outside any attribution flagged (target ≤ 5%):  ${pct(counts.outside)}`);
console.log(`Quotations in source-less attributions flagged (info):      ${pct(counts.noSource)}`);
console.log(`Recall on the derived unattributed set (target ≥ 95%):      ${pct(counts.derived)}`);
console.log(`  on derived quotes of 4 words or more:                       ${pct(counts.derivedLong)}`);
console.log(`Unclosed quotations reported: ${unclosed}; stray closing marks reported: ${strays}`);
