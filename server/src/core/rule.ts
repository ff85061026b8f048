import type { DraftDocument } from './document.js';
import type { ResolvedConfig } from './config.js';
import type { Ledger } from './ledger/types.js';
import type { Translate } from './l10n.js';
import type { Report, Severity } from './types.js';

export interface RuleDocs {
  /** One sentence a journalist understands. */
  summary: string;
  /** Path of the rule's documentation page inside the repository. */
  page: string;
}

export interface RuleContext {
  document: DraftDocument;
  config: ResolvedConfig;
  /** This rule's options from the config (`rules.<id>` object form). */
  options: Record<string, unknown>;
  ledger: Ledger;
  /** Localises a message: English text as key, {0}… arguments. */
  t: Translate;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  check(context: RuleContext): void;
}

/**
 * URL of a rule's documentation. The docs ship with the package (and the .vsix), so the base is
 * the installed package folder as a file: URL, which works offline and opens in the editor.
 */
export function docsUrl(rule: Pick<Rule, 'docs'>, packageBaseUrl: string): string {
  return packageBaseUrl.replace(/\/?$/, '/') + rule.docs.page;
}
