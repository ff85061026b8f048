/**
 * Correction notices in the draft's language, in the form newsrooms use: labelled plainly as a
 * correction (AP), saying what the article said and what is right (NYT, Reuters), and for
 * Indonesian the "Ralat … Sebelumnya, redaksi menulis … Informasi yang benar adalah" of Dewan
 * Pers practice.
 */
export interface NoticeParts {
  /** What the draft said. */
  claim: string;
  /** The corrected wording, when the ledger has one. */
  correction?: string;
  /** The ledger's note, used when there is no corrected wording. */
  note?: string;
  /** Correction date, already formatted for the language. */
  date?: string;
}

type Template = (p: NoticeParts) => string;
const tail = (p: NoticeParts) => (p.note ? ` ${p.note.trim()}` : '');

const TEMPLATES: Record<string, Template> = {
  en: (p) => `Correction${p.date ? ` (${p.date})` : ''}: An earlier version of this article said “${p.claim}”` +
    (p.correction ? `; in fact, it is “${p.correction}”.` : `.${tail(p)}`),
  id: (p) => `Ralat${p.date ? ` (${p.date})` : ''}: Sebelumnya, redaksi menulis: “${p.claim}”.` +
    (p.correction ? ` Informasi yang benar adalah: “${p.correction}”.` : tail(p)),
  fr: (p) => `Rectificatif${p.date ? ` (${p.date})` : ''} : une version précédente de cet article indiquait « ${p.claim} »` +
    (p.correction ? ` ; en réalité, il s’agit de « ${p.correction} ».` : `.${tail(p)}`),
  zh: (p) => `更正${p.date ? `（${p.date}）` : ''}：本文早前版本称“${p.claim}”` + (p.correction ? `，实际应为“${p.correction}”。` : `。${p.note ?? ''}`),
  ja: (p) => `訂正${p.date ? `（${p.date}）` : ''}：本記事の以前の版で「${p.claim}」としていました` +
    (p.correction ? `が、正しくは「${p.correction}」です。` : `。${p.note ?? ''}`),
  ar: (p) => `تصحيح${p.date ? ` (${p.date})` : ''}: ذكرت نسخة سابقة من هذا المقال «${p.claim}»` +
    (p.correction ? `، والصحيح «${p.correction}».` : `.${tail(p)}`),
};

export const NOTICE_LANGUAGES = Object.keys(TEMPLATES);

/** The notice text (one paragraph) for `language`; English when there is no template. */
export function correctionNotice(language: string | undefined, parts: NoticeParts): string {
  return (TEMPLATES[language ?? 'en'] ?? TEMPLATES.en)(parts);
}

/** "2026-03-04" as the language writes dates ("4 March 2026", "4 Maret 2026", "2026年3月4日"). */
export function formatDate(date: string | undefined, language: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const when = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(when.getTime())) return date;
  const written = DATE_FORMS.get(language || 'en');
  // From the Date, not the digits: "2026-02-30" is 2 March, and years 0000–0099 are 1900–1999, as before.
  if (written) return written(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate());
  try {
    return dateFormat(language as string).format(when);
  } catch {
    return date;
  }
}

/**
 * Dates in the notice languages, written out by hand: exactly what Intl.DateTimeFormat(locale,
 * { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) gives with Node 20's ICU
 * (78, CLDR 48): en-GB for English; Latin digits and plain spaces in Arabic; "1 mars", not
 * "1er mars", in French. test/core/notices-dates.test.ts checks them against Intl. Why not Intl:
 * the first Intl object a process or worker thread makes loads ICU's locale data, 15–35 ms per
 * thread, to write one date per notice. Other languages still go through Intl.
 */
const MONTHS: Record<string, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
};
type DateForm = (year: number, month: number, day: number) => string;
const dayMonthYear = (months: readonly string[]): DateForm => (y, m, d) => `${d} ${months[m]} ${y}`;
const cjk: DateForm = (y, m, d) => `${y}年${m + 1}月${d}日`;
const DATE_FORMS = new Map<string, DateForm>([
  ['en', dayMonthYear(MONTHS.en)],
  ['id', dayMonthYear(MONTHS.id)],
  ['fr', dayMonthYear(MONTHS.fr)],
  ['ar', dayMonthYear(MONTHS.ar)],
  ['zh', cjk],
  ['ja', cjk],
]);

// Building an Intl formatter costs far more than using one.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string): Intl.DateTimeFormat {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formats.set(locale, f);
  }
  return f;
}
