import { languageName } from '../language.js';

/**
 * Built-in disclaimer templates. {language} is the original language's name written in the
 * draft's language. Each says what happened (machine translation), from which language, and
 * which version is authoritative — what EU AI Act Art. 50(4) disclosure and desk practice ask.
 */
export const BUILT_IN_TEMPLATES: Record<string, string> = {
  en: 'This article was machine-translated from {language} and may contain translation errors. The original {language} version prevails.',
  id: 'Artikel ini diterjemahkan dari bahasa {language} dengan mesin penerjemah dan mungkin mengandung kesalahan terjemahan. Versi asli berbahasa {language} yang berlaku.',
  fr: "Cet article a été traduit automatiquement (langue d'origine : {language}) et peut contenir des erreurs de traduction. La version originale fait foi.",
  zh: '本文由机器从{language}翻译而来，可能存在翻译错误，请以{language}原文为准。',
  ja: 'この記事は{language}から機械翻訳されたもので、翻訳に誤りが含まれる可能性があります。原文（{language}）が優先されます。',
  ar: 'تُرجم هذا المقال آليًا من {language}، وقد يحتوي على أخطاء في الترجمة. النص الأصلي باللغة {language} هو المعتمد.',
};

/** Extra names newsrooms use for a language, by the language they are written in. */
const ALIASES: Record<string, Record<string, string[]>> = {
  id: { zh: ['Mandarin', 'Cina', 'China'], id: ['bahasa Indonesia'] },
  zh: { id: ['印尼语', '印尼文', '印度尼西亚文'], en: ['英文'], fr: ['法文'], ja: ['日文'], ar: ['阿拉伯文'] },
  ja: { zh: ['中文'], en: ['英文'] },
  en: { zh: ['Mandarin'] },
  // Names without a word boundary match as substrings, so the masculine adjective (الأصل الإندونيسي)
  // also covers the feminine one.
  ar: { id: ['الاندونيسية', 'اللغة الإندونيسية', 'الإندونيسي'], en: ['الانجليزية', 'الإنكليزية', 'الإنجليزي'] },
  fr: {},
};

/** Names of `code` a disclaimer written in `inLanguage` may use. */
export function namesOf(code: string, inLanguage: string): string[] {
  const names = new Set([languageName(code, inLanguage), ...(ALIASES[inLanguage]?.[code] ?? [])]);
  if (inLanguage !== 'en') names.add(languageName(code, 'en'));
  return [...names].filter((n) => n && n !== code);
}

/** The disclaimer text for a draft in `language` translated from `original`. */
export function disclaimerText(language: string, original: string, configured: Record<string, string>): string | undefined {
  const template = configured[language] ?? BUILT_IN_TEMPLATES[language];
  if (!template) return undefined;
  return template.replace(/\{language\}/g, languageName(original, language));
}
