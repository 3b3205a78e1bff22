import * as vscode from 'vscode';
import type { FeatureDeps } from '../language/deps';
import type { RunningSandbox, SandboxManager } from './sandbox-manager';

export interface OpenBoardOptions {
  /** Open the board in the browser (default true); tests pass false. */
  open?: boolean;
}

/**
 * "okra: Open the Sandbox Board": starts the local Notion-compatible sandbox in the extension
 * host when none runs, and opens its read-only board. Returns where it runs.
 */
export async function openSandboxBoardCommand(
  deps: FeatureDeps,
  sandbox: SandboxManager,
  options: OpenBoardOptions = {},
): Promise<RunningSandbox> {
  const wasRunning = sandbox.isRunning;
  const running = await sandbox.ensure();
  if (!wasRunning) deps.log.info(`sandbox: Notion API at ${running.url}, board at ${running.boardUrl}`);
  if (options.open !== false) await vscode.env.openExternal(vscode.Uri.parse(running.boardUrl));
  return running;
}
