// Stands in for `node:url` in the web build (scripts/build-web.mjs maps server/src/lsp/diagnostics.ts's
// import here). In the browser server every project file is known by its URI, so a "path" that is
// already a URI is kept as it is; a bare absolute path becomes a file: URI.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function pathToFileURL(path: string): { href: string } {
  if (HAS_SCHEME.test(path)) return { href: path };
  return { href: 'file://' + path.split('/').map(encodeURIComponent).join('/') };
}

export function fileURLToPath(url: string | { href: string }): string {
  const href = typeof url === 'string' ? url : url.href;
  if (!href.startsWith('file://')) throw new TypeError(`not a file: URL: ${href}`);
  return decodeURIComponent(href.slice('file://'.length).replace(/^[^/]*/, ''));
}
