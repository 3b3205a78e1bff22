import * as vscode from 'vscode';
import type { PullPlan } from '../../core/sync/notion';
import type { WorkspaceModel } from '../../core';
import { core } from '../core';
import type { LanguageDeps } from '../language/deps';

/**
 * Writes a pull's check-ins into the YAML through the editor: one WorkspaceEdit (undoable, open
 * editors stay in step), each file's new text from the core's `writePullEdits` (which keeps
 * comments and layout), then saved and read into the session. Returns the model to push.
 */
export async function writePulled(deps: LanguageDeps, pull: PullPlan): Promise<WorkspaceModel> {
  const session = deps.session();
  if (!session) throw new Error('the okra workspace is no longer loaded');
  const byFile = new Map<string, PullPlan['edits']>();
  for (const edit of pull.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const workspaceEdit = new vscode.WorkspaceEdit();
  const changed: Array<{ document: vscode.TextDocument; path: string; text: string }> = [];
  for (const [path, edits] of byFile) {
    const document = await vscode.workspace.openTextDocument(deps.uriOf(path));
    const before = document.getText();
    const out = core().notionSync.writePullEdits(before, edits);
    if (out.missing.length > 0) throw new Error(`${path} changed while okra was pulling (${out.missing.join(', ')} not found); pull again`);
    if (!out.changed) continue;
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(before.length)), out.text);
    changed.push({ document, path, text: out.text });
  }
  if (changed.length > 0 && !(await vscode.workspace.applyEdit(workspaceEdit)))
    throw new Error('the pulled check-ins could not be written');
  for (const { document, path, text } of changed) {
    await document.save();
    session.update(path, text);
  }
  return session.workspace;
}
