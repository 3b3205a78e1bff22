import * as vscode from 'vscode';

/**
 * "okra: Preview Document": the Markdown preview beside the editor of a rendered document — the
 * one given (explorer context menu), else the active editor's Markdown file, else the last
 * document okra rendered in this window.
 */
export async function previewDocumentCommand(lastRendered: () => vscode.Uri | undefined, arg?: unknown): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const uri = arg instanceof vscode.Uri ? arg : active?.languageId === 'markdown' ? active.uri : lastRendered();
  if (!uri) {
    void vscode.window.showInformationMessage('okra: open a rendered document (Markdown) first, or render one (okra: Render 1:1 Agenda).');
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  return uri;
}
