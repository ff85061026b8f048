import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

// createConnection reads the transport from the command line: --stdio, --node-ipc or --socket=N.
if (process.argv.includes('--help') || process.argv.length <= 2) {
  process.stderr.write('Usage: copydesk-ls --stdio\nThe Copydesk language server; start it from your editor\'s LSP client.\n');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}
const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => connection.console.error(`Copydesk: ${err.stack ?? err}`));
startServer(connection);
