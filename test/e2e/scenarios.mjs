// What the editor tests expect, per rule: one fixture draft in test/e2e/workspace/ that shows the
// rule, the finding it must produce, the fixes offered and the text after the preferred fix
// (test/e2e/expected/<name>.fixed.md, which is also the text after "Fix all").
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(E2E_DIR, '../..');
export const WORKSPACE_FIXTURE = path.join(E2E_DIR, 'workspace');
export const ARTIFACTS = path.join(REPO, 'test-artifacts', 'e2e');

const DISCLAIMER_MESSAGE = 'Machine translation from Indonesian into English has no disclaimer. Tell readers the article was machine-translated and name Indonesian as the original language.';
const CLAIM_MESSAGE = 'This repeats a corrected claim: "NATO classified network". Corrected on 2026-03-04: "NATO unclassified network"';
const QUOTE_MESSAGE = 'Who said this? The quote has no attribution.';

/** Ranges are LSP ranges: 0-based lines and UTF-16 characters, end exclusive. */
const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

export const SCENARIOS = [
  {
    rule: 'translation-disclaimer',
    file: 'mt-missing-disclaimer.md',
    severity: 'error',
    message: DISCLAIMER_MESSAGE,
    range: range(7, 0, 7, 31), // the title "# OpenAI weighs a NATO contract"
    actions: ['Add the English translation disclaimer'],
    preferred: 'Add the English translation disclaimer',
    status: { errors: 1, warnings: 0 },
  },
  {
    rule: 'corrected-claim',
    file: 'followup-nato.md',
    severity: 'error',
    message: CLAIM_MESSAGE,
    range: range(2, 30, 2, 53), // "NATO classified network"
    actions: ["Replace with 'NATO unclassified network'"],
    preferred: "Replace with 'NATO unclassified network'",
    status: { errors: 1, warnings: 0 },
  },
  {
    rule: 'unattributed-quote',
    file: 'quote-unattributed.md',
    severity: 'warning',
    message: QUOTE_MESSAGE,
    range: range(4, 0, 4, 53), // the whole quotation, marks included
    actions: ['Attribute to Sam Altman'],
    preferred: 'Attribute to Sam Altman',
    status: { errors: 0, warnings: 1 },
  },
];

/** A draft showing all three findings at once; "Fix all" must clear them. */
export const ALL_THREE = {
  file: 'all-three.md',
  findings: [
    { rule: 'translation-disclaimer', severity: 'error', message: DISCLAIMER_MESSAGE, range: range(7, 0, 7, 27) },
    { rule: 'corrected-claim', severity: 'error', message: CLAIM_MESSAGE, range: range(9, 40, 9, 63) },
    { rule: 'unattributed-quote', severity: 'warning', message: QUOTE_MESSAGE, range: range(13, 0, 13, 53) },
  ],
  status: { errors: 2, warnings: 1 },
};

/**
 * The same three findings, but the quotation is the last paragraph, so its preferred fix and the
 * disclaimer (appended at the end of the last paragraph) insert at the same point. "Fix all"
 * must still fix all three (the CLI's --fix does, by repeating passes).
 */
export const SAME_POINT = { ...ALL_THREE, file: 'quote-at-end-mt.md' };

export const original = (file) => fs.readFileSync(path.join(WORKSPACE_FIXTURE, file), 'utf8');
export const fixed = (file) => fs.readFileSync(path.join(E2E_DIR, 'expected', file.replace(/\.md$/, '.fixed.md')), 'utf8');

/** A fresh copy of test/e2e/workspace in a temp folder (the tests edit and save drafts). */
export async function copyWorkspace(prefix = 'copydesk-e2e-ws-') {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  await fsp.cp(WORKSPACE_FIXTURE, dir, { recursive: true });
  return dir;
}

/**
 * In a mocha before(): skip with a reason when a tool is missing, except in CI (CI=true or
 * COPYDESK_E2E_REQUIRE=1), where a missing tool is a failure: CI installs them with setup.sh.
 */
export function requireTool(ctx, available, what) {
  if (available) return;
  const reason = `not installed: ${what}; run \`bash test/e2e/setup.sh\``;
  const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '') || process.env.COPYDESK_E2E_REQUIRE === '1';
  if (ci) throw new Error(`${reason} (CI=${process.env.CI ?? ''}: missing tools fail instead of skipping)`);
  console.log(`      skipped: ${reason}`);
  ctx.skip();
}

export const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
