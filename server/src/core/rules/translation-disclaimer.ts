import type { Rule, RuleContext } from '../rule.js';
import type { OffsetFix } from '../types.js';
import { languageName } from '../language.js';
import { translationStatus } from '../disclaimer/status.js';
import { findDisclaimers, type RecognisedDisclaimer } from '../disclaimer/recognise.js';
import { disclaimerText } from '../disclaimer/templates.js';
import { lineBreakNear } from '../text-utils.js';
import { sourceRange } from '../prose-block.js';

/**
 * A machine-translated article must tell readers so, in the article's own language, naming the
 * original language (EU AI Act Art. 50(4) from August 2026; newsroom practice before that).
 */
export const translationDisclaimer: Rule = {
  id: 'translation-disclaimer',
  description: 'A machine-translated draft must carry a disclaimer in its own language naming the original language.',
  defaultSeverity: 'error',
  docs: {
    summary: 'Machine translations need a reader-facing disclaimer naming the original language.',
    page: 'docs/rules/translation-disclaimer.md',
  },
  check(context) {
    const { document: doc, config, options, t } = context;
    const status = translationStatus(doc, config.primaryLanguage);
    const disclaimers = findDisclaimers(doc, config.disclaimers, status?.method === 'human');
    const lang = doc.language;

    if (!status) {
      for (const d of disclaimers) {
        context.report({
          start: d.block.start, end: d.block.end, severity: 'info',
          message: t('This looks like a machine-translation disclaimer, but the draft is not marked as a translation. Add translated_from to the front matter, or remove the disclaimer.'),
          data: { disclaimerLanguage: d.language },
        });
      }
      return;
    }
    const required = status.method === 'machine' || options.requireForAllTranslations === true;
    if (!required || (status.reviewed && options.exemptReviewed === true) || !lang) return;

    const fromName = languageName(status.from, t.locale ?? 'en');
    const langName = languageName(lang, t.locale ?? 'en');
    // The built-in templates say "machine-translated": never offer them for a human translation.
    const text = status.method === 'human' ? configuredText(lang, status.from, config.disclaimers) : disclaimerText(lang, status.from, config.disclaimers);
    const own = disclaimers.find((d) => d.language === lang);

    if (!own) {
      const foreign = disclaimers[0];
      if (foreign) {
        context.report({
          start: foreign.block.start, end: foreign.block.end, severity: 'warning',
          message: t('The translation disclaimer is in {0}, but this draft is in {1}. Readers need it in their language.', languageName(foreign.language, t.locale ?? 'en'), langName),
          fixes: text ? [replaceFix(context, foreign, text, t('Replace with the {0} disclaimer', langName))] : [],
          data: { disclaimerLanguage: foreign.language, from: status.from },
        });
        return;
      }
      const title = titleRange(context);
      context.report({
        ...title,
        message: status.method === 'human'
          ? t('Translation from {0} into {1} has no translation note. Tell readers the article was translated and name {0} as the original language.', fromName, langName)
          : t('Machine translation from {0} into {1} has no disclaimer. Tell readers the article was machine-translated and name {0} as the original language.', fromName, langName),
        fixes: text ? [insertFix(context, text, t('Add the {0} translation disclaimer', langName))] : [],
        data: { from: status.from, language: lang, basis: status.basis },
      });
      return;
    }
    const others = own.namesLanguages.filter((l) => l !== lang);
    if (!own.namesLanguages.includes(status.from)) {
      context.report({
        start: own.block.start, end: own.block.end, severity: 'warning',
        message: others.length
          ? t('The disclaimer names {0} as the original language, but the front matter says {1}.', others.map((l) => languageName(l, t.locale ?? 'en')).join(', '), fromName)
          : t('The disclaimer does not name the original language ({0}).', fromName),
        fixes: text ? [replaceFix(context, own, text, t('Replace with the standard disclaimer naming {0}', fromName))] : [],
        data: { disclaimerLanguage: own.language, from: status.from },
      });
    }
  },
};

function configuredText(language: string, original: string, configured: Record<string, string>): string | undefined {
  return configured[language] ? disclaimerText(language, original, configured) : undefined;
}

function titleRange(context: RuleContext): { start: number; end: number } {
  const doc = context.document;
  const heading = doc.blocks.find((b) => b.kind === 'heading');
  const first = heading ?? doc.blocks[0];
  if (first) {
    const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(first.start));
    return { start: first.start, end: Math.max(first.start + 1, Math.min(first.end, lineEnd)) };
  }
  const at = doc.frontMatter?.end ?? 0;
  return { start: at, end: at };
}

const BLANK_LINE = /^[ \t]*(?:\r\n|\r|\n)/;

function insertFix(context: RuleContext, text: string, title: string): OffsetFix {
  const doc = context.document;
  const position = context.options.position === 'start' ? 'start' : 'end';
  if (position === 'start') {
    const heading = doc.blocks[0]?.kind === 'heading' ? doc.blocks[0] : undefined;
    let at = heading ? doc.lines.lineEnd(doc.lines.lineOf(heading.end)) : doc.frontMatter?.end ?? 0;
    // Without a title the disclaimer goes before the first paragraph, after the blank lines that
    // follow the front matter, so the front matter keeps its spacing and no blank line doubles.
    if (!heading) for (let m = BLANK_LINE.exec(doc.text.slice(at)); m; m = BLANK_LINE.exec(doc.text.slice(at))) at += m[0].length;
    const nl = lineBreakNear(doc.text, at);
    const newText = heading ? `${nl}${nl}${text}` : `${text}${nl}${nl}`;
    return { title, isPreferred: true, edits: [{ start: at, end: at, newText }] };
  }
  // Keep the article's spacing: one blank line before the disclaimer, the rest as it was.
  let at = doc.endInsertOffset;
  while (at > 0 && /\s/.test(doc.text[at - 1])) at--;
  const nl = lineBreakNear(doc.text, at);
  const rest = doc.text.slice(at);
  const after = rest === '' ? nl : /^(\r\n|\r|\n)/.test(rest) ? '' : nl + nl;
  const newText = at === 0 ? `${text}${after}` : `${nl}${nl}${text}${after}`;
  return { title, isPreferred: true, edits: [{ start: at, end: at, newText }] };
}

function replaceFix(context: RuleContext, d: RecognisedDisclaimer, text: string, title: string): OffsetFix {
  const { start, end } = contentRange(context, d);
  return { title, isPreferred: true, edits: [{ start, end, newText: text }] };
}

/** The disclaimer's prose without Markdown emphasis markers, so the replacement keeps them. */
function contentRange(_context: RuleContext, d: RecognisedDisclaimer): { start: number; end: number } {
  const b = d.block;
  return sourceRange(b, 0, b.text.length);
}
