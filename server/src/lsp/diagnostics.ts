import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import type { Finding, Fix, Severity } from '../core/types.js';
import { ruleById } from '../core/rules/index.js';
import { docsUrl } from '../core/rule.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries so that code actions need nothing but the diagnostic itself. */
export interface DiagnosticData {
  fixes: Fix[];
  extra?: Record<string, unknown>;
}

export function toDiagnostic(f: Finding, packageBaseUrl: string): Diagnostic {
  const rule = ruleById(f.rule);
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'copydesk',
    code: f.rule,
    message: f.message,
    data: { fixes: f.fixes, extra: f.data } satisfies DiagnosticData,
  };
  if (rule) d.codeDescription = { href: docsUrl(rule, packageBaseUrl) };
  if (f.related?.length) {
    d.relatedInformation = f.related.filter((r) => r.path).map((r) => ({
      location: { uri: pathToFileURL(r.path!).href, range: r.range },
      message: r.message,
    }));
  }
  return d;
}
