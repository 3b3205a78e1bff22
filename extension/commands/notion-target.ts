import * as vscode from 'vscode';
import { core } from '../core';
import { NOTION_TOKEN_SECRET } from '../ids';
import type { FeatureDeps } from '../language/deps';
import { readSettings } from '../settings';
import { NOTION_STATE_FILE } from '../views/code-lens';
import { SANDBOX_RATE, type SandboxManager } from './sandbox-manager';

/** Where a sync writes: Notion itself or the local sandbox, and how its state is kept. */
export interface NotionTarget {
  /** "Notion" or "the local sandbox", for messages. */
  name: string;
  token: string;
  baseUrl?: string;
  parentPage: string;
  rateLimit?: { ratePerSecond: number; burst: number };
  readState(): Promise<string | undefined>;
  saveState(text: string): Promise<void>;
}

/** Why a sync cannot start, said so the user knows what to do; `action` is a command to offer. */
export class SyncRefusal extends Error {
  constructor(
    message: string,
    readonly action?: { title: string; command: string },
  ) {
    super(message);
  }
}

/**
 * The sync target from settings: the in-process sandbox when `okra.sync.useSandbox` is on (no
 * token needed), otherwise Notion with the token from SecretStorage and the parent page from
 * `okra.notion.parentPage` or okra.config.yaml.
 */
export async function notionTarget(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  root: vscode.Uri,
  sandbox: SandboxManager,
): Promise<NotionTarget> {
  const settings = readSettings(root);
  if (settings.syncUseSandbox) {
    const running = await sandbox.ensure();
    return {
      name: 'the local sandbox',
      token: running.token,
      baseUrl: running.url,
      parentPage: running.parentPage,
      rateLimit: SANDBOX_RATE,
      readState: async () => sandbox.stateText,
      saveState: async (text) => void (sandbox.stateText = text),
    };
  }
  const token = (await context.secrets.get(NOTION_TOKEN_SECRET))?.trim();
  if (!token)
    throw new SyncRefusal(
      "okra: no Notion token is set. Set the token of your Notion integration first (it is kept in VS Code's secret storage).",
      { title: 'Set Notion Token', command: 'okra.setNotionToken' },
    );
  const parentPage = settings.notionParentPage ?? deps.session()?.workspace.config?.value.notion?.parent_page;
  if (typeof parentPage !== 'string' || parentPage.trim() === '' || !core().notionSync.parentPageIdOf(parentPage)) {
    throw new SyncRefusal(
      'okra: no Notion parent page: set notion.parent_page in okra.config.yaml (or the okra.notion.parentPage setting) to the page to create the databases under.',
    );
  }
  const stateUri = vscode.Uri.joinPath(root, NOTION_STATE_FILE);
  return {
    name: 'Notion',
    token,
    parentPage,
    readState: async () => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(stateUri));
      } catch {
        return undefined;
      }
    },
    saveState: async (text) => {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(stateUri, '..'));
      await vscode.workspace.fs.writeFile(stateUri, new TextEncoder().encode(text));
    },
  };
}
