import { docsUrl, type Rule } from '../../core/rule.js';
import { allRules, ENGINE_RULES } from '../../core/rules/index.js';

export interface RuleMeta { id: string; description: string; summary: string; defaultSeverity: string; helpUri: string }

/** Every rule a report may mention, with its one-line help and its documentation page. */
export function rulesMeta(packageBaseUrl: string): RuleMeta[] {
  return [...allRules(), ...ENGINE_RULES].map((r: Rule) => ({
    id: r.id,
    description: r.description,
    summary: r.docs.summary || r.description,
    defaultSeverity: r.defaultSeverity,
    helpUri: docsUrl(r, packageBaseUrl),
  }));
}
