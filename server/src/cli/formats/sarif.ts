import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Finding, Range } from '../../core/types.js';
import type { FileReport } from '../report.js';
import type { RuleMeta } from './rules-meta.js';

export interface SarifContext { version: string; cwd: string; rules: RuleMeta[]; packageBaseUrl: string }

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
/** Key under partialFingerprints; bump the version if the recipe below ever changes. */
export const FINGERPRINT_KEY = 'copydeskFindingHash/v1';

/** SARIF regions are 1-based; end column is the one after the last character (exclusive). */
const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

const normalise = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Fingerprint that survives edits elsewhere in the draft (no line numbers): rule, file, the
 * normalised flagged text and, for corrected claims, the ledger id. Identical findings in one
 * file are told apart by their order of appearance.
 */
export function fingerprints(report: FileReport): string[] {
  const seen = new Map<string, number>();
  return report.findings.map((f, i) => {
    const ledgerId = typeof f.data?.ledgerId === 'string' ? f.data.ledgerId : '';
    const key = [f.rule, report.path, normalise(report.matches?.[i] ?? ''), ledgerId].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

/** SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, VS Code SARIF viewer). */
export function formatSarif(reports: readonly FileReport[], ctx: SarifContext): string {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) => {
    const prints = fingerprints(r);
    return r.findings.map((f, i) => result(r, f, i, prints[i], ruleIndex.get(f.rule)));
  });
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Copydesk',
          version: ctx.version,
          semanticVersion: ctx.version,
          // The README that ships with the package: works offline, like the rules' helpUri.
          informationUri: ctx.packageBaseUrl.replace(/\/?$/, '/') + 'README.md',
          rules: ctx.rules.map((m) => ({
            id: m.id,
            name: m.id.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase()),
            shortDescription: { text: m.description },
            fullDescription: { text: m.summary },
            help: { text: `${m.summary}\nDocumentation: ${m.helpUri}`, markdown: `${m.summary}\n\n[Documentation](${m.helpUri})` },
            helpUri: m.helpUri,
            defaultConfiguration: { level: LEVEL[m.defaultSeverity as keyof typeof LEVEL] ?? 'warning' },
            properties: { tags: ['editorial'] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(r: FileReport, f: Finding, i: number, print: string, index: number | undefined) {
  // Drafts outside the working folder have no relative path: give them an absolute file URL.
  const artifactLocation = r.path === r.absPath.split('\\').join('/') ? { uri: pathToFileURL(r.absPath).href } : { uri: encodeURI(r.path), uriBaseId: 'SRCROOT' };
  const match = r.matches?.[i];
  const preferred = f.fixes.find((x) => x.isPreferred);
  return {
    ruleId: f.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation,
        region: { ...region(f.range), ...(match ? { snippet: { text: match } } : {}) },
        ...(r.contexts?.[i] !== undefined ? { contextRegion: { startLine: f.range.start.line + 1, snippet: { text: r.contexts[i].text } } } : {}),
      },
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: print },
    ...(typeof f.data?.ledgerId === 'string' ? { properties: { ledgerId: f.data.ledgerId } } : {}),
    ...(preferred ? {
      fixes: [{
        description: { text: preferred.title },
        artifactChanges: [{ artifactLocation, replacements: preferred.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
      }],
    } : {}),
  };
}
