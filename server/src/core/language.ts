import { francAll } from 'franc-min';

/** Languages Copydesk has rules, templates and cue lexicons for. */
export const SUPPORTED_LANGUAGES = ['en', 'id', 'fr', 'zh', 'ja', 'ar'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

// Latin-script candidates for franc, ISO 639-3 → BCP-47. Malay is left out on purpose:
// franc confuses it with Indonesian, and Indonesian is the language newsrooms here need.
const LATIN: Record<string, string> = {
  eng: 'en', ind: 'id', fra: 'fr', spa: 'es', por: 'pt', deu: 'de', ita: 'it', nld: 'nl',
  tur: 'tr', vie: 'vi', pol: 'pl', swe: 'sv', ron: 'ro', hun: 'hu', ces: 'cs', tgl: 'tl',
};

/** Primary language subtag of a BCP-47 tag, lower-cased ("en-GB" → "en", "zh-Hant" → "zh"). */
export function primaryTag(tag: string): string {
  return tag.trim().split(/[-_]/)[0].toLowerCase();
}

/** Is this a syntactically plausible BCP-47 tag (primary subtag of 2–3 letters)? */
export function isLanguageTag(tag: unknown): tag is string {
  if (typeof tag !== 'string') return false;
  // Every draft asks about the same few tags; ICU need not parse them every time.
  let known = tagMemo.get(tag);
  if (known === undefined) {
    try {
      known = Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      known = false;
    }
    if (tagMemo.size > 1000) tagMemo.clear();
    tagMemo.set(tag, known);
  }
  return known;
}
const tagMemo = new Map<string, boolean>();

/** Maps names like "Indonesian" or "bahasa Indonesia" as well as tags to a primary tag. */
export function normaliseLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  // POSIX-style locales (zh_CN, pt_BR) are common in CMS exports: read _ as BCP-47's -.
  if (isLanguageTag(v.replace(/_/g, '-')) && /^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test(v)) return primaryTag(v);
  const lower = v.toLowerCase();
  for (const code of [...SUPPORTED_LANGUAGES, ...Object.values(LATIN)]) {
    for (const inLang of SUPPORTED_LANGUAGES) {
      const name = languageName(code, inLang).toLowerCase();
      if (name && (lower === name || lower === `bahasa ${name}`)) return code;
    }
  }
  return undefined;
}

/** The name of `code` written in `inLanguage` ("id" in "en" → "Indonesian"). */
export function languageName(code: string, inLanguage: string): string {
  const key = `${code}\u0000${inLanguage}`;
  let name = nameMemo.get(key);
  if (name === undefined) {
    name = lookUpName(code, inLanguage);
    if (nameMemo.size > 1000) nameMemo.clear();
    nameMemo.set(key, name);
  }
  return name;
}
const nameMemo = new Map<string, string>();

/**
 * The supported languages' names in each of them, as Intl.DisplayNames gives them (ICU 78): a
 * process's first Intl.DisplayNames loads the platform's name data (~25 ms of a CLI run), and
 * nearly every draft needs only these. test/core/language.test.ts checks that they still agree.
 */
export const KNOWN_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: { en: 'English', id: 'Indonesian', fr: 'French', zh: 'Chinese', ja: 'Japanese', ar: 'Arabic' },
  id: { en: 'Inggris', id: 'Indonesia', fr: 'Prancis', zh: 'Tionghoa', ja: 'Jepang', ar: 'Arab' },
  fr: { en: 'anglais', id: 'indonésien', fr: 'français', zh: 'chinois', ja: 'japonais', ar: 'arabe' },
  zh: { en: '英语', id: '印度尼西亚语', fr: '法语', zh: '中文', ja: '日语', ar: '阿拉伯语' },
  ja: { en: '英語', id: 'インドネシア語', fr: 'フランス語', zh: '中国語', ja: '日本語', ar: 'アラビア語' },
  ar: { en: 'الإنجليزية', id: 'الإندونيسية', fr: 'الفرنسية', zh: 'الصينية', ja: 'اليابانية', ar: 'العربية' },
};

function lookUpName(code: string, inLanguage: string): string {
  const known = KNOWN_NAMES[inLanguage]?.[code];
  if (known !== undefined) return known;
  try {
    // Building an Intl.DisplayNames costs far more than a lookup, and recognition asks per block.
    let names = displayNames.get(inLanguage);
    if (!names) displayNames.set(inLanguage, names = new Intl.DisplayNames([inLanguage], { type: 'language' }));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * Detects the language of prose. Script first (kana → ja, Han → zh, Arabic → ar), which is
 * exact; franc only decides between Latin-script languages, where it is reliable on a paragraph.
 */
export function detectLanguage(text: string): string | undefined {
  // A few paragraphs decide the language reliably; more only costs time on long drafts.
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  let kana = 0, han = 0, arabic = 0, hangul = 0, cyrillic = 0, latin = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f)) arabic++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  const cjk = kana + han;
  const total = cjk + arabic + hangul + cyrillic + latin;
  if (total < 10) return undefined;
  if (kana > 0 && kana >= cjk * 0.1 && cjk >= latin * 0.2) return 'ja';
  if (han >= latin * 0.2 && han > arabic) return 'zh';
  if (arabic > latin) return 'ar';
  if (hangul > latin) return 'ko';
  if (cyrillic > latin) return 'ru';
  if (latin < 20) return undefined;
  const [best] = francAll(sample, { only: Object.keys(LATIN), minLength: 20 });
  if (!best || best[0] === 'und') return undefined;
  return LATIN[best[0]];
}
