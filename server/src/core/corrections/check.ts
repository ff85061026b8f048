import { claimPrefilter } from '../ledger/prefilter.js';
import { cacheLimits } from '../limits.js';
import type { RuleContext } from '../rule.js';
import type { ProseBlock } from '../prose-block.js';
import { sourceRange } from '../prose-block.js';
import type { OffsetFix, RelatedInformation } from '../types.js';
import type { LedgerEntry } from '../ledger/types.js';
import { compileLedger, type CompiledLedger, type VariantRef } from '../ledger/matcher.js';
import { tokenize, type Tokens } from '../ledger/tokenize.js';
import { findSequence, hasCorrectionCue, isNegated, isNoticeBlock } from './context.js';
import { appendParagraph, replacementEdits, sameScript, matchCase, suppressionEdit } from './fixes.js';
import { NOTICE_LANGUAGES, correctionNotice, formatDate } from './notices.js';

// Checking where a suppression comment can go re-parses the draft; past this many findings in
// one draft the fix is left out rather than making every keystroke slow.
const MAX_VERIFIED_SUPPRESSIONS = 50;

/** The corrected wording to use in `language`, if the entry has one that fits. */
export function pickCorrection(entry: LedgerEntry, ...languages: Array<string | undefined>): { text: string; lang?: string } | undefined {
  const c = entry.correction;
  if (c === undefined) return undefined;
  if (typeof c === 'string') return { text: c, lang: entry.lang };
  for (const l of [...languages, entry.lang]) if (l && c[l]) return { text: c[l], lang: l };
  const all = Object.entries(c);
  return all.length === 1 ? { text: all[0][1], lang: all[0][0] } : undefined;
}

export function checkCorrectedClaims(context: RuleContext): void {
  const { document: doc, ledger } = context;
  if (ledger.entries.length === 0) return;
  const compiled = compileLedger(ledger);
  const tokens = new Map<number, Tokens>();
  const tokensOf = (b: ProseBlock) => {
    let tk = tokens.get(b.index);
    if (!tk) { tk = tokenize(b.text, doc.language); tokens.set(b.index, tk); }
    return tk;
  };
  const cues = new Map<number, boolean>();
  const cueIn = (b: ProseBlock) => {
    let c = cues.get(b.index);
    if (c === undefined) { c = hasCorrectionCue(tokensOf(b)); cues.set(b.index, c); }
    return c;
  };
  let suppressions = 0;
  // Most paragraphs cannot hold any claim: the raw-text prefilter spares them the tokenizer.
  const candidate = claimPrefilter(ledger);
  // A batch run tests the whole draft first (one search, where the editor's per-paragraph answers
  // are remembered from keystroke to keystroke): paragraphs are read from it, so a draft without
  // a candidate has none in any paragraph.
  if (cacheLimits.batch && !candidate(doc.text)) return;
  for (const block of doc.blocks) {
    if (!candidate(block.text)) continue;
    const tk = tokensOf(block);
    const matches = compiled.scan(tk);
    if (matches.length === 0 || isNoticeBlock(block.text, tk)) continue;
    for (const m of matches) {
      if (isNegated(tk, m.from, m.to)) continue;
      const reported = new Set<LedgerEntry>();
      for (const ref of m.refs) {
        if (reported.has(ref.entry)) continue;
        reported.add(ref.entry);
        const near = nearCorrection(compiled, ref.entry, block, doc.blocks[block.index + 1], m.from, m.to, tokensOf);
        if (near === 'inside') continue;
        const withCorrection = near === 'stated' || cueIn(block) || (doc.blocks[block.index + 1] !== undefined && cueIn(doc.blocks[block.index + 1]));
        const verify = !withCorrection && suppressions++ < MAX_VERIFIED_SUPPRESSIONS;
        reportMatch(context, block, tk, m.from, m.to, ref, withCorrection, verify);
      }
    }
  }
}

/** Is the corrected wording stated in this or the next paragraph — or is the match part of it? */
function nearCorrection(compiled: CompiledLedger, entry: LedgerEntry, block: ProseBlock, next: ProseBlock | undefined, from: number, to: number, tokensOf: (b: ProseBlock) => Tokens): 'inside' | 'stated' | undefined {
  let stated = false;
  for (const keys of compiled.correctionKeys(entry)) {
    for (const b of next ? [block, next] : [block]) {
      const bt = tokensOf(b);
      for (let i = findSequence(bt.keys, keys); i >= 0; i = findSequence(bt.keys, keys, false, i + 1)) {
        if (b === block && i < to && from < i + keys.length) return 'inside';
        stated = true;
      }
    }
  }
  return stated ? 'stated' : undefined;
}

function reportMatch(context: RuleContext, block: ProseBlock, tk: Tokens, from: number, to: number, ref: VariantRef, withCorrection: boolean, verifySuppression: boolean): void {
  const { document: doc, t } = context;
  const { entry } = ref;
  const proseText = block.text.slice(tk.start[from], tk.end[to - 1]);
  const said = proseText.replace(/\s+/g, ' ');
  const { start, end } = sourceRange(block, tk.start[from], tk.end[to - 1]);
  const correction = pickCorrection(entry, doc.language, ref.lang);
  const related: RelatedInformation[] | undefined = entry.location?.range
    ? [{ path: entry.location.path, range: entry.location.range, message: t('Ledger entry "{0}"', entry.id) }]
    : undefined;
  const data = {
    ledgerId: entry.id, claim: entry.claim[ref.variant], correction: correction?.text, note: entry.note,
    source: entry.source, date: entry.date, rating: entry.rating, ledgerFile: entry.location?.path, reportedWithCorrection: withCorrection,
  };
  if (withCorrection) {
    const message = entry.date ? t('Reported with its correction: "{0}" (corrected on {1}).', said, entry.date) : t('Reported with its correction: "{0}".', said);
    context.report({ start, end, message, severity: 'info', data, related });
    return;
  }
  const fixes: OffsetFix[] = [];
  const usable = correction && sameScript(correction.text, proseText) ? correction : undefined;
  const replace = usable ? replacementEdits(block, tk, from, to, usable.text, usable.lang) : undefined;
  const shown = usable ? matchCase(proseText, usable.text) : undefined;
  if (replace && shown) fixes.push({ title: t("Replace with '{0}'", shown), isPreferred: true, edits: replace });
  const noticeLang = doc.language && NOTICE_LANGUAGES.includes(doc.language) ? doc.language : 'en';
  const noticeCorrection = pickCorrection(entry, noticeLang, doc.language, ref.lang)?.text;
  const notice = correctionNotice(noticeLang, { claim: said, correction: noticeCorrection, note: noticeCorrection ? undefined : entry.note, date: formatDate(entry.date, noticeLang) });
  // The notice goes with the corrected text, as newsrooms do: the error does not stay in the story.
  fixes.push({ title: t('Add a correction notice'), edits: [...(replace ?? []), appendParagraph(doc, notice)] });
  const suppress = verifySuppression ? suppressionEdit(doc, block, start) : undefined;
  if (suppress) fixes.push({ title: t('Reported deliberately'), edits: [suppress] });
  const what = correction?.text ?? entry.note;
  const message = what === undefined
    ? t('This repeats a corrected claim: "{0}".', said)
    : entry.date
      ? t('This repeats a corrected claim: "{0}". Corrected on {1}: {2}', said, entry.date, correction ? `"${correction.text}"` : what)
      : t('This repeats a corrected claim: "{0}". Corrected: {1}', said, correction ? `"${correction.text}"` : what);
  context.report({ start, end, message, fixes, data, related });
}
