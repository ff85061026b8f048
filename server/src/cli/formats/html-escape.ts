/** Escapes text for HTML element content and quoted attribute values alike. */
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A link that opens the draft at the line in VS Code (1-based line and column). */
export function vscodeUrl(absPath: string, line: number, column: number): string {
  const p = absPath.replace(/\\/g, '/');
  return `vscode://file${p.startsWith('/') ? '' : '/'}${encodeURI(p).replace(/[?#]/g, encodeURIComponent)}:${line}:${column}`;
}
