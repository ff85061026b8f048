import type { Severity } from '../core/types.js';

/** Editor settings (section "copydesk"); they only switch rules and severities. The repository's config file holds the rest. */
export interface EditorSettings {
  enable: boolean;
  rules: Record<string, Severity | 'off' | 'default'>;
  /** Largest draft checked in full, in characters. */
  maxChars?: number;
}

export const DEFAULT_SETTINGS: EditorSettings = { enable: true, rules: {} };

export function readSettings(raw: unknown): EditorSettings {
  const r = (raw ?? {}) as Partial<EditorSettings>;
  const rules: EditorSettings['rules'] = {};
  for (const [id, v] of Object.entries(r.rules ?? {})) {
    if (v === 'off' || v === 'info' || v === 'warning' || v === 'error') rules[id] = v;
  }
  return {
    enable: r.enable !== false,
    rules,
    maxChars: typeof r.maxChars === 'number' && r.maxChars > 0 ? r.maxChars : undefined,
  };
}

export function severityOverrides(settings: EditorSettings): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const [id, v] of Object.entries(settings.rules)) if (v !== 'default') out[id] = v;
  return out;
}
