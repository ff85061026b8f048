/**
 * Message localisation in the style of @vscode/l10n: the English text is the key, {0}… are
 * arguments. Bundles map English → translated text; a missing entry falls back to English.
 */
export type Bundle = Record<string, string>;
export type Translate = (message: string, ...args: Array<string | number>) => string;

const bundles = new Map<string, Bundle>();

export function registerBundle(locale: string, bundle: Bundle): void {
  bundles.set(locale.toLowerCase(), bundle);
}

export function translator(locale: string | undefined): Translate {
  const lower = locale?.toLowerCase();
  const bundle = lower ? bundles.get(lower) ?? bundles.get(lower.split('-')[0]) : undefined;
  return (message, ...args) => format(bundle?.[message] ?? message, args);
}

function format(template: string, args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
