import type { ConfigHost } from '../core/config.js';

/**
 * On the web there is no file system in the server: drafts, configs and ledgers are known by URI
 * (vscode-vfs://github/owner/repo/news/draft.md, vscode-test-web://mount/…, file:///…), and the
 * client reads them for the server through VS Code's workspace file system. The core's ConfigHost
 * works with these URIs as "paths": dirname and resolve act on the URI's path part.
 */
const SPLIT = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i;

function split(uri: string): { prefix: string; path: string } {
  const m = SPLIT.exec(uri);
  return m ? { prefix: m[1], path: m[2] } : { prefix: '', path: uri };
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function uriDirname(uri: string): string {
  const { prefix, path } = split(uri);
  if (path === '' || path === '/') return uri;
  const trimmed = path.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  return prefix + (cut <= 0 ? '/' : trimmed.slice(0, cut));
}

/** Resolves a path from a config file (`ledger:`, `extends:`) against the folder URI `base`. */
export function uriResolve(base: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relative)) return relative;
  const { prefix, path } = split(base);
  // Names in config files are plain text ("my ledger.yaml"): encode them as URI path segments.
  const encoded = relative.split('/').map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s))).join('/');
  return prefix + normalise(relative.startsWith('/') ? encoded : `${path.replace(/\/+$/, '')}/${encoded}`);
}

/** The decoded path part of a URI (what the engine gets as the draft's path). */
export function uriPath(uri: string): string | undefined {
  const { prefix, path } = split(uri);
  if (!prefix.includes('//')) return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * A ConfigHost over files fetched beforehand. The core reads synchronously, the client answers
 * asynchronously, so loading runs in passes: a pass records every file it wanted but did not have
 * (`misses`), those are fetched, and the pass is run again until nothing new is wanted.
 */
export class PrefetchedHost implements ConfigHost {
  readonly misses = new Set<string>();
  constructor(private readonly files: Map<string, string | null>) {}

  readFile(uri: string): string | undefined {
    if (!this.files.has(uri)) {
      this.misses.add(uri);
      return undefined;
    }
    return this.files.get(uri) ?? undefined;
  }

  dirname(uri: string): string {
    return uriDirname(uri);
  }

  resolve(base: string, relative: string): string {
    return uriResolve(base, relative);
  }
}
