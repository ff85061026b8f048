/**
 * Measures the unattributed-quote rule against a corpus of human attribution annotations in the
 * PolNeAR format (text/<article>.txt + attributions/<article>_<annotator>.ann, brat standoff).
 *
 *   npx tsx scripts/eval-quotes.ts [corpusDir] [--verbose] [--by-publisher]
 *
 * Every top-level quotation the analysis pairs is put in one class by the annotations:
 *   attributed   inside the Content of an attribution with a Source (must not be flagged)
 *   no-source    inside a Content whose attribution has no Source
 *   outside      inside no Content (scare quotes, terms, titles; few should be flagged)
 * Derived set (recall): for every attribution with a Source whose Content is a direct quote
 * (≥ 80 % of the Content's letters are between quotation marks), the Source and Cue spans are
 * deleted from the text; the quote must then be flagged. Each article yields one derived text
 * with all such deletions, so a neighbouring direct quote cannot lend its speaker.
 * Headline figure: also the Source and Cue of the annotated attributions of the chain of
 * quotations right before each derived quote (same or previous paragraph), which would otherwise
 * still attribute it as a continuation; the README reading without that is printed next to it.
 * See docs/rules/unattributed-quote.md, "Accuracy".
 * --verbose lists misses and false flags (the quote in ⟦ ⟧); --by-publisher prints the figures per
 * publisher (file-name prefix), leave-one-out, and their spread.
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

type Pair = [number, number];
interface Counts { attributed: Pair; noSource: Pair; outside: Pair; derived: Pair; derivedReadme: Pair; derivedLong: Pair }
const newCounts = (): Counts => ({ attributed: [0, 0], noSource: [0, 0], outside: [0, 0], derived: [0, 0], derivedReadme: [0, 0], derivedLong: [0, 0] });
const counts = newCounts();
const byPublisher = new Map<string, Counts>();
const add = (key: keyof Counts, pub: Counts, flagged: boolean) => {
  for (const c of [counts, pub]) { c[key][0]++; if (flagged) c[key][1]++; }
};
let strays = 0;
let unclosed = 0;
let ms = 0;
let words = 0;
let chainCases = 0;
const notes: string[] = [];
const articles = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
const annFiles = readdirSync(join(dir, 'attributions'));
const CLOSERS = /["'”’»」』]/;

/**
 * Deletes the given spans. What an editor cutting "she said" would also take out goes too: the
 * doubled space, and a comma or colon left hanging between a sentence end or a closing quotation
 * mark and the next quotation (`"…," , "…"`, `… complicated. : "…"`); a reader never sees those.
 */
function derive(text: string, cut: Uint8Array): { derived: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  let derived = '';
  for (let i = 0; i < text.length; i++) {
    map[i] = derived.length;
    if (cut[i]) continue;
    const ch = text[i];
    const nearCut = cut[i - 1] || cut[i + 1] || (text[i - 1] === ' ' && cut[i - 2]);
    if (ch === ' ' && (cut[i - 1] || cut[i + 1]) && (derived.endsWith(' ') || derived.endsWith('\n') || derived === '')) continue;
    if ((ch === ',' || ch === ':') && nearCut) {
      const before = derived.trimEnd();
      const prev = before[before.length - 1];
      if (prev === undefined || prev === '\n' || /[.!?,:;—–―-]/.test(prev) || CLOSERS.test(prev) || before.length < derived.length - 1 || before.endsWith('\n')) {
        if (derived.endsWith(' ') && text[i + 1] === ' ') i++;
        continue;
      }
    }
    derived += ch;
  }
  map[text.length] = derived.length;
  return { derived, map };
}

