import type { Connection } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../core/types.js';
import { toDiagnostic } from './diagnostics.js';
import { enableReasonPrompt } from './code-actions.js';
import { ProjectCache } from './projects.js';
import { packageRootUrl } from '../node/package-root.js';
import { REVIEW_COMMAND, WorkspaceReview } from './review.js';
import { ADD_TO_LEDGER_COMMAND, addToLedger, type AddToLedgerArgs } from './ledger-command.js';
import { startSession, type Session } from './session.js';

export { FIX_ALL_COMMAND } from './session.js';

/**
 * The desktop language server: the shared session (session.ts) with projects read from the file
 * system, plus what needs one: "Review all drafts" and adding a claim to the ledger.
 */
export function startServer(connection: Connection): void {
  const projects = new ProjectCache();
  const baseUrl = packageRootUrl();
  let workspaceFolders: string[] = [];
  const toDiagnostics = (findings: Finding[]) => findings.map((f) => toDiagnostic(f, baseUrl));
  // The review needs the session's documents; the session needs the review's commands.
  let review: WorkspaceReview;
  const session: Session = startSession(connection, {
    projects,
    serverInfo: { name: 'copydesk-ls', version: '0.1.0' },
    pathOf: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined),
    later: (fn) => { const t = setImmediate(fn); return () => clearImmediate(t); },
    packageBaseUrl: () => baseUrl,
    initialize(params) {
      workspaceFolders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
      if (workspaceFolders.length === 0 && params.rootUri?.startsWith('file:')) workspaceFolders = [fileURLToPath(params.rootUri)];
      projects.roots = workspaceFolders;
      // In an untrusted workspace the client says so: use built-in defaults, read nothing from the folder.
      const init = params.initializationOptions as { trusted?: boolean; reasonPrompt?: boolean } | undefined;
      projects.trusted = init?.trusted !== false;
      enableReasonPrompt(init?.reasonPrompt === true);
    },
    annotateOptions: (uri) => {
      const { config } = projects.forDocument(uri);
      return { templates: config.disclaimers, primaryLanguage: config.primaryLanguage };
    },
    commands: {
      [REVIEW_COMMAND]: async (args) => {
        const folders = (args?.[0] as string[] | undefined) ?? workspaceFolders;
        return review.run(folders.map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)));
      },
      [ADD_TO_LEDGER_COMMAND]: async (args) => {
        const request = args?.[0] as AddToLedgerArgs;
        const result = await addToLedger(request, projects.forDocument(request.uri), workspaceFolders, session.documents, connection);
        projects.clear();
        session.relintAll();
        return result;
      },
    },
    // The open draft's pulled diagnostics replace what a workspace review pushed for it.
    onOpen: (uri) => { if (session.pullMode && review.isReviewed(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] }); },
    // A reviewed draft, closed, goes back to its review diagnostics.
    onClose: (uri) => { if (!review.isReviewed(uri)) return false; void review.rerun(); return true; },
    onDependencyChange: () => { void review.rerun(); },
  });
  review = new WorkspaceReview(connection, session.documents, (uri) => projects.forDocument(uri), toDiagnostics, session.locale);
}
