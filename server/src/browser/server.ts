import type { Connection } from 'vscode-languageserver';
import { READ_FILES_REQUEST, WebProjects, type ReadFilesParams, type ReadFilesResult } from './project.js';
import { uriPath } from './uri-host.js';
import { startSession } from '../lsp/session.js';

export { FIX_ALL_COMMAND } from '../lsp/session.js';

/** What the web extension passes in `initializationOptions`. */
export interface WebInitializationOptions {
  /** False in an untrusted workspace: built-in defaults only, nothing read from the folder. */
  trusted?: boolean;
  /** Base URL of the installed extension (rule docs live under docs/rules/). */
  packageBaseUrl?: string;
}

/**
 * The language server for a browser worker (vscode.dev, github.dev): the same session as the
 * desktop server (lsp/session.ts); what differs is where files come from. The worker has no file
 * system, so the config and ledgers of a draft are read through the client (`copydesk/readFiles`,
 * answered from VS Code's workspace file system). Adding to the ledger (a file write) and the
 * workspace review are not offered here.
 */
export function startWebServer(connection: Connection): void {
  let readFilesWorks = true;
  const projects = new WebProjects(async (uris) => {
    if (!readFilesWorks) return uris.map(() => null);
    try {
      return await connection.sendRequest<ReadFilesResult>(READ_FILES_REQUEST, { uris } satisfies ReadFilesParams);
    } catch (err) {
      // A client without the request (a generic web LSP client): check with built-in defaults.
      readFilesWorks = false;
      connection.console.warn(`Copydesk: the client cannot read project files (${(err as Error).message}); using built-in defaults.`);
      return uris.map(() => null);
    }
  });
  let baseUrl = '';
  startSession(connection, {
    projects,
    serverInfo: { name: 'copydesk-ls (web)', version: '0.1.0' },
    pathOf: uriPath,
    // No setImmediate in a worker.
    later: (fn) => { const t = setTimeout(fn, 0); return () => clearTimeout(t); },
    packageBaseUrl: () => baseUrl,
    initialize(params) {
      const options = (params.initializationOptions ?? {}) as WebInitializationOptions;
      projects.trusted = options.trusted !== false;
      baseUrl = options.packageBaseUrl ?? '';
      projects.workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    },
  });
}
