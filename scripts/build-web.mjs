// Browser bundles for vscode.dev / github.dev: the language server as a web worker
// (dist/web/server.js) and the web extension entry (dist/web/extension.js, package.json "browser").
// The entry is CommonJS but must end in .js: VS Code's web extension host appends ".js" to a
// `browser` entry that does not (ensureSuffix), so "extension.cjs" would be fetched as
// "extension.cjs.js". The web host fetches and wraps the file, so "type": "module" does not apply.
//
// Both are built with platform 'browser'. Node built-ins cannot be bundled there: any import of
// one fails the build (with the importer named), which is how the build keeps them out. Two
// substitutions keep the shared code usable without changing it:
//  - `ajv` imported by the core (config.ts, ledger/parse.ts) becomes precompiled validators (ajv
//    standalone code generated here from schemas/*.schema.json), so no `new Function` runs in
//    the worker: it works under a Content-Security-Policy without 'unsafe-eval'.
//  - `node:url` imported by server/src/lsp/diagnostics.ts (pathToFileURL for related information)
//    becomes server/src/browser/node-url-shim.ts: on the web, ledger "paths" are already URIs.
//
// Usage: `node scripts/build-web.mjs`, or `import { buildWeb } from './build-web.mjs'`.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const posix = (p) => relative(ROOT, p).split(sep).join('/');

/** Where a node built-in may be replaced by a browser shim: importer (repo-relative) → module → shim. */
const SHIMS = {
  'server/src/lsp/diagnostics.ts': { 'node:url': 'server/src/browser/node-url-shim.ts' },
};

/**
 * JSON schemas the core validates with Ajv, precompiled with the options the core uses
 * ({ allErrors: true, strict: false } in server/src/core/config.ts and core/ledger/parse.ts).
 * `compile: true`: for ajv.compile(schema); `refs`: for ajv.addSchema(schema) + ajv.getSchema(id + ref).
 */
const PRECOMPILED = [
  { file: 'schemas/copydesk.schema.json', compile: true },
  { file: 'schemas/corrections.schema.json', refs: ['#/definitions/entry'] },
];

function precompile() {
  return PRECOMPILED.map(({ file, compile, refs = [] }) => {
    const schema = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true } });
    const exports = {};
    if (compile) exports.compiled = ajv.compile(schema);
    else ajv.addSchema(schema);
    refs.forEach((ref, i) => { exports[`ref${i}`] = `${schema.$id}${ref}`; });
    const code = compile && !refs.length ? standaloneCode(ajv, exports.compiled) + '\nexport const compiled = validate;\n' : standaloneCode(ajv, exports);
    return { code, schemaJson: JSON.stringify(schema), id: schema.$id, compile: !!compile, refs };
  });
}

/** The stand-in for `ajv` in core files: hands out the precompiled validators, never compiles. */
function ajvShim(validators) {
  const imports = validators.map((_, i) => `import * as v${i} from 'copydesk-precompiled:${i}';`).join('\n');
  const table = validators.map((v, i) => `{ schema: ${JSON.stringify(v.schemaJson)}, id: ${JSON.stringify(v.id)}, compiled: ${v.compile ? `v${i}.compiled` : 'undefined'}, refs: { ${v.refs.map((r, j) => `${JSON.stringify(r)}: v${i}.ref${j}`).join(', ')} } }`).join(',\n  ');
  return `${imports}
const TABLE = [
  ${table}
];
const find = (schema) => {
  const json = JSON.stringify(schema);
  const entry = TABLE.find((t) => t.schema === json);
  if (!entry) throw new Error('Copydesk web build: no precompiled validator for schema ' + (schema && schema.$id) + ' (rebuild with scripts/build-web.mjs)');
  return entry;
};
export class Ajv {
  constructor() { this.added = []; }
  compile(schema) {
    const entry = find(schema);
    if (!entry.compiled) throw new Error('Copydesk web build: schema ' + entry.id + ' was not precompiled for compile()');
    return entry.compiled;
  }
  addSchema(schema) { this.added.push(find(schema)); return this; }
  getSchema(ref) {
    for (const entry of this.added) for (const [r, v] of Object.entries(entry.refs)) if (entry.id + r === ref) return v;
    return undefined;
  }
}
export default Ajv;
`;
}

/** esbuild plugin: the two substitutions above, and a clear error for any other node built-in. */
function webPlugin() {
  let validators;
  return {
    name: 'copydesk-web',
    setup(b) {
      b.onResolve({ filter: /^ajv$/ }, (args) => {
        if (!posix(args.importer).startsWith('server/src/core/')) return undefined;
        return { path: 'ajv', namespace: 'copydesk-ajv' };
      });
      b.onLoad({ filter: /^ajv$/, namespace: 'copydesk-ajv' }, () => {
        validators ??= precompile();
        return { contents: ajvShim(validators), loader: 'js', resolveDir: ROOT };
      });
      b.onResolve({ filter: /^copydesk-precompiled:\d+$/ }, (args) => ({ path: args.path.split(':')[1], namespace: 'copydesk-precompiled' }));
      b.onLoad({ filter: /.*/, namespace: 'copydesk-precompiled' }, (args) => {
        validators ??= precompile();
        return { contents: validators[Number(args.path)].code, loader: 'js', resolveDir: ROOT };
      });
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
