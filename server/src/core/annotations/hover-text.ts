import { languageName } from '../language.js';
import type { Attribution, AttributionVia } from '../quotes/types.js';
import type { Annotations, ClaimAnnotation, DisclaimerAnnotation, QuoteAnnotation } from './model.js';
import { UNNAMED_SOURCE } from './model.js';

/** Markdown for hovers. `docs(ruleId)` gives the link to a rule's documentation. */
export type DocsLink = (ruleId: string) => string;

const en = (code: string) => languageName(code, 'en');
const link = (docs: DocsLink, rule: string) => `[${rule}](${docs(rule)})`;
/** Markdown-safe inline text: escapes the characters Markdown would read as markup. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

const WHERE: Partial<Record<AttributionVia, string>> = {
  'cue-before': 'before the quote',
  'cue-after': 'after the quote',
  'noun': 'a noun of saying',
  'naming': 'naming the words',
  'previous-sentence': 'in the sentence before',
  'next-sentence': 'in the sentence after',
};

function how(a: Attribution, model: Annotations): string {
  const cue = a.cue ? `cue: *${md(a.cue)}*` : '';
  switch (a.via) {
    case 'interview': return 'interview label before the quote';
    case 'dash': return 'named after a dash';
    case 'continuation': return `continues ${quoteRef(model, a.from)}${cue ? ` (${cue})` : ''}`;
    case 'enclosing': return `inside ${quoteRef(model, a.from)}`;
    default: return [cue, WHERE[a.via]].filter(Boolean).join(', ');
  }
}

function quoteRef(model: Annotations, from: number | undefined): string {
  const q = from === undefined ? undefined : model.quotations[from];
  return q ? `the quote ${md(q.preview)}` : 'an earlier quote';
}

export function quoteHover(model: Annotations, q: QuoteAnnotation, docs: DocsLink): string {
  const a = q.analysis;
  const lines: string[] = [];
  if (q.status === 'term') {
    const what = q.kind === 'title' ? 'title' : q.kind === 'nickname' ? 'nickname' : 'term';
    lines.push(`**Quoted ${what}**, not speech — counts as a ${what}: ${md(a.kindReason || 'the words are not a statement')}. It needs no attribution.`);
  } else if (q.status === 'unattributed') {
    lines.push(`**Unattributed quotation**: ${md(a.unattributedReason ?? 'no speaker found')}.`);
  } else {
    const attr = a.attribution!;
    const who = q.speaker ? `Attributed to **${md(q.speaker)}**` : `Attributed (${UNNAMED_SOURCE})`;
    const detail = how(attr, model);
    lines.push(detail ? `${who} — ${detail}` : who);
    if (attr.speaker && q.speaker && !q.speaker.includes(attr.speaker) && attr.via !== 'continuation' && attr.via !== 'enclosing') {
      lines.push(`Named in the draft as “${md(attr.speaker)}”.`);
    }
  }
  if (a.unclosed) lines.push('Its opening mark is never closed.');
  lines.push(link(docs, 'unattributed-quote'));
  return lines.join('\n\n');
}

export function claimHover(c: ClaimAnnotation, docs: DocsLink): string {
  const lines = [`**Corrected claim**: “${md(c.claim)}”${c.date ? ` — corrected on ${md(c.date)}` : ''}`];
  if (c.correction) lines.push(`Correction: “${md(c.correction)}”`);
  if (c.rating) lines.push(`Rating: ${md(c.rating)}`);
  if (c.note) lines.push(`Note: ${md(c.note)}`);
  if (c.source) lines.push(`Source: ${/^https?:\/\//.test(c.source) ? `<${c.source}>` : md(c.source)}`);
  lines.push(c.reportedWithCorrection ? 'Reported here together with its correction.' : 'The draft repeats it without the correction.');
  lines.push(`${link(docs, 'corrected-claim')} · ledger entry \`${c.ledgerId}\``);
  return lines.join('\n\n');
}

export function disclaimerHover(d: DisclaimerAnnotation, docs: DocsLink): string {
  const t = d.translation;
  const head = `${t?.method === 'human' ? 'Translation note' : 'Machine-translation disclaimer'}, recognised as ${en(d.language)}`;
  let first: string;
  let others: string[];
  if (t && d.names.includes(t.from)) {
    first = `${head}; names ${en(t.from)} as the original.`;
    others = d.names.filter((l) => l !== t.from && l !== d.language);
  } else if (t) {
    first = `${head}; it does not name ${en(t.from)}, the original language.`;
    others = d.names.filter((l) => l !== d.language);
  } else {
    first = `${head}. The draft is not marked as a translation (no translated_from in its front matter).`;
    others = d.names.filter((l) => l !== d.language);
  }
  const lines = [first];
  if (others.length) lines.push(`Also names: ${others.map(en).join(', ')}.`);
  lines.push(link(docs, 'translation-disclaimer'));
  return lines.join('\n\n');
}
