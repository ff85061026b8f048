import { DEFAULT_SETTINGS, type EditorSettings } from '../settings.js';
import type { FeatureContext } from './index.js';

/** Settings of the reading features, section "copydesk.annotations". */
export interface AnnotationSettings {
  /** Hovers, hints, tokens, outline, lens and highlights at all. */
  enable: boolean;
  inlayHints: boolean;
  semanticTokens: boolean;
  codeLens: boolean;
  /** Hints and tokens are left out in drafts longer than this (characters). */
  maxChars: number;
}

export const DEFAULT_ANNOTATION_SETTINGS: AnnotationSettings = {
  enable: true, inlayHints: true, semanticTokens: true, codeLens: true, maxChars: 200_000,
};

export function readAnnotationSettings(raw: unknown): AnnotationSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const flag = (k: keyof AnnotationSettings) => (typeof r[k] === 'boolean' ? r[k] as boolean : DEFAULT_ANNOTATION_SETTINGS[k] as boolean);
  return {
    enable: flag('enable'),
    inlayHints: flag('inlayHints'),
    semanticTokens: flag('semanticTokens'),
    codeLens: flag('codeLens'),
    maxChars: typeof r.maxChars === 'number' && r.maxChars > 0 ? r.maxChars : DEFAULT_ANNOTATION_SETTINGS.maxChars,
  };
}

// Keyed by the server's EditorSettings object for the document: the server builds a new one per
// document and drops them all when the configuration changes, so ours are re-read then too.
const cache = new WeakMap<EditorSettings, Promise<AnnotationSettings>>();

/**
 * Reads "copydesk.annotations" for a document. The server answers DEFAULT_SETTINGS itself when the
 * client has no workspace/configuration: then we ask nothing either and use the defaults.
 */
export async function annotationSettings(context: FeatureContext, uri: string): Promise<AnnotationSettings> {
  const editor = await context.settingsFor(uri);
  if (editor === DEFAULT_SETTINGS) return DEFAULT_ANNOTATION_SETTINGS;
  let s = cache.get(editor);
  if (!s) {
    s = context.connection.workspace.getConfiguration({ scopeUri: uri, section: 'copydesk.annotations' })
      .then(readAnnotationSettings, () => DEFAULT_ANNOTATION_SETTINGS);
    cache.set(editor, s);
  }
  return s;
}
