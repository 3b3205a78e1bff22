import * as vscode from 'vscode';
import { core } from '../core';
import { toRange } from '../convert';
import { toEdits } from './convert-language';
import type { LanguageDeps } from './deps';
import { okraDocument, syncOpenDocuments } from './open-document';

/**
 * Rename of an id in every file: its definition and every reference. The core decides what may
 * be renamed and refuses with a message (an invalid or taken id); VS Code shows a thrown
 * error's message to the user, so refusals are thrown as they are.
 */
export class OkraRenameProvider implements vscode.RenameProvider {
  constructor(private readonly deps: LanguageDeps) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const at = okraDocument(this.deps, document);
    if (!at) throw new Error('okra renames ids only in the files of its workspace');
    const prepared = core().prepareRename(at.model, at.path, document.offsetAt(position));
    if ('error' in prepared) throw new Error(prepared.error);
    return { range: toRange(prepared.range), placeholder: prepared.placeholder };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const at = okraDocument(this.deps, document);
    if (!at) throw new Error('okra renames ids only in the files of its workspace');
    syncOpenDocuments(this.deps, vscode.workspace.textDocuments);
    const result = core().renameEdits(at.model, at.path, document.offsetAt(position), newName.trim());
    if ('error' in result) throw new Error(result.error);
    return toEdits(result.edits, this.deps.uriOf);
  }
}
