/**
 * Number forms: "1.2bn", "1.2 billion", "1,200,000,000", "1,2 miliar" and "12亿" must all meet
 * as one key. Values are kept as exact decimal strings (no floats), so 0.1 + scale never drifts.
 */

// Languages that write 1.234,5 (decimal comma). Elsewhere 1,234.5.
const DECIMAL_COMMA = new Set(['id', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'tr', 'vi', 'ro', 'pl', 'cs', 'sv', 'hu', 'ru']);

/** Scale words written after a number, as a separate word. Keys are folded (lower case, no accents). */
const SCALE_WORDS: Record<string, number> = {
  thousand: 3, million: 6, billion: 9, trillion: 12,
  ribu: 3, juta: 6, miliar: 9, milyar: 9, triliun: 12,
  mille: 3, milliard: 9, billiard: 15,
  mln: 6, bln: 9, mn: 6, bn: 9, tn: 12,
  'الف': 3, 'الاف': 3, 'مليون': 6, 'ملايين': 6, 'مليار': 9, 'مليارات': 9, 'تريليون': 12,
};
// The long scale: in French a "billion" is a million million.
const SCALE_OVERRIDES: Record<string, Record<string, number>> = { fr: { billion: 12, trillion: 18 } };

/** Suffixes glued to the digits ("1.2bn", "$5m", "3k"). */
const SCALE_SUFFIXES: Record<string, number> = { k: 3, m: 6, mn: 6, b: 9, bn: 9, t: 12, tn: 12 };

/** CJK scale characters right after the digits ("12亿", "3万"). */
const CJK_SCALES: Record<string, number> = { '十': 1, '百': 2, '千': 3, '万': 4, '萬': 4, '亿': 8, '億': 8, '兆': 12 };

const own = (table: Record<string, number> | undefined, key: string) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

export function scaleWord(folded: string, language: string | undefined): number | undefined {
  const plain = folded.endsWith('s') && own(SCALE_WORDS, folded.slice(0, -1)) !== undefined ? folded.slice(0, -1) : folded;
  return own(language && Object.hasOwn(SCALE_OVERRIDES, language) ? SCALE_OVERRIDES[language] : undefined, plain) ?? own(SCALE_WORDS, plain);
}

export function scaleSuffix(letters: string): number | undefined {
  return own(SCALE_SUFFIXES, letters);
}

export function cjkScale(ch: string | undefined): number | undefined {
  return ch === undefined ? undefined : own(CJK_SCALES, ch);
}

/** Arabic-Indic and Persian digits count as digits; fullwidth ones are folded by NFKC before. */
export function asciiDigit(ch: string | undefined): string | undefined {
  if (ch === undefined) return undefined;
  const c = ch.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return ch;
  if (c >= 0x660 && c <= 0x669) return String(c - 0x660);
  if (c >= 0x6f0 && c <= 0x6f9) return String(c - 0x6f0);
  if (c >= 0xff10 && c <= 0xff19) return String(c - 0xff10);
  return undefined;
}

/**
 * Reads the digit groups of a number as written ("1,200,000", "1.2", "1.234,5", "1 200" with a
 * no-break space) into integer and fraction digits. Which separator is decimal depends on the
 * language; a lone separator followed by exactly three digits is a thousands separator.
 */
export function readDigits(raw: string, language: string | undefined): { int: string; frac: string } {
  const seps = raw.replace(/[0-9]/g, '');
  const decimalComma = language !== undefined && DECIMAL_COMMA.has(language);
  let decimal: string | undefined;
  if (seps.length > 0) {
    const last = seps[seps.length - 1];
    const lastGroup = raw.slice(raw.lastIndexOf(last) + 1);
    const mixed = new Set(seps).size > 1;
    if (mixed) decimal = last;
    else if (seps.length > 1) decimal = undefined; // repeated: thousands
    else if (last === '\u00a0' || last === '\u202f' || last === ' ') decimal = undefined;
    else if (lastGroup.length === 3) decimal = (decimalComma ? last === ',' : last === '.') ? last : undefined;
    else decimal = last;
  }
  let int = raw;
  let frac = '';
  if (decimal !== undefined) {
    const at = raw.lastIndexOf(decimal);
    int = raw.slice(0, at);
    frac = raw.slice(at + 1);
  }
  return { int: int.replace(/[^0-9]/g, ''), frac: frac.replace(/[^0-9]/g, '') };
}

/** Exact canonical value of int.frac × 10^exponent, as a digit string ("1200000000", "0.5"). */
export function canonicalNumber(int: string, frac: string, exponent: number): string {
  let i = int;
  let f = frac;
  if (exponent > 0) {
    const shift = f.slice(0, exponent).padEnd(exponent, '0');
    i += shift;
    f = f.slice(exponent);
  }
  i = i.replace(/^0+(?=\d)/, '') || '0';
  f = f.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}
