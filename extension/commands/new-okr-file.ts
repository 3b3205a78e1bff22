import * as vscode from 'vscode';
import type { FeatureDeps } from '../language/deps';
import { okrFileSnippet, teamOwner, workspaceCycle } from './okr-file-snippet';

/** "okra: New OKR File": an untitled Objectives file from a snippet, with the workspace's cycle and a team as owner. */
export async function newOkrFileCommand(deps: FeatureDeps): Promise<vscode.TextDocument> {
  const model = deps.session()?.workspace;
  const now = deps.now();
  const cycle = (model && workspaceCycle(model)) ?? `${now.year}-H${now.month <= 6 ? 1 : 2}`;
  const owner = (model && teamOwner(model)) ?? 'team/my-team';
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(okrFileSnippet(cycle, owner)));
  return document;
}
