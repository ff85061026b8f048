import { parseDocument, isNode, type Document } from 'yaml';
import type { ErrorObject } from 'ajv';
// schemas/copydesk.schema.json, compiled ahead of time (scripts/gen-config-validator.mjs,
// `npm run gen:validators`): compiling it with Ajv at run time cost ~95 ms per process and thread.
import { validate as validateSchema } from './generated/config-validator.js';
import type { Severity, SeveritySetting } from './types.js';
import { localize } from './l10n.js';
import { plainFrontMatter } from './front-matter.js';

/** What the engine needs from the outside world to find configuration; the core does no I/O. */
export interface ConfigHost {
  readFile(path: string): string | undefined;
  dirname(path: string): string;
  /** Resolves `relative` against the folder `base`. */
  resolve(base: string, relative: string): string;
}

export interface RuleSetting {
  /** Undefined: the rule's default severity. */
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  primaryLanguage?: string;
  /** Absolute paths of ledger files. */
  ledger: string[];
  /** Whether `ledger` was given explicitly (then a missing file is an error, not silence). */
  ledgerExplicit: boolean;
  rules: Record<string, RuleSetting>;
  disclaimers: Record<string, string>;
  /** Config files that made this configuration, nearest first. */
  files: string[];
}

export interface ConfigProblem {
  path: string;
  /** 0-based line and character of the problem in that file. */
  line: number;
  character: number;
  message: string;
}

export const CONFIG_FILE_NAMES = ['.copydesk.yaml', '.copydesk.yml', '.copydesk.json'];
export const DEFAULT_LEDGER = 'corrections.yaml';

export function emptyConfig(): ResolvedConfig {
  return { ledger: [], ledgerExplicit: false, rules: {}, disclaimers: {}, files: [] };
}

function validate(value: unknown): ErrorObject[] {
  return validateSchema(value) ? [] : validateSchema.errors ?? [];
}

interface RawConfig {
  extends?: string;
  primaryLanguage?: string;
  ledger?: string | string[];
  rules?: Record<string, SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>)>;
  disclaimers?: Record<string, string>;
}

/** Parses and validates one config file's text; problems point at their line. */
export function parseConfigText(text: string, path: string, fastPath = true): { raw?: RawConfig; problems: ConfigProblem[] } {
  // Most folders' configuration is a few `key: text` lines and comments (`ledger: corrections.yaml`):
  // read without the YAML library, whose first use costs ~20 ms of every CLI run. Anything else,
  // and anything the schema rejects, is read by the library (problems need its node positions).
  const plain = fastPath ? plainConfig(text) : undefined;
  if (plain && validate(plain).length === 0) return { raw: plain as RawConfig, problems: [] };
  const problems: ConfigProblem[] = [];
  const doc: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length - 1;
    return { line, character: offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1 };
  };
  for (const e of doc.errors) {
    problems.push({ path, ...lineOf(e.pos[0]), message: localize('not valid {0}: {1}', path.endsWith('.json') ? 'JSON' : 'YAML', e.message.split('\n')[0]) });
  }
  if (problems.length) return { problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (err) {
    return { problems: [{ path, line: 0, character: 0, message: String((err as Error).message) }] };
  }
  for (const e of simplify(validate(value))) {
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.propertyName) segments.push(e.propertyName);
    if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
    const node = nodeAt(doc, segments);
    const where = segments.length ? segments.join('.') : localize('the file');
    problems.push({ path, ...lineOf(node?.range?.[0] ?? 0), message: localize('{0}: {1}', where, describe(e)) });
  }
  return { raw: problems.length ? undefined : (value as RawConfig), problems };
}

/** `key: text` lines, blank lines and whole-line comments only: the values, as the YAML library reads them. */
export function plainConfig(text: string): Record<string, unknown> | undefined {
  const lines = text.split('\n').filter((line) => !/^[ ]*(?:#.*)?$/.test(line));
  return lines.length ? plainFrontMatter(lines.join('\n'), 0)?.data : undefined;
}

function nodeAt(doc: Document, segments: string[]): { range?: [number, number, number] | null } | undefined {
  for (let n = segments.length; n >= 0; n--) {
    const key = (doc.contents && isNode(doc.contents)) ? findKeyNode(doc, segments.slice(0, n)) : undefined;
    if (key) return key;
  }
  return undefined;
}

function findKeyNode(doc: Document, path: string[]): { range?: [number, number, number] | null } | undefined {
  if (path.length === 0) return doc.contents as { range?: [number, number, number] | null };
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const items = (parent as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null)?.items;
  const last = path[path.length - 1];
  const pair = items?.find((p) => p.key && String(p.key.value) === last);
  if (pair?.key) return pair.key;
  const index = Number(last);
  if (Number.isInteger(index) && items?.[index]) return items[index] as { range?: [number, number, number] };
  return undefined;
}

type SchemaError = ErrorObject;

/**
 * Ajv reports one mistake several times: a failed propertyNames check as the inner error and again
 * as a wrapper, and a failed oneOf (severity string | options object) as the oneOf plus every
 * branch's complaint. Keep the one a person can act on: the complaint from inside the object when
 * the object form was meant, else the string form's (the list of severities).
 */
function simplify(errors: SchemaError[]): SchemaError[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === 'propertyNames') return false;
    for (const path of oneOfPaths) {
      if (e.instancePath !== path || !['enum', 'type', 'oneOf'].includes(e.keyword)) continue;
      const objectFormMeant = errors.some((o) => o.instancePath.startsWith(`${path}/`) ||
        (o.instancePath === path && !['enum', 'type', 'oneOf'].includes(o.keyword)));
      if (objectFormMeant || e.keyword !== 'enum') return false;
    }
    return true;
  });
}

