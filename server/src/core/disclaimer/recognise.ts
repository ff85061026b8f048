import type { DraftDocument } from '../document.js';
import type { ProseBlock } from '../prose-block.js';
import { SUPPORTED_LANGUAGES } from '../language.js';
import { BUILT_IN_TEMPLATES, namesOf } from './templates.js';

export interface RecognisedDisclaimer {
  block: ProseBlock;
  /** Language the disclaimer is written in. */
  language: string;
  /** Languages it names (primary tags), e.g. the original and the versions it lists. */
  namesLanguages: string[];
}

/** Lower case, compatibility forms folded, Latin accents and Arabic hamza variants removed. */
export function normalise(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFKC').toLowerCase()
    .replace(/[إأآ]/g, 'ا').replace(/[\u064B-\u0652]/g, '').replace(/\s+/g, ' ');
}

// Each language: the words that say "machine/AI" and the words that say "translation".
// Both must appear: "AI" alone is a story topic, "translated" alone may be a human translation.
const CUES: Record<string, { machine: RegExp; translation: RegExp }> = {
  en: {
    machine: /\b(machine|automatic(ally)?|ai|artificial intelligence|software|google translate|deepl)\b|\bai-|machine-/,
    translation: /\btranslat\w*|\b(\w+ )?versions?\b|\bgenerated\b/,
  },
  id: { machine: /\b(mesin|otomatis|ai|kecerdasan buatan|google translate)\b/, translation: /\b(di)?terjemah\w*|penerjemah\w*|\bversi\b/ },
  fr: { machine: /\b(automatique(ment)?|ia|machine|intelligence artificielle|logiciel)\b/, translation: /\btradu\w*|\bversion/ },
  zh: { machine: /机器|自动|ai|人工智能|机翻/, translation: /翻译|译|版本|生成/ },
  ja: { machine: /機械|自動|ai|人工知能/, translation: /翻訳|生成|版/ },
  ar: { machine: /آلي|الي|تلقائي|الذكاء الاصطناعي|ذكاء اصطناعي/, translation: /ترجم|الترجمة|مترجم|نسخة|النسخة/ },
};

const QUOTE_OPEN = /["“«「『„]/;

/** A standalone block that discloses machine translation, in whichever language it is written. */
export function findDisclaimers(doc: DraftDocument, templates: Record<string, string>): RecognisedDisclaimer[] {
  const found: RecognisedDisclaimer[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.text.length > 700) continue;
    const text = normalise(block.text);
    // A quotation about machine translation inside the story is not the newsroom's disclaimer.
    if (QUOTE_OPEN.test(text.trimStart()[0] ?? '')) continue;
    if (doc.sentences(block).length > 4) continue;
    const language = disclaimerLanguage(text, templates);
    if (!language) continue;
    found.push({ block, language, namesLanguages: languagesNamed(text, language) });
  }
  return found;
}

function disclaimerLanguage(text: string, templates: Record<string, string>): string | undefined {
  // A configured template is the newsroom's own wording: recognise it first, by its words.
  for (const [lang, template] of Object.entries(templates)) {
    if (templateMatches(text, template)) return lang;
  }
  for (const lang of SUPPORTED_LANGUAGES) {
    const cue = CUES[lang];
    const m = cue.machine.exec(text);
    if (!m || !cue.translation.test(text)) continue;
    if (insideQuotes(text, m.index)) continue;
    // Latin-script cues overlap ("ai", "version"): confirm the language with a built-in template word.
    if (['en', 'id', 'fr'].includes(lang) && !latinLanguageFits(text, lang)) continue;
    return lang;
  }
  for (const [lang, template] of Object.entries(BUILT_IN_TEMPLATES)) {
    if (templateMatches(text, template)) return lang;
  }
  return undefined;
}

const FUNCTION_WORDS: Record<string, RegExp> = {
  en: /\b(the|this|is|are|was|by|and|of|please|may)\b/,
  id: /\b(ini|dan|yang|dengan|oleh|dari|adalah|bahasa)\b/,
  fr: /\b(le|la|les|cet|cette|est|par|et|de|des|une?)\b/,
};

function latinLanguageFits(text: string, lang: string): boolean {
  const own = (text.match(new RegExp(FUNCTION_WORDS[lang].source, 'g')) ?? []).length;
  return Object.entries(FUNCTION_WORDS).every(([other, re]) => other === lang || own >= (text.match(new RegExp(re.source, 'g')) ?? []).length);
}

function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = (before.match(/[“«「『„]/g) ?? []).length > (before.match(/[”»」』“]/g) ?? []).length;
  return straight || curly;
}

function templateMatches(text: string, template: string): boolean {
  const words = normalise(template.replace(/\{language\}/g, ' ')).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
  if (words.length === 0) return false;
  const cjk = /[\u3040-\u30ff\u4e00-\u9fff]/.test(template);
  if (cjk) {
    const plain = normalise(template).split('{language}').map((s) => s.replace(/[、，。（）()：:]/g, '')).filter((s) => s.length >= 2);
    return plain.filter((s) => text.includes(s)).length >= Math.ceil(plain.length * 0.6);
  }
  const hits = words.filter((w) => new RegExp(`(^|[^\\p{L}])${escape(w)}($|[^\\p{L}])`, 'u').test(text)).length;
  return hits / words.length >= 0.8;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Which languages a disclaimer names, judged by their names in its own language (and English). */
export function languagesNamed(text: string, inLanguage: string): string[] {
  const named: string[] = [];
  for (const code of SUPPORTED_LANGUAGES) {
    for (const name of namesOf(code, inLanguage)) {
      const n = normalise(name);
      const re = /[\u3040-\u30ff\u4e00-\u9fff\u0600-\u06ff]/.test(n) ? new RegExp(escape(n)) : new RegExp(`(^|[^\\p{L}])${escape(n)}($|[^\\p{L}])`, 'u');
      if (re.test(text)) { named.push(code); break; }
    }
  }
  return named;
}