for (const file of articles) {
  const name = file.replace(/\.txt$/, '');
  const publisher = name.split('_')[0];
  const pub = byPublisher.get(publisher) ?? newCounts();
  byPublisher.set(publisher, pub);
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
    add(cls, pub, flagged);
    if (verbose && flagged && cls !== 'noSource') notes.push(`FLAG ${cls} ${name} ${JSON.stringify(text.slice(Math.max(0, q.range.start - 80), q.range.start) + '⟦' + text.slice(q.range.start, q.range.end) + '⟧' + text.slice(q.range.end, q.range.end + 60))} [${q.kind}: ${q.kindReason}]`);
  }

  // Derived set: delete Source and Cue of attributions whose Content is a direct quote.
  const direct = atts.filter((a) => a.source && a.cue).filter((a) => {
    const total = a.content.reduce((n, [s0, e0]) => n + letters(text.slice(s0, e0)), 0);
    const quoted = quotations.reduce((n, q) => n + (overlap(q.range.start, q.range.end, a.content) > 0 ? letters(text.slice(Math.max(q.range.start, a.content[0][0]), Math.min(q.range.end, a.content[a.content.length - 1][1]))) : 0), 0);
    return total > 0 && quoted >= 0.8 * total;
  });
  const targets = quotations.filter((q) => direct.some((a) => inside(q, a.content)));
  if (!targets.length) continue;
  const cutOf = (list: Attribution[]) => {
    const cut = new Uint8Array(text.length);
    for (const a of list) for (const [s0, e0] of [...a.source!, ...(a.cue ?? [])]) {
      if (quotations.some((q) => s0 < q.range.end && q.range.start < e0)) continue;
      cut.fill(1, s0, e0);
    }
    return cut;
  };
  // README reading: the sources and cues of the direct quotes, all at once (so one direct quote
  // cannot lend its speaker to the next).
  const readme = derive(text, cutOf(direct));
  // Headline reading: a quote is only unattributed once nothing left attributes it. News convention
  // (and the rule) lets a quote continue the quote right before it (same paragraph, or a
  // quote-only paragraph after it), so the attributions of that chain of preceding quotations go
  // too: walk back from each target through quotations in the same or the previous paragraph.
  const chain = new Set<Attribution>(direct);
  const chained = new Set<QuotationAnalysis>();
  for (const q of targets) {
    let k = quotations.indexOf(q);
    while (k > 0) {
      const p = quotations[k - 1];
      const gap = text.slice(p.range.end, quotations[k].range.start);
      if ((gap.match(/\n\s*\n|\n/g) ?? []).length > 1 || /\n\s*\n[^\n]*\S[^\n]*\n\s*\n/.test(gap)) break;
      const owners = atts.filter((a) => a.source && inside(p, a.content) && !chain.has(a));
      for (const a of owners) { chain.add(a); chained.add(q); }
      k--;
    }
  }
  chainCases += chained.size;
  const full = chain.size > direct.length ? derive(text, cutOf([...chain])) : readme;
  const dReadme = flaggedStarts(readme.derived);
  const d = full === readme ? dReadme : flaggedStarts(full.derived);
  if (process.env.DUMP_DERIVED) writeFileSync(join(process.env.DUMP_DERIVED, file), full.derived);
  for (const q of targets) {
    add('derivedReadme', pub, dReadme.starts.has(readme.map[q.range.start]));
    const at = full.map[q.range.start];
    const flagged = d.starts.has(at);
    add('derived', pub, flagged);
    // Independent of the rule's own classifier: quotes of four words or more (the length below
    // which GenderGapTracker, for one, treats a quotation as a term).
    if (countWords(q.text) >= 4) add('derivedLong', pub, flagged);
    if (verbose && !flagged) {
      const dq = d.quotations.find((x) => x.range.start === at);
      const len = q.range.end - q.range.start;
      const why = dq ? (dq.attribution ? `${dq.attribution.via} ${dq.attribution.speaker ?? ''} (${dq.attribution.cue ?? ''})` : dq.kind + ': ' + dq.kindReason) : 'not paired';
      notes.push(`MISS ${name} ${JSON.stringify(full.derived.slice(Math.max(0, at - 100), at) + '⟦' + full.derived.slice(at, at + len) + '⟧' + full.derived.slice(at + len, at + len + 60))} [${why}]`);
    }
  }
}

const rate = ([n, k]: Pair) => (n ? (100 * k) / n : NaN);
const pct = (p: Pair) => (p[0] ? `${rate(p).toFixed(1)}% (${p[1]}/${p[0]})` : 'n/a');
if (verbose) console.log(notes.join('\n') + '\n');
console.log(`Corpus: ${dir} — ${articles.length} articles, ${words} words, lint ${(ms / articles.length).toFixed(1)} ms/article`);
console.log(`Attributed quotations flagged (false flags, target ≤ 2%):   ${pct(counts.attributed)}`);
console.log(`Quotations outside any attribution flagged (target ≤ 5%):  ${pct(counts.outside)}`);
console.log(`Quotations in source-less attributions flagged (info):      ${pct(counts.noSource)}`);
console.log(`Recall on the derived unattributed set (target ≥ 95%):      ${pct(counts.derived)}`);
console.log(`  on derived quotes of 4 words or more:                       ${pct(counts.derivedLong)}`);
console.log(`  README reading only (chain attributions kept):              ${pct(counts.derivedReadme)}`);
console.log(`  (${chainCases} derived quotes had a preceding quote whose attribution was removed too)`);
console.log(`Unclosed quotations reported: ${unclosed}; stray closing marks reported: ${strays}`);

if (args.includes('--by-publisher')) {
  // Per publisher, and leave-one-out: the figures of the other six publishers, i.e. what a rule
  // tuned without that publisher's articles would be measured on. The spread (max − min) over
  // publishers shows how much the figures depend on one outlet's style.
  const keys: Array<[keyof Counts, string]> = [['attributed', 'false flags'], ['outside', 'outside'], ['derived', 'recall'], ['derivedReadme', 'recall (README)']];
  const fmt = (p: Pair) => (p[0] ? `${rate(p).toFixed(1).padStart(5)}% ${`(${p[1]}/${p[0]})`.padEnd(10)}` : '    n/a          ');
  console.log(`\nPer publisher${' '.repeat(7)}${keys.map(([, l]) => l.padEnd(18)).join('')}`);
  const rows = [...byPublisher.entries()].sort(([a], [b]) => a.localeCompare(b));
  for (const [p, c] of rows) console.log(`  ${p.padEnd(18)}${keys.map(([k]) => fmt(c[k])).join(' ')}`);
  console.log(`Leave one out (all but)`);
  for (const [p, c] of rows) {
    const rest = (k: keyof Counts): Pair => [counts[k][0] - c[k][0], counts[k][1] - c[k][1]];
    console.log(`  ${p.padEnd(18)}${keys.map(([k]) => fmt(rest(k))).join(' ')}`);
  }
  const spread = (k: keyof Counts, pick: (p: Pair) => Pair) => {
    const rs = rows.map(([, c]) => rate(pick(c[k]))).filter((x) => !Number.isNaN(x));
    return `${(Math.max(...rs) - Math.min(...rs)).toFixed(1)} pts`;
  };
  console.log(`Spread per publisher:  ${keys.map(([k, l]) => `${l} ${spread(k, (p) => p)}`).join(', ')}`);
  console.log(`Spread leave-one-out:  ${keys.map(([k, l]) => `${l} ${spread(k, (p) => [counts[k][0] - p[0], counts[k][1] - p[1]])}`).join(', ')}`);
}
