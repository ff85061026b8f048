/**
 * Message localisation in the style of @vscode/l10n: the English text is the key, {0}… are
 * arguments. Bundles map English → translated text; a missing entry falls back to English.
 *
 * Two markers (scripts/l10n-extract.ts collects their string literals into l10n/bundle.l10n.json):
 * - `t('…')` / `context.t('…')`: a Translate for a known locale (rules get one in their context);
 * - `localize('…')`: for messages built where no locale is known (parsing configuration, ledgers,
 *   front matter). It gives the English text; the host translates the finished message when it
 *   shows it, with `relocalize(locale, message)`.
 */
export type Bundle = Record<string, string>;
export interface Translate {
  (message: string, ...args: Array<string | number>): string;
  /** The locale of the bundle in use ("id"); undefined when messages are English. */
  readonly locale?: string;
}

const bundles = new Map<string, Bundle>();
const translators = new Map<string, Translate>();

export function registerBundle(locale: string, bundle: Bundle): void {
  bundles.set(locale.toLowerCase(), bundle);
  translators.clear();
  templateCache.delete(bundle);
}

/** The bundle for a locale: exact ("id-id"), else its primary language ("id"); none for English. */
function bundleFor(locale: string | undefined): { locale: string; bundle: Bundle } | undefined {
  const lower = locale?.toLowerCase().replace(/_/g, '-');
  if (!lower) return undefined;
  const primary = lower.split('-')[0];
  const exact = bundles.get(lower);
  if (exact) return { locale: lower, bundle: exact };
  const base = bundles.get(primary);
  return base ? { locale: primary, bundle: base } : undefined;
}

export function translator(locale: string | undefined): Translate {
  const key = locale?.toLowerCase() ?? '';
  let t = translators.get(key);
  if (!t) {
    const found = bundleFor(locale);
    const bundle = found?.bundle;
    t = Object.assign((message: string, ...args: Array<string | number>) => format(bundle?.[message] || message, args), { locale: found?.locale });
    translators.set(key, t);
  }
  return t;
}

/** English messages (the default where a function takes a Translate). */
export const english: Translate = (message, ...args) => format(message, args);

/**
 * Marks a message built where no locale is known: returns the English text with its arguments.
 * Show it with `relocalize(locale, message)`.
 */
export function localize(message: string, ...args: Array<string | number>): string {
  return format(message, args);
}

/**
 * Translates a finished English message made by `localize` (or `t` in English): an exact key, else
 * the first template of the locale's bundle that matches it, the most specific first; arguments
 * that are messages themselves are translated too. Text that matches nothing is returned as is.
 */
export function relocalize(locale: string | undefined, text: string): string {
  const found = bundleFor(locale);
  return found ? retranslate(found.bundle, text, 0) : text;
}

function retranslate(bundle: Bundle, text: string, depth: number): string {
  const direct = bundle[text];
  if (direct) return direct;
  if (depth > 3) return text;
  for (const { key, regex, order } of templates(bundle)) {
    const m = regex.exec(text);
    if (!m) continue;
    const args: string[] = [];
    order.forEach((n, i) => { args[n] = retranslate(bundle, m[i + 1], depth + 1); });
    return format(bundle[key] || key, args);
  }
  return text;
}

interface Template { key: string; regex: RegExp; order: number[] }
const templateCache = new WeakMap<Bundle, Template[]>();

/** The bundle's keys with {n} placeholders as anchored regexes, most literal text first. */
function templates(bundle: Bundle): Template[] {
  let list = templateCache.get(bundle);
  if (list) return list;
  list = [];
  for (const key of Object.keys(bundle)) {
    if (!/\{\d+\}/.test(key)) continue;
    const order: number[] = [];
    let source = '';
    for (const part of key.split(/(\{\d+\})/)) {
      const p = /^\{(\d+)\}$/.exec(part);
      if (!p) { source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); continue; }
      const n = Number(p[1]);
      const seen = order.indexOf(n);
      if (seen >= 0) source += `\\${seen + 1}`;
      else { order.push(n); source += '([\\s\\S]+?)'; }
    }
    list.push({ key, regex: new RegExp(`^${source}$`), order });
  }
  const literal = (k: string) => k.replace(/\{\d+\}/g, '').length;
  list.sort((a, b) => literal(b.key) - literal(a.key) || a.key.localeCompare(b.key));
  templateCache.set(bundle, list);
  return list;
}

function format(template: string, args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
