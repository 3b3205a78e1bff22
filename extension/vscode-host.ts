import picomatch from 'picomatch';
import * as vscode from 'vscode';
import type { WorkspaceHost } from '../core/workspace/host';

const UTF8 = new TextEncoder();

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
  return {
    async readFile(path) {
      const uri = vscode.Uri.joinPath(root, path);
      const document = openDocument(uri);
      if (document) return UTF8.encode(document.getText());
      return vscode.workspace.fs.readFile(uri);
    },
    async listFiles(include, exclude) {
      const isIncluded = picomatch(include as string[], { dot: false });
      const isExcluded = picomatch(exclude as string[], { dot: true });
      const found: string[] = [];
      const walk = async (relative: string): Promise<void> => {
        let entries: [string, vscode.FileType][];
        try {
          entries = await vscode.workspace.fs.readDirectory(relative === '' ? root : vscode.Uri.joinPath(root, relative));
        } catch {
          return; // unreadable folder: skip it, as fast-glob's suppressErrors does
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
