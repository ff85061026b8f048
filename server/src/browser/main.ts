// Entry of the browser-worker language server (dist/web/server.js): LSP over postMessage.
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { startWebServer } from './server.js';

// The repository's tsconfig has no DOM/webworker lib (it would clash with @types/node): declare
// the little of the worker scope used here.
interface WorkerScope {
  addEventListener(type: 'error', listener: (e: { error?: Error; message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: { reason: unknown }) => void): void;
}
declare const self: WorkerScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));
self.addEventListener('error', (e) => connection.console.error(`Copydesk: ${e.error?.stack ?? e.message}`));
self.addEventListener('unhandledrejection', (e) => connection.console.error(`Copydesk: ${(e.reason as Error)?.stack ?? e.reason}`));
startWebServer(connection);
