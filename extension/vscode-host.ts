import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { WorkspaceHost } from '../core/workspace/host';

const UTF8 = new TextEncoder();

/** Reads in flight at once while a workspace loads. */
const MAX_PARALLEL_READS = 4;

/**
 * Lets at most `limit` reads run at once and hands each result over from a fresh macrotask. The
 * core parses a file as soon as its read resolves, synchronously; 2,000 reads resolving together
 * would parse back to back for minutes and starve the extension host's own connection (code-server
 * drops and re-creates it). This way the event loop gets a turn after every few files.
 */
function throttle(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => PromiseLike<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      const result = await task();
      await new Promise<void>((resolve) => setImmediate(resolve));
      return result;
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** The open document for a Uri, if VS Code has one (saved or not). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** Folders never worth walking into; the core's ALWAYS_EXCLUDE still filters the rest. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.okra']);

/**
 * The core's WorkspaceHost for a workspace rooted at `root`: reads prefer the text of an open
 * document, unsaved edits included (what the user sees is what okra checks), and fall back to
 * `vscode.workspace.fs`, which works for local, remote and virtual folders alike.
 *
 * `listFiles` walks the folder with `workspace.fs.readDirectory` and matches with picomatch,
 * like the CLI's fast-glob (`dot: false`): `findFiles` would apply `files.exclude`, which the
 * CLI knows nothing about, and the two must see the same files.
 */
export function vscodeHost(root: vscode.Uri): WorkspaceHost {
  const limit = throttle(MAX_PARALLEL_READS);
  return {
    async readFile(path) {
      const uri = vscode.Uri.joinPath(root, path);
      const document = openDocument(uri);
      if (document) return UTF8.encode(document.getText());
      return limit(() => vscode.workspace.fs.readFile(uri));
    },
    async listFiles(include, exclude, onUnreadable) {
      const isIncluded = picomatch(include as string[], { dot: false });
      const isExcluded = picomatch(exclude as string[], { dot: true });
      const found: string[] = [];
      const walk = async (relative: string): Promise<void> => {
        let entries: [string, vscode.FileType][];
        try {
          entries = await vscode.workspace.fs.readDirectory(relative === '' ? root : vscode.Uri.joinPath(root, relative));
        } catch (error) {
          // Skipped, as fast-glob's suppressErrors does, but reported on the config.
          onUnreadable?.(relative || '.', (error as Error)?.message ?? String(error));
          return;
        }
        const folders: string[] = [];
        for (const [name, type] of entries) {
          if (name.startsWith('.')) continue;
          const path = relative === '' ? name : `${relative}/${name}`;
          // Linked folders are not walked into (fast-glob: followSymbolicLinks false); linked files count.
          if (type & vscode.FileType.Directory) {
            if (type & vscode.FileType.SymbolicLink) continue;
            if (!SKIP_DIRS.has(name)) folders.push(path);
          } else if (type & vscode.FileType.File && isIncluded(path) && !isExcluded(path)) {
            found.push(path);
          }
        }
        await Promise.all(folders.map(walk));
      };
      await walk('');
      return found;
    },
  };
}
