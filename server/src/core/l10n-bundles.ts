// Registers the shipped translations of the server's messages (l10n/bundle.l10n.<locale>.json,
// the same bundles VS Code reads for the extension). Imported for its effect by the language
// server (Node and browser worker) and the CLI; esbuild bundles the JSON.
import { registerBundle } from './l10n.js';
import indonesian from '../../../l10n/bundle.l10n.id.json' with { type: 'json' };

export const SHIPPED_LOCALES = ['en', 'id'] as const;

registerBundle('id', indonesian);
registerBundle('id-ID', indonesian);
