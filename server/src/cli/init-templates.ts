/** Starter files written by `copydesk init`: valid as they are, every option explained. */
export const CONFIG_TEMPLATE = `# Copydesk configuration. Reference: docs/ in the copydesk package (and its README).
# Applies to drafts in this folder and below. A nearer .copydesk.yaml takes over (extends: builds on this one).

# The newsroom's original language (BCP-47). A draft in another language is a translation.
# primaryLanguage: en

# Corrections ledger(s), relative to this file (default: corrections.yaml beside it).
ledger: corrections.yaml

# Severity per rule: off, info, warning or error. Error-level findings fail \`copydesk check\`.
rules:
  corrected-claim: error          # repeats a claim the ledger says was corrected
  unattributed-quote: warning     # a direct quotation with no speaker or source
  translation-disclaimer: error   # a machine translation without a disclaimer
  # translation-disclaimer:
  #   severity: error
  #   requireForAllTranslations: false   # true: human translations need one too
  #   position: end                      # where the quick fix inserts it: end or start

# Disclaimer wording per language; {language} becomes the original language's name.
# disclaimers:
#   en: This article was machine-translated from {language}. The original version prevails.
`;

export const LEDGER_TEMPLATE = `# Corrections ledger: claims this newsroom has corrected. Copydesk flags drafts that repeat them.
# Add an entry whenever a correction is published. Each entry:
#   id:         stable, unique (used for merging imports and in CI fingerprints)
#   claim:      the wording that was wrong: a text, a list of variants, or per language
#   correction: the right wording: a text, or one per language (en: …, id: …)
#   note:       what happened (needed when there is no correction text)
#   source:     link to the published correction
#   date:       when it was corrected (YYYY-MM-DD)
#   lang:       language of claim and correction when they are plain texts (optional)
#
# Example:
#   - id: budget-figure-2026-01
#     claim:
#       - city budget of 12 billion
#       - anggaran kota 12 miliar
#     correction:
#       en: city budget of 1.2 billion
#       id: anggaran kota 1,2 miliar
#     note: The figure was misread from the council's table.
#     source: https://example.org/corrections/budget
#     date: 2026-01-15
corrections: []
`;
