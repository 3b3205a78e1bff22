import * as vscode from 'vscode';
import type { AppHost } from '../core';
import { NOTION_TOKEN_SECRET } from './ids';
import { openDocument, vscodeHost } from './vscode-host';

const UTF8 = new TextEncoder();
let counter = 0;

/**
 * The use cases' host in VS Code, for the okra workspace at `root` (paths are relative to it).
 * Reads see unsaved edits (see `vscodeHost`). A write to a file open in an editor goes through
 * the editor — one undoable edit, then saved — so the buffer and the disk stay in step; any other
 * write is a temporary file renamed over the old one, so readers never see half a file. The
 * token comes from SecretStorage.
 */
export function vscodeAppHost(root: vscode.Uri, secrets: vscode.SecretStorage): AppHost {
  return {
    ...vscodeHost(root),
    async writeFile(path, text) {
      const uri = vscode.Uri.joinPath(root, path);
      const document = openDocument(uri);
      if (document) return writeThroughEditor(document, text);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      const temp = uri.with({ path: `${uri.path}.${++counter}.okra-tmp` });
      await vscode.workspace.fs.writeFile(temp, UTF8.encode(text));
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    },
    async isFolder(path) {
      try {
        return ((await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, path))).type & vscode.FileType.Directory) !== 0;
      } catch {
        return false;
      }
    },
    notionToken: async () => (await secrets.get(NOTION_TOKEN_SECRET))?.trim() || undefined,
  };
}

async function writeThroughEditor(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${vscode.workspace.asRelativePath(document.uri)} could not be written`);
  if (!(await document.save())) throw new Error(`${vscode.workspace.asRelativePath(document.uri)} could not be saved`);
}
