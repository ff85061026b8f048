import { emptyConfig, resolveConfig, type ConfigHost } from '../core/config.js';
import { crossFileDuplicates, parseLedger } from '../core/ledger/parse.js';
import type { Ledger, LedgerEntry } from '../core/ledger/types.js';
import { localize } from '../core/l10n.js';
import type { Project } from '../node/project.js';
import { PrefetchedHost, uriDirname } from './uri-host.js';
import type { ProjectSource } from '../lsp/session.js';
import { isConfigName } from '../lsp/config-names.js';

/** Server → client request: the texts of these URIs (null where a file is missing or unreadable). */
export const READ_FILES_REQUEST = 'copydesk/readFiles';
export interface ReadFilesParams { uris: string[] }
export type ReadFilesResult = Array<string | null>;

export type { Project };

const NO_PROJECT: Project = { config: emptyConfig(), ledger: { entries: [], files: [] }, problems: [] };
/** Passes of "load, fetch what was missing" before giving up (upward search, extends, ledgers). */
const MAX_PASSES = 8;

/** The same steps as server/src/node/project.ts's loadProject, over any ConfigHost (here: URIs). */
export function loadProjectFrom(draftUri: string, host: ConfigHost, stopAt?: string): Project {
  const { config, problems } = resolveConfig(host.dirname(draftUri), host, stopAt);
  const entries: LedgerEntry[] = [];
  const ledger: Ledger = { entries, files: [] };
  for (const file of config.ledger) {
    const text = host.readFile(file);
    if (text === undefined) {
      problems.push({ path: config.files[0] ?? file, line: 0, character: 0, message: localize('ledger: cannot read "{0}"', file) });
      continue;
    }
    const parsed = parseLedger(text, file);
    entries.push(...parsed.entries);
    ledger.files.push(file);
    problems.push(...parsed.problems);
  }
  if (ledger.files.length > 1) problems.push(...crossFileDuplicates(ledger.entries));
  return { config, ledger, problems };
}

/**
 * Config and ledger per folder for the browser server. Files are read through the client
 * (`copydesk/readFiles`, answered from VS Code's workspace file system) and cached until a watched
 * file changes.
 */
export class WebProjects implements ProjectSource {
  private readonly byFolder = new Map<string, Promise<Project>>();
  private files = new Map<string, string | null>();
  private readonly loaded = new Map<string, Project>();
  /** False in an untrusted workspace: then nothing is read from it. */
  trusted = true;
  /** Workspace folder URIs: the upward search for a config stops at the folder. */
  workspaceFolders: string[] = [];

  constructor(private readonly read: (uris: string[]) => Promise<ReadFilesResult>) {}

  forDocument(uri: string): Promise<Project> {
    if (!this.trusted || !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return Promise.resolve(NO_PROJECT);
    const folder = uriDirname(uri);
    let project = this.byFolder.get(folder);
    if (!project) {
      project = this.load(uri).catch((err: Error) => ({
        ...NO_PROJECT, problems: [{ path: uri, line: 0, character: 0, message: localize('Copydesk could not load its configuration: {0}', err.message) }],
      }));
      this.byFolder.set(folder, project);
      // A load that a clear() overtook must not put its stale project back.
      void project.then((p) => { if (this.byFolder.get(folder) === project) this.loaded.set(folder, p); });
    }
    return project;
  }

  private async load(uri: string): Promise<Project> {
    const stopAt = this.workspaceFolders
      .map((f) => f.replace(/\/+$/, ''))
      .filter((f) => uri.startsWith(f + '/'))
      .sort((a, b) => b.length - a.length)[0];
    const files = this.files;
    for (let pass = 0; ; pass++) {
      const host = new PrefetchedHost(files);
      const project = loadProjectFrom(uri, host, stopAt);
      if (host.misses.size === 0) return project;
      if (pass === MAX_PASSES) throw new Error(`too many nested configuration files (${[...host.misses].join(', ')})`);
      const wanted = [...host.misses];
      const texts = await this.read(wanted);
      wanted.forEach((u, i) => files.set(u, typeof texts?.[i] === 'string' ? texts[i] : null));
    }
  }

  /** Every config and ledger URI the loaded projects depend on. */
  dependencyUris(): string[] {
    const out = new Set<string>();
    for (const p of this.loaded.values()) for (const f of [...p.config.files, ...p.ledger.files, ...p.config.ledger]) out.add(f);
    return [...out];
  }

  /** A config file anywhere (a new one changes which applies), or a file a loaded project read. */
  isDependency(uri: string): boolean {
    return isConfigName(uri) || this.dependencyUris().includes(uri);
  }

  /** Here every path is already a URI. */
  problems(): Array<Project['problems'][number] & { uri: string }> {
    return this.problemsList().map((p) => ({ ...p, uri: p.path }));
  }

  problemsList(): Project['problems'] {
    const seen = new Set<string>();
    const out: Project['problems'] = [];
    for (const p of this.loaded.values()) for (const q of p.problems) {
      const key = `${q.path}:${q.line}:${q.character}:${q.message}`;
      if (!seen.has(key)) { seen.add(key); out.push(q); }
    }
    return out;
  }

  clear(): void {
    this.byFolder.clear();
    this.loaded.clear();
    this.files = new Map();
  }
}
