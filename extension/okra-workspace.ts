import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { Diagnostic, PluginImporter, WorkspaceSession } from '../core';
import { core } from './core';
import type { TrustPolicy } from './trust-policy';
import { vscodeHost } from './vscode-host';

/**
 * A real `import()` that esbuild leaves alone: plugins are the workspace's own ESM or CJS files,
 * loaded at run time, never bundled.
 */
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** Plugins load the way the CLI loads them: relative to the workspace, or from its node_modules. */
export function pluginImporter(root: vscode.Uri): PluginImporter {
  return async (specifier) => {
    if (root.scheme !== 'file') throw new Error(`plugins load only from folders on disk, not ${root.scheme}:`);
    const { createRequire } = await import('node:module');
    const { isAbsolute, join, resolve } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const path =
      specifier.startsWith('.') || isAbsolute(specifier)
        ? resolve(root.fsPath, specifier)
        : createRequire(join(root.fsPath, 'package.json')).resolve(specifier);
    return dynamicImport(pathToFileURL(path).href);
  };
}

/**
 * One okra workspace (a folder holding okra.config.yaml) kept in memory: the core's
 * WorkspaceSession plus what the editor needs around it (paths ↔ Uris, which files belong).
 */
export class OkraWorkspace {
  private isIncluded: (path: string) => boolean;
  private readonly isExcluded = picomatch(core().ALWAYS_EXCLUDE as string[], { dot: true });

  private constructor(
    readonly root: vscode.Uri,
    readonly session: WorkspaceSession,
    readonly loadMs: number,
  ) {
    this.isIncluded = picomatch(includeOf(session), { dot: false });
  }

  static async load(root: vscode.Uri, policy: TrustPolicy): Promise<OkraWorkspace> {
    const started = performance.now();
    // Untrusted: no plugin loads, and the session reports an info diagnostic on `plugins:` instead.
    const session = await core().WorkspaceSession.open(vscodeHost(root), {
      importPlugin: pluginImporter(root),
      trusted: policy.loadPlugins,
    });
    return new OkraWorkspace(root, session, performance.now() - started);
  }

  /** Names of the workspace plugins that loaded (the built-in plugin not counted). */
  get pluginNames(): string[] {
    return this.session.plugins.slice(1).map((p) => p.name);
  }

  get fileCount(): number {
    return this.session.workspace.files.length;
  }

  uriOf = (file: string): vscode.Uri => vscode.Uri.joinPath(this.root, file);

  /** The workspace-relative path of a Uri under the root, or undefined. */
  relativePath(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== this.root.scheme || uri.authority !== this.root.authority) return undefined;
    const base = this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  }

  /** Whether a path is one of the workspace's definition files (or would be, once created). */
  isDefinitionFile(path: string): boolean {
    if (path === core().CONFIG_FILE || this.session.file(path)) return true;
    return this.isIncluded(path) && !this.isExcluded(path) && !path.split('/').some((part) => part.startsWith('.'));
  }

  checkFile(path: string): Diagnostic[] {
    return this.session.check(path);
  }

  checkAll(): Diagnostic[] {
    return this.session.check();
  }

  /** Paths of every file in the session. */
  paths(): string[] {
    return this.session.workspace.files.map((f) => f.path);
  }
}

function includeOf(session: WorkspaceSession): string[] {
  const config = session.file(core().CONFIG_FILE);
  return config ? core().includeOf(config) : [...core().DEFAULT_INCLUDE];
}

/** Same as the core's CONFIG_FILE; repeated so that finding roots does not load the core. */
export const CONFIG_FILE_NAME = 'okra.config.yaml';

/**
 * The okra workspaces of the window: every workspace folder with okra.config.yaml at its root;
 * when none has one, the shallowest okra.config.yaml files below them (say, a repository whose
 * okra workspace lives in `okr/`).
 */
export async function findOkraRoots(): Promise<vscode.Uri[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const roots: vscode.Uri[] = [];
  for (const folder of folders) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME));
      roots.push(folder.uri);
    } catch {
      // not at the root of this folder
    }
  }
  if (roots.length > 0) return roots;
  const found = await vscode.workspace.findFiles(`**/${CONFIG_FILE_NAME}`, '**/{node_modules,.okra,.git}/**', 100);
  if (found.length === 0) return [];
  const depth = (u: vscode.Uri) => u.path.split('/').length;
  const shallowest = Math.min(...found.map(depth));
  return found.filter((u) => depth(u) === shallowest).map((u) => vscode.Uri.joinPath(u, '..'));
}
