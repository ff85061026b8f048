import type { Rule } from '../rule.js';
import { correctedClaim } from './corrected-claim.js';
import { unattributedQuote } from './unattributed-quote.js';
import { translationDisclaimer } from './translation-disclaimer.js';
import { draftInputRule, frontMatterRule, suppressionRule } from './engine-rules.js';

const RULES: Rule[] = [correctedClaim, unattributedQuote, translationDisclaimer];

/** Engine-level checks, reported while parsing: not prose rules, but configurable like them. */
export const ENGINE_RULES: readonly [Rule, Rule, Rule] = [frontMatterRule, suppressionRule, draftInputRule];

/** The prose rules, in the order they run. */
export function allRules(): readonly Rule[] {
  return RULES;
}

export function ruleById(id: string): Rule | undefined {
  return [...RULES, ...ENGINE_RULES].find((r) => r.id === id);
}