function describe(e: SchemaError): string {
  if (e.propertyName) {
    return e.keyword === 'enum'
      ? localize('unknown name "{0}"; expected one of {1}', e.propertyName, (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', '))
      : localize('"{0}" is not a language tag such as "en", "id" or "zh-Hant"', e.propertyName);
  }
  switch (e.keyword) {
    case 'additionalProperties': return localize('unknown key "{0}"', (e.params as { additionalProperty: string }).additionalProperty);
    // Every pattern in the schema is a BCP-47 language tag.
    case 'pattern': return localize('must be a language tag such as "en", "id" or "zh-Hant"');
    case 'enum': return localize('must be one of {0}', (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', '));
    case 'oneOf': return localize('has the wrong form (see the configuration reference)');
    default: return e.message ?? localize('is not valid');
  }
}

/** Finds the nearest config file from `fromDir` upward and resolves its `extends` chain. */
export function resolveConfig(fromDir: string, host: ConfigHost, stopAt?: string): { config: ResolvedConfig; problems: ConfigProblem[] } {
  let dir = fromDir;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = host.resolve(dir, name);
      const text = host.readFile(path);
      if (text !== undefined) return loadConfigFile(path, text, host);
    }
    const parent = host.dirname(dir);
    if (parent === dir || dir === stopAt) return { config: emptyConfig(), problems: [] };
    dir = parent;
  }
}

/** Loads one config file (and what it extends) from its text. */
export function loadConfigFile(path: string, text: string, host: ConfigHost, seen: string[] = []): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const { raw, problems } = parseConfigText(text, path);
  if (!raw) return { config: { ...emptyConfig(), files: [path] }, problems };
  let base = emptyConfig();
  const dir = host.dirname(path);
  if (raw.extends) {
    const parentPath = host.resolve(dir, raw.extends);
    const parentText = host.readFile(parentPath);
    if ([path, ...seen].includes(parentPath)) {
      problems.push({ path, line: 0, character: 0, message: localize('extends: "{0}" makes a cycle', raw.extends) });
    } else if (parentText === undefined) {
      problems.push({ path, line: 0, character: 0, message: localize('extends: cannot read "{0}"', raw.extends) });
    } else {
      const parent = loadConfigFile(parentPath, parentText, host, [path, ...seen]);
      problems.push(...parent.problems);
      base = parent.config;
    }
  }
  const config: ResolvedConfig = {
    primaryLanguage: raw.primaryLanguage ?? base.primaryLanguage,
    ledger: base.ledger,
    ledgerExplicit: base.ledgerExplicit,
    rules: { ...base.rules },
    disclaimers: { ...base.disclaimers },
    files: [path, ...base.files],
  };
  if (raw.ledger !== undefined) {
    config.ledger = (Array.isArray(raw.ledger) ? raw.ledger : [raw.ledger]).map((l) => host.resolve(dir, l));
    config.ledgerExplicit = true;
  } else if (!base.ledgerExplicit) {
    const implicit = host.resolve(dir, DEFAULT_LEDGER);
    config.ledger = host.readFile(implicit) !== undefined ? [implicit] : base.ledger;
  }
  for (const [id, setting] of Object.entries(raw.rules ?? {})) config.rules[id] = mergeRule(config.rules[id], setting);
  for (const [lang, template] of Object.entries(raw.disclaimers ?? {})) config.disclaimers[lang.toLowerCase()] = template;
  return { config, problems };
}

function mergeRule(base: RuleSetting | undefined, setting: SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>)): RuleSetting {
  if (typeof setting === 'string') return { severity: setting, options: { ...base?.options } };
  const { severity, ...options } = setting;
  return { severity: severity ?? base?.severity, options: { ...base?.options, ...options } };
}

/** Severity a rule runs at: configured, else its default. */
export function effectiveSeverity(config: ResolvedConfig, ruleId: string, defaultSeverity: Severity): SeveritySetting {
  return config.rules[ruleId]?.severity ?? defaultSeverity;
}
