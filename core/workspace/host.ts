/**
 * What the core needs from its caller to read a workspace. The CLI implements it with the
 * file system, the extension with VS Code's open documents and workspace.fs, tests in memory.
 */
export interface WorkspaceHost {
  /** Bytes of a workspace-relative path (`/` separators). Rejects when the file is missing. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Workspace-relative paths matching `include` and none of `exclude`, in any order. A folder
   * that cannot be read is skipped and, when the host can tell, passed to `onUnreadable`.
   */
  listFiles(
    include: readonly string[],
    exclude: readonly string[],
    onUnreadable?: (folder: string, reason: string) => void,
  ): Promise<string[]>;
}

/** A host over a map of path → text, for tests and for the editor's unsaved buffers. */
export function memoryHost(files: Record<string, string | Uint8Array>): WorkspaceHost {
  return {
    async readFile(path) {
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' });
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    async listFiles(include, exclude) {
      const { default: picomatch } = await import('picomatch');
      const isIncluded = picomatch(include as string[], { dot: false });
      const isExcluded = picomatch(exclude as string[], { dot: true });
      return Object.keys(files).filter((p) => isIncluded(p) && !isExcluded(p));
    },
  };
}
