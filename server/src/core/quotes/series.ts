import type { BlockItems } from './context.js';
import type { QuotationAnalysis } from './types.js';

/**
 * How quotations lend each other attribution: the quote before in a chain of one speaker's
 * quotes, and the fragments of one series (see analyse.ts, which calls both).
 */

/**
 * `Trump a "pathological liar" who is "utterly amoral," a "bully" and a "narcissist at a level I
 * don't think this country has ever seen."`: short quotes strung in one series with a quoted
 * clause are fragments of the same speech, not terms, and are unattributed with it. Only a gap of
 * a few function words (a, and, who is) links two quotes of a series.
 */
export function seriesOfFragments(out: QuotationAnalysis[], ctx: readonly BlockItems[], blocksOf: ReadonlyArray<[number, number]>): void {
  for (const c of ctx) {
    if (c.where.size < 2) continue;
    const at = new Map<string, number>();
    // Only sentences with two quotations or more can hold a series: the others' items are not read.
    const quotesIn = new Map<number, number>();
    for (const [i, [si, ii]] of c.where) {
      quotesIn.set(si, (quotesIn.get(si) ?? 0) + 1);
      if (blocksOf[i][0] === c.block) at.set(`${si}:${ii}`, i);
    }
    for (const si of [...quotesIn.keys()].sort((a, b) => a - b)) {
      if (quotesIn.get(si)! < 2) continue;
      const s = c.sentences[si];
      const qs: number[] = [];
      for (let k = 0; k < s.items.length; k++) if (s.items[k].t === 'q') qs.push(k);
      if (qs.length < 2) continue;
      const quote = (k: number) => { const i = at.get(`${s.index}:${k}`); return i === undefined ? undefined : out[i]; };
      const group: Array<QuotationAnalysis | undefined> = [quote(qs[0])];
      const flush = () => {
        if (group.some((q) => q && q.kind === 'speech' && !q.attribution)) {
          for (const q of group) if (q && q.kind === 'term' && !q.attribution) { q.kind = 'speech'; q.kindReason = 'part of a series with a quoted clause'; q.unattributedReason ??= 'the quoted clause it is strung with has no attribution'; }
        }
        group.length = 0;
      };
      for (let n = 1; n < qs.length; n++) {
        let words = 0;
        let linked = true;
        for (let k = qs[n - 1] + 1; k < qs[n] && linked; k++) {
          const it = s.items[k];
          if (it.t === 'w') linked = SERIES.has(it.low) && ++words <= 3;
          else if (it.text !== ',') linked = false;
        }
        if (!linked) flush();
        group.push(quote(qs[n]));
      }
      flush();
    }
  }
}
const SERIES = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'who', 'is', 'was', 'are', 'were', 'as', 'but', 'also', 'then', 'even']);

/**
 * The speech quotation right before `before` (top level, satisfying `where`) when it has an
 * attribution. Only the immediately preceding quote counts: consecutive quotes share a speaker,
 * but an unattributed quote in between breaks the chain.
 */
export function lastAttributedSpeech(out: readonly QuotationAnalysis[], before: number, where: (k: number) => boolean, direct: boolean): QuotationAnalysis | undefined {
  for (let k = before - 1; k >= 0; k--) {
    const o = out[k];
    // Within one sentence a named term lends its source too: `Cruz called Trump a "pathological
    // liar" … and a "narcissist at a level …"`.
    const lends = o.kind === 'speech' || (!direct && o.attribution !== undefined && o.attribution.via !== 'continuation');
    if (o.depth > 0 || !lends) { if (o.depth === 0 && !where(k)) return undefined; continue; }
    return where(k) && o.attribution && (o.attribution.direct || !direct) ? o : undefined;
  }
  return undefined;
}
