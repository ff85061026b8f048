import type { Rule } from '../rule.js';
import { checkCorrectedClaims } from '../corrections/check.js';

// Matching lives in ../ledger (tokeniser, trie), context and fixes in ../corrections.
export const correctedClaim: Rule = {
  id: 'corrected-claim',
  description: 'The draft repeats a claim that the corrections ledger says was corrected.',
  defaultSeverity: 'error',
  docs: {
    summary: 'A claim this newsroom has already corrected must not be repeated, unless the draft reports it together with its correction.',
    page: 'docs/rules/corrected-claim.md',
  },
  check: checkCorrectedClaims,
};
