import type { ValidateOptions } from '../engine/validate';
import { memoryHost, type WorkspaceHost } from '../workspace/host';

/**
 * What okra's use cases need from their caller on top of reading the workspace. The CLI
 * implements it over the file system (cli/node-app-host.ts), the extension over workspace.fs,
 * open editors and SecretStorage (extension/vscode-app-host.ts), tests in memory.
 */
export interface AppHost extends WorkspaceHost {
  /**
   * Writes a file so that readers see the old or the new content, never half of it: a
   * workspace-relative path (`/` separators), or an absolute one where the host allows it.
   */
  writeFile(path: string, text: string): Promise<void>;
  /** Whether a workspace-relative path is a folder. */
  isFolder(path: string): Promise<boolean>;
  /** The Notion integration token, from where the host keeps secrets (never from files or settings). */
  notionToken(): Promise<string | undefined>;
  /** The workspace's git commit and whether it has uncommitted changes, for documents' provenance line. */
  provenance?(): Promise<{ commit?: string; dirty?: boolean }>;
}

/** What every use case is given: the host, and how the workspace is validated (plugins, trust, workers). */
export interface AppContext {
  host: AppHost;
  validate?: ValidateOptions;
  /** okra's version, stamped on rendered documents. */
  okraVersion?: string;
}

/**
 * An AppHost over a map of path → text, for tests: writes replace the map's entries, so a test
 * reads back what a use case wrote; `token` is what `notionToken()` answers.
 */
export function memoryAppHost(files: Record<string, string>, token?: string): AppHost & { files: Record<string, string> } {
  const read = memoryHost(files);
  return {
    files,
    readFile: (path) => read.readFile(path),
    listFiles: (include, exclude) => read.listFiles(include, exclude),
    async writeFile(path, text) {
      files[path] = text;
    },
    async isFolder(path) {
      const prefix = path.replace(/\/+$/, '') + '/';
      return Object.keys(files).some((p) => p.startsWith(prefix));
    },
    async notionToken() {
      return token;
    },
  };
}
