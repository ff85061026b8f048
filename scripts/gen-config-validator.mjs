// Generates the JSON-schema validators the core uses, as plain JavaScript (Ajv standalone code,
// https://ajv.js.org/standalone.html), so no process or thread compiles a schema at run time:
// `new Ajv().compile(schema)` took ~95 ms per process, and pulled Ajv's compiler into the bundles.
//
//   schemas/copydesk.schema.json                      → server/src/core/generated/config-validator.js
//   schemas/corrections.schema.json #/definitions/entry → server/src/core/generated/ledger-entry-validator.js
//
// Usage: `npm run gen:validators` (writes the files), `node scripts/gen-config-validator.mjs --check`
// (exit 1 when a committed file is out of date). test/core/config-validator.test.ts runs the check
// and compares the generated validators with Ajv's, error for error.
//
// The options are the ones the core always used ({ allErrors: true, strict: false }), plus
// `code: { source, esm, lines }` which only decide how the code is written out. Ajv's standalone
// output `require()`s its small run-time helpers even in ESM mode; those are inlined here (copied
// from the installed Ajv), so the generated files import nothing: they load the same under Node
// (ESM), tsx and esbuild, and stay within the core's no-built-ins rule (test/core/purity.test.ts).
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * What to generate. `ref`: validate that part of the schema (ajv.addSchema(schema) then
 * ajv.getSchema(`${schema.$id}${ref}`)), else the whole schema (ajv.compile(schema)).
 */
export const VALIDATORS = [
  { schema: 'schemas/copydesk.schema.json', out: 'server/src/core/generated/config-validator.js' },
  { schema: 'schemas/corrections.schema.json', ref: '#/definitions/entry', out: 'server/src/core/generated/ledger-entry-validator.js' },
];

/** The Ajv options of the validators, as the core used them when it compiled at run time. */
export const AJV_OPTIONS = { allErrors: true, strict: false };

/** Ajv run-time helpers the generated code may use: self-contained functions, inlined by their source. */
const INLINE_HELPERS = new Set(['ucs2length']);

function inlineHelpers(code) {
  const helpers = [];
  const out = code.replace(/require\("ajv\/dist\/runtime\/([\w-]+)"\)\.default/g, (whole, name) => {
    if (!INLINE_HELPERS.has(name)) {
      throw new Error(`gen-config-validator: the generated code needs Ajv's run-time helper "${name}"; ` +
        'check that it is a self-contained function and add it to INLINE_HELPERS in scripts/gen-config-validator.mjs');
    }
    const fn = require(`ajv/dist/runtime/${name}`).default;
    if (typeof fn !== 'function') throw new Error(`gen-config-validator: ajv/dist/runtime/${name} exports no function`);
    const local = `ajvRuntime_${name}`;
    if (!helpers.some((h) => h.local === local)) helpers.push({ local, source: fn.toString().replace(/^function\s+[\w$]*\s*\(/, `function ${local}(`) });
    return local;
  });
  if (/\brequire\(/.test(out)) throw new Error('gen-config-validator: the generated code still require()s something: ' + out.match(/require\([^)]*\)/)[0]);
  return helpers.length ? `${out}\n\n// Inlined from ajv/dist/runtime.\n${helpers.map((h) => h.source).join('\n\n')}\n` : out;
}

/** The generated source of each validator: [{ out (repo-relative path), code }]. Pure: writes nothing. */
export function generateValidators() {
  return VALIDATORS.map(({ schema: file, ref, out }) => {
    const schema = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true } });
    let body;
    if (ref) {
      ajv.addSchema(schema);
      body = standaloneCode(ajv, { validate: `${schema.$id}${ref}` });
    } else {
      body = standaloneCode(ajv, ajv.compile(schema));
    }
    const what = ref ? `${file} ${ref}` : file;
    const header = [
      `// GENERATED FILE, do not edit. Validator for ${what},`,
      `// written by scripts/gen-config-validator.mjs (Ajv standalone code, options ${JSON.stringify(AJV_OPTIONS)}).`,
      '// After changing the schema (or upgrading Ajv), regenerate with: npm run gen:validators',
      `// Exports \`validate(data)\`: true or false, with the errors in \`validate.errors\`, as ajv.compile() gives.`,
    ].join('\n');
    return { out, code: `${header}\n${inlineHelpers(body).trimEnd()}\n` };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { out, code } of generateValidators()) {
    const path = join(ROOT, out);
    let current;
    try { current = readFileSync(path, 'utf8'); } catch { current = undefined; }
    if (check) {
      if (current !== code) { stale++; console.error(`${out} is out of date: run npm run gen:validators`); }
    } else if (current === code) {
      console.log(`${out} unchanged`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, code);
      console.log(`${out} written`);
    }
  }
  if (stale) process.exit(1);
}
