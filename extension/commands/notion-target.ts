import type * as vscode from 'vscode';
import type { SyncWorkspaceOptions } from '../../core';
import { readSettings } from '../settings';
import { SANDBOX_RATE, type SandboxManager } from './sandbox-manager';

/** Where a sync writes: Notion itself or the local sandbox; the core reads what is not given here. */
export interface NotionTarget extends Pick<SyncWorkspaceOptions, 'token' | 'baseUrl' | 'parentPage' | 'rateLimit' | 'state'> {
  /** "Notion" or "the local sandbox", for messages. */
  name: string;
}

/**
 * The sync target from settings: the in-process sandbox when `okra.sync.useSandbox` is on (its
 * own token, its state in memory), otherwise Notion: the token from SecretStorage (through the
 * host) and the parent page from `okra.notion.parentPage`, else okra.config.yaml.
 */
export async function notionTarget(root: vscode.Uri, sandbox: SandboxManager): Promise<NotionTarget> {
  const settings = readSettings(root);
  if (settings.syncUseSandbox) {
    const running = await sandbox.ensure();
    return {
      name: 'the local sandbox',
      token: running.token,
      baseUrl: running.url,
      parentPage: running.parentPage,
      rateLimit: SANDBOX_RATE,
      state: { read: async () => sandbox.stateText, save: async (text) => void (sandbox.stateText = text) },
    };
  }
  return { name: 'Notion', parentPage: settings.notionParentPage };
}
