import * as vscode from 'vscode';
import type { RenderRequest } from '../../core';
import { appContext } from '../app-context';
import { core } from '../core';
import type { FeatureDeps } from '../language/deps';
import { readSettings } from '../settings';
import type { PickItem } from './pick-items';

/**
 * Renders documents with the core's `renderDocuments` (built-in templates, the plugins', then
 * the workspace's `templates_dir` overrides, loaded as `okra render` loads them), as Markdown
 * under the output folder setting, and opens the first one's preview beside the editor.
 * Returns the files written.
 */
export async function renderDocuments(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  request: Omit<RenderRequest, 'date'>,
  options: { preview?: boolean } = {},
): Promise<vscode.Uri[]> {
  const session = deps.session();
  const root = deps.root();
  if (!session || !root) {
    void vscode.window.showWarningMessage('okra: no okra workspace is loaded (a folder with okra.config.yaml).');
    return [];
  }
  const date = deps.now().setZone(session.workspace.timezone).toISODate() as string;
  // An unknown id or template, or a failing template, is an AppError whose message the command shows.
  const result = await core().renderDocuments(appContext(context, root), request, { date, outDir: readSettings(root).renderOutputFolder });
  const written = result.written.map((path) => vscode.Uri.joinPath(root, path));
  deps.log.info(
    `rendered ${written.length} document${written.length === 1 ? '' : 's'}: ${written.map((u) => vscode.workspace.asRelativePath(u)).join(', ')}`,
  );
  if (written.length > 0 && options.preview !== false) {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', written[0]);
    if (written.length > 1)
      void vscode.window.showInformationMessage(
        `okra: rendered ${written.length} documents into ${vscode.workspace.asRelativePath(vscode.Uri.joinPath(written[0], '..'))}.`,
      );
  }
  return written;
}

/** A quick pick over `items`; the id of the one picked. */
export async function pickId(items: PickItem[], placeHolder: string, empty: string): Promise<string | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(empty);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.id;
}

/** The argument a command was given directly (tests, context menus), when it is an id. */
export function idArgument(arg: unknown): string | undefined {
  return typeof arg === 'string' && arg.trim() !== '' ? arg.trim() : undefined;
}
