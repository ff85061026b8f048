import type { Rule } from '../rule.js';

/**
 * Findings the engine itself reports (not prose checks): broken front matter and bad
 * suppression comments. They have ids so they can be configured and documented like rules.
 */
export const frontMatterRule: Rule = {
  id: 'front-matter',
  description: 'The draft\'s front matter is not valid YAML.',
  defaultSeverity: 'error',
  docs: { summary: 'Front matter must be valid YAML so that Copydesk (and your CMS) can read lang and translation fields.', page: 'docs/rules/front-matter.md' },
  check() { /* reported by the engine while parsing */ },
};

export const suppressionRule: Rule = {
  id: 'suppression',
  description: 'A Copydesk comment names an unknown rule or directive.',
  defaultSeverity: 'warning',
  docs: { summary: 'A copydesk-disable comment with a typo silences nothing; this says so.', page: 'docs/rules/suppression.md' },
  check() { /* reported by the engine while reading suppressions */ },
};

export const draftInputRule: Rule = {
  id: 'draft-input',
  description: 'The file is binary or too long to check in full.',
  defaultSeverity: 'warning',
  docs: { summary: 'Copydesk says so when it checked only part of a draft, or none of it.', page: 'docs/rules/draft-input.md' },
  check() { /* reported by the engine before parsing */ },
};
