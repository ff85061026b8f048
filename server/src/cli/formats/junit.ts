import type { FileReport } from '../report.js';

// XML 1.0 cannot carry most control characters even escaped: drop them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xml = (s: string) => s.replace(CONTROL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * JUnit XML for CI test tabs: one test suite per draft, one test case per finding. Error-level
 * findings are failures (they fail the run); warnings and infos pass, with the message kept as
 * output. A clean draft has one passing case, so it shows up too.
 */
export function formatJunit(reports: readonly FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of reports) {
    const cases: string[] = [];
    let fileFailures = 0;
    for (const f of r.findings) {
      const at = `${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const name = xml(`${f.rule} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
      const head = `    <testcase classname="${xml(r.path)}" name="${name}" file="${xml(r.path)}" line="${f.range.start.line + 1}">`;
      if (f.severity === 'error') {
        fileFailures++;
        cases.push(`${head}\n      <failure type="${xml(f.rule)}" message="${xml(f.message)}">${xml(`${at} ${f.severity} ${f.message} (${f.rule})`)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}\n      <system-out>${xml(`${at} ${f.severity} ${f.message} (${f.rule})`)}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(r.path)}" name="no findings" file="${xml(r.path)}"/>`);
    tests += cases.length;
    failures += fileFailures;
    suites.push(`  <testsuite name="${xml(r.path)}" tests="${cases.length}" failures="${fileFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="copydesk" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
