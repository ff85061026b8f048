import { summarise, type FileReport } from '../report.js';

/** The versioned JSON contract: 0-based lines and UTF-16 characters, as in LSP. Do not change keys. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify({
    version: 1,
    files: reports.map((r) => ({
      path: r.path,
      language: r.language ?? null,
      findings: r.findings.map((f) => ({
        rule: f.rule, severity: f.severity, message: f.message, range: f.range,
        fixes: f.fixes.map((x) => ({ title: x.title, isPreferred: x.isPreferred, edits: x.edits })),
      })),
    })),
    summary: summarise(reports),
  }, null, 2) + '\n';
}
