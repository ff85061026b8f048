// Browser bundles for vscode.dev / github.dev: the language server as a web worker
// (dist/web/server.js) and the web extension entry (dist/web/extension.js, package.json "browser").
// The entry is CommonJS but must end in .js: VS Code's web extension host appends ".js" to a
// `browser` entry that does not (ensureSuffix), so "extension.cjs" would be fetched as
// "extension.cjs.js". The web host fetches and wraps the file, so "type": "module" does not apply.
//
// Both are built with platform 'browser'. Node built-ins cannot be bundled there: any import of
// one fails the build (with the importer named), which is how the build keeps them out. One
// substitution keeps the shared code usable without changing it: `node:url` imported by
// server/src/lsp/diagnostics.ts (pathToFileURL for related information) becomes
// server/src/browser/node-url-shim.ts: on the web, ledger "paths" are already URIs.
//
// The core's JSON-schema validators are Ajv standalone code committed under
// server/src/core/generated/ (scripts/gen-config-validator.mjs), so no `new Function` runs in the
// worker: it works under a Content-Security-Policy without 'unsafe-eval'. Importing `ajv` itself
// (its compiler) anywhere in these bundles fails the build.
//
// Usage: `node scripts/build-web.mjs`, or `import { buildWeb } from './build-web.mjs'`.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const posix = (p) => relative(ROOT, p).split(sep).join('/');

/** Where a node built-in may be replaced by a browser shim: importer (repo-relative) → module → shim. */
const SHIMS = {
  'server/src/lsp/diagnostics.ts': { 'node:url': 'server/src/browser/node-url-shim.ts' },
};

/** esbuild plugin: the substitution above, and a clear error for Ajv or any other node built-in. */
function webPlugin() {
  return {
    name: 'copydesk-web',
    setup(b) {
      b.onResolve({ filter: /^ajv(\/|$)/ }, (args) => ({
        errors: [{ text: `"${args.path}" imported by ${posix(args.importer)}: the web bundles validate with the generated validators in server/src/core/generated/ (npm run gen:validators), not Ajv` }],
      }));
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (!BUILTINS.has(args.path)) return undefined;
        const importer = posix(args.importer);
        const shim = SHIMS[importer]?.[args.path];
        if (shim) return { path: join(ROOT, shim) };
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${importer}: the web bundles must not use Node built-ins` }] };
      });
    },
  };
}

const common = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  minify: true,
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: ROOT,
  // Both run in web workers (the language server, and VS Code's web extension host): no DOM.
  // "worker" picks a package's worker build where it has one before its DOM build ("browser"),
  // e.g. decode-named-character-reference (used by remark), whose DOM build needs `document`.
  conditions: ['worker'],
  // Some dependencies still read process.env.NODE_ENV; browsers have no `process`.
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * Builds dist/web/server.js (classic worker script) and dist/web/extension.js (CommonJS, as VS
 * Code's web extension host loads it). Returns the output sizes in bytes by file name.
 */
export async function buildWeb({ outdir = join(ROOT, 'dist', 'web') } = {}) {
  const plugins = [webPlugin()];
  const [server, extension] = await Promise.all([
    build({ ...common, plugins, entryPoints: [join(ROOT, 'server/src/browser/main.ts')], outfile: join(outdir, 'server.js'), format: 'iife' }),
    build({ ...common, plugins, entryPoints: [join(ROOT, 'client/src/web/extension.ts')], outfile: join(outdir, 'extension.js'), format: 'cjs', external: ['vscode'] }),
  ]);
  const sizes = {};
  for (const result of [server, extension]) {
    for (const [file, out] of Object.entries(result.metafile.outputs)) if (!file.endsWith('.map')) sizes[relative(outdir, join(ROOT, file)).split(sep).join('/')] = out.bytes;
    // Belt and braces: nothing node-only may have slipped in through a dependency's own shims.
    const inputs = Object.keys(result.metafile.inputs).filter((i) => /(^|[/:])node:|^node_modules\/@types\/node/.test(i));
    if (inputs.length) throw new Error(`web bundle pulls in Node-only inputs: ${inputs.join(', ')}`);
  }
  return sizes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await buildWeb();
  for (const [file, bytes] of Object.entries(sizes)) console.log(`dist/web/${file}  ${(bytes / 1024).toFixed(0)} KiB`);
}
