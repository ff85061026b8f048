import { pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectDrafts } from '../cli/files.js';
import { readTextFile } from '../node/fs-host.js';
import { lint } from '../core/engine.js';
import type { Project } from '../node/project.js';
import type { Finding } from '../core/types.js';

export const REVIEW_COMMAND = 'copydesk.server.reviewWorkspace';
export const REVIEW_PROGRESS = 'copydesk/reviewProgress';

export interface ReviewSummary { files: number; ready: number; blocked: number; errors: number; warnings: number; infos: number }

/**
 * "Review all drafts": checks every draft in the workspace folders that is not open (open drafts
 * are checked as they are edited) and publishes their diagnostics, so the Problems panel shows
 * the whole desk. Drafts reviewed once are checked again when a config or ledger changes.
 */
export class WorkspaceReview {
  /** Drafts published by a review (not open in the editor), by URI. */
  private readonly reviewed = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly projectFor: (uri: string) => Project,
    private readonly toDiagnostics: (findings: Finding[]) => Diagnostic[],
    private readonly locale: () => string | undefined,
  ) {}

  async run(folders: string[]): Promise<ReviewSummary> {
    const files = folders.flatMap((f) => collectDrafts([f], f).files);
    return this.check(files);
  }

  /** After a config or ledger change: the drafts an earlier review published, again. */
  async rerun(): Promise<void> {
    if (this.reviewed.size) await this.check([...this.reviewed.values()]);
  }

  /** A draft opened in the editor takes over from the review; closed again, the review's result comes back. */
  isReviewed(uri: string): boolean {
    return this.reviewed.has(uri);
  }

  private async check(files: string[]): Promise<ReviewSummary> {
    const summary: ReviewSummary = { files: 0, ready: 0, blocked: 0, errors: 0, warnings: 0, infos: 0 };
    for (let i = 0; i < files.length; i++) {
      const path = files[i];
      const uri = pathToFileURL(path).href;
      const open = this.documents.get(uri);
      const text = open?.getText() ?? readTextFile(path);
      if (text === undefined) continue;
      const project = this.projectFor(uri);
      const kind = /\.(md|markdown)$/i.test(path) ? 'markdown' : 'plaintext';
      const { findings } = lint({ text, kind, path, config: project.config, ledger: project.ledger, locale: this.locale() });
      summary.files++;
      const errors = findings.filter((f) => f.severity === 'error').length;
      summary.errors += errors;
      summary.warnings += findings.filter((f) => f.severity === 'warning').length;
      summary.infos += findings.filter((f) => f.severity === 'info').length;
      if (errors) summary.blocked++; else summary.ready++;
      if (!open) {
        this.reviewed.set(uri, path);
        void this.connection.sendDiagnostics({ uri, diagnostics: this.toDiagnostics(findings) });
      }
      if (i % 25 === 24 || i === files.length - 1) {
        void this.connection.sendNotification(REVIEW_PROGRESS, { done: i + 1, total: files.length });
        // Let edits and requests of open drafts through between batches.
        await new Promise((r) => setImmediate(r));
      }
    }
    return summary;
  }
}
