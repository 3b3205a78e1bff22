import * as vscode from 'vscode';
import { NOTION_TOKEN_SECRET } from '../ids';
import type { FeatureDeps } from '../language/deps';

/**
 * "okra: Set Notion Token": the integration's secret into VS Code's SecretStorage (never into
 * settings, never logged). An empty answer removes the stored token.
 */
export async function setNotionTokenCommand(context: vscode.ExtensionContext, deps: FeatureDeps): Promise<boolean> {
  const had = (await context.secrets.get(NOTION_TOKEN_SECRET)) !== undefined;
  const token = await vscode.window.showInputBox({
    title: 'okra: Notion integration token',
    prompt: `The secret of your Notion internal integration (notion.so/profile/integrations). Kept in VS Code's secret storage.${had ? ' Leave empty to remove the stored token.' : ''}`,
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'ntn_… or secret_…',
    validateInput: (value) => (/\s/.test(value.trim()) ? 'A token has no spaces' : undefined),
  });
  if (token === undefined) return false;
  if (token.trim() === '') {
    if (had) {
      await context.secrets.delete(NOTION_TOKEN_SECRET);
      deps.log.info('Notion token removed');
      void vscode.window.showInformationMessage('okra: the Notion token was removed.');
    }
    return false;
  }
  await context.secrets.store(NOTION_TOKEN_SECRET, token.trim());
  deps.log.info('Notion token stored in secret storage');
  void vscode.window.showInformationMessage('okra: Notion token saved in secret storage.');
  return true;
}
