// Bundles the extension client, the language server and the CLI with esbuild.
// Everything ships as CommonJS (.cjs): VS Code loads extensions with require().
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { buildWeb } from './build-web.mjs';

// The server's Node options ride on its shebang (`env -S`, which npm's Windows shims also read).
const { execArgv: serverArgv } = JSON.parse(readFileSync(new URL('../server/src/node/server-runtime.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs', banner: { js: `#!/usr/bin/env -S node ${serverArgv.join(' ')}` } }),
  // The CLI: a small launcher (the bin) that loads the bundle through V8's code cache.
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli-main.cjs' }),
  build({ ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
]);

// The bins must be executable: on a fresh `npm ci` npm links them before `prepare` builds them,
// so it cannot set the mode itself.
for (const bin of ['dist/cli.cjs', 'dist/server.cjs']) chmodSync(bin, 0o755);

// The same core and server for a browser worker (vscode.dev, github.dev).
await buildWeb();
