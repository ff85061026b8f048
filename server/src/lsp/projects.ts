import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadProject, type Project } from '../node/project.js';
import { emptyConfig, type ConfigProblem } from '../core/config.js';
import type { ProjectSource } from './session.js';
import { isConfigName } from './config-names.js';
import { localize } from '../core/l10n.js';

const NO_PROJECT: Project = { config: emptyConfig(), ledger: { entries: [], files: [] }, problems: [] };

/** Config and ledger per folder, loaded once and dropped when any of their files change. */
export class ProjectCache implements ProjectSource {
  private byFolder = new Map<string, Project>();
  /** False in an untrusted workspace: then no config or ledger is read from it. */
  trusted = true;
  /** Workspace folders: config and ledger paths must resolve inside the one holding the draft. */
  roots: string[] = [];

  forDocument(uri: string): Project {
    if (!uri.startsWith('file:') || !this.trusted) return NO_PROJECT;
    const path = fileURLToPath(uri);
    const folder = dirname(path);
    let project = this.byFolder.get(folder);
    if (!project) {
      try {
        project = loadProject(path, undefined, this.roots);
      } catch (err) {
        project = { ...NO_PROJECT, problems: [{ path, line: 0, character: 0, message: localize('Copydesk could not load its configuration: {0}', (err as Error).message) }] };
      }
      this.byFolder.set(folder, project);
    }
    return project;
  }

  /** Every config and ledger file the cached projects depend on. */
  files(): Set<string> {
    const out = new Set<string>();
    for (const p of this.byFolder.values()) for (const f of [...p.config.files, ...p.ledger.files, ...p.config.ledger]) out.add(f);
    return out;
  }

  /** A config file anywhere (a new one changes which applies), or a file a loaded project read. */
  isDependency(uri: string): boolean {
    return isConfigName(uri) || (uri.startsWith('file:') && this.files().has(fileURLToPath(uri)));
  }

  dependencyUris(): string[] {
    return [...this.files()].map((f) => pathToFileURL(f).href);
  }

  problems(): Array<ConfigProblem & { uri: string }> {
    return this.problemsList().map((p) => ({ ...p, uri: pathToFileURL(p.path).href }));
  }

  /** Problems of every loaded config and ledger, without repeats. */
  problemsList(): Project['problems'] {
    const seen = new Set<string>();
    const out: Project['problems'] = [];
    for (const p of this.byFolder.values()) for (const q of p.problems) {
      const key = `${q.path}:${q.line}:${q.character}:${q.message}`;
      if (!seen.has(key)) { seen.add(key); out.push(q); }
    }
    return out;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

