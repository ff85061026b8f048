import { languageName } from '../language.js';
import type { Attribution, AttributionVia } from '../quotes/types.js';
import type { Annotations, ClaimAnnotation, DisclaimerAnnotation, QuoteAnnotation } from './model.js';
import { UNNAMED_SOURCE } from './model.js';
import { english, localize, type Translate } from '../l10n.js';

/** Markdown for hovers. `docs(ruleId)` gives the link to a rule's documentation. */
export type DocsLink = (ruleId: string) => string;

const nameIn = (t: Translate) => (code: string) => languageName(code, t.locale ?? 'en');
const link = (docs: DocsLink, rule: string) => `[${rule}](${docs(rule)})`;
/** Markdown-safe inline text: escapes the characters Markdown would read as markup. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

const WHERE: Partial<Record<AttributionVia, string>> = {
  'cue-before': localize('before the quote'),
  'cue-after': localize('after the quote'),
  'noun': localize('a noun of saying'),
  'naming': localize('naming the words'),
  'previous-sentence': localize('in the sentence before'),
  'next-sentence': localize('in the sentence after'),
};

function how(a: Attribution, model: Annotations, t: Translate): string {
  const cue = a.cue ? t('cue: *{0}*', md(a.cue)) : '';
  switch (a.via) {
    case 'interview': return t('interview label before the quote');
    case 'dash': return t('named after a dash');
    case 'continuation': return cue ? t('continues {0} ({1})', quoteRef(model, a.from, t), cue) : t('continues {0}', quoteRef(model, a.from, t));
    case 'enclosing': return t('inside {0}', quoteRef(model, a.from, t));
    default: return [cue, WHERE[a.via] && t(WHERE[a.via]!)].filter(Boolean).join(', ');
  }
}

function quoteRef(model: Annotations, from: number | undefined, t: Translate): string {
  const q = from === undefined ? undefined : model.quotations[from];
  return q ? t('the quote {0}', md(q.preview)) : t('an earlier quote');
}

export function quoteHover(model: Annotations, q: QuoteAnnotation, docs: DocsLink, t: Translate = english): string {
  const a = q.analysis;
  const lines: string[] = [];
  if (q.status === 'term') {
    const reason = md(a.kindReason || t('the words are not a statement'));
    lines.push(q.kind === 'title' ? t('**Quoted title**, not speech — counts as a title: {0}. It needs no attribution.', reason)
      : q.kind === 'nickname' ? t('**Quoted nickname**, not speech — counts as a nickname: {0}. It needs no attribution.', reason)
        : t('**Quoted term**, not speech — counts as a term: {0}. It needs no attribution.', reason));
  } else if (q.status === 'unattributed') {
    lines.push(t('**Unattributed quotation**: {0}.', md(a.unattributedReason ?? t('no speaker found'))));
  } else {
    const attr = a.attribution!;
    const who = q.speaker ? t('Attributed to **{0}**', md(q.speaker)) : t('Attributed ({0})', t(UNNAMED_SOURCE));
    const detail = how(attr, model, t);
    lines.push(detail ? `${who} — ${detail}` : who);
    if (attr.speaker && q.speaker && !q.speaker.includes(attr.speaker) && attr.via !== 'continuation' && attr.via !== 'enclosing') {
      lines.push(t('Named in the draft as “{0}”.', md(attr.speaker)));
    }
  }
  if (a.unclosed) lines.push(t('Its opening mark is never closed.'));
  lines.push(link(docs, 'unattributed-quote'));
  return lines.join('\n\n');
}

export function claimHover(c: ClaimAnnotation, docs: DocsLink, t: Translate = english): string {
  const lines = [c.date ? t('**Corrected claim**: “{0}” — corrected on {1}', md(c.claim), md(c.date)) : t('**Corrected claim**: “{0}”', md(c.claim))];
  if (c.correction) lines.push(t('Correction: “{0}”', md(c.correction)));
  if (c.rating) lines.push(t('Rating: {0}', md(c.rating)));
  if (c.note) lines.push(t('Note: {0}', md(c.note)));
  if (c.source) lines.push(t('Source: {0}', /^https?:\/\//.test(c.source) ? `<${c.source}>` : md(c.source)));
  lines.push(c.reportedWithCorrection ? t('Reported here together with its correction.') : t('The draft repeats it without the correction.'));
  lines.push(t('{0} · ledger entry {1}', link(docs, 'corrected-claim'), `\`${c.ledgerId}\``));
  return lines.join('\n\n');
}

export function disclaimerHover(d: DisclaimerAnnotation, docs: DocsLink, t: Translate = english): string {
  const en = nameIn(t);
  const tn = d.translation;
  const head = tn?.method === 'human' ? t('Translation note, recognised as {0}', en(d.language)) : t('Machine-translation disclaimer, recognised as {0}', en(d.language));
  let first: string;
  let others: string[];
  if (tn && d.names.includes(tn.from)) {
    first = t('{0}; names {1} as the original.', head, en(tn.from));
    others = d.names.filter((l) => l !== tn.from && l !== d.language);
  } else if (tn) {
    first = t('{0}; it does not name {1}, the original language.', head, en(tn.from));
    others = d.names.filter((l) => l !== d.language);
  } else {
    first = t('{0}. The draft is not marked as a translation (no translated_from in its front matter).', head);
    others = d.names.filter((l) => l !== d.language);
  }
  const lines = [first];
  if (others.length) lines.push(t('Also names: {0}.', others.map(en).join(', ')));
  lines.push(link(docs, 'translation-disclaimer'));
  return lines.join('\n\n');
}
