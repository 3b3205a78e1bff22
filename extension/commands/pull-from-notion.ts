import type * as vscode from 'vscode';
import type { FeatureDeps } from '../language/deps';
import type { SandboxManager } from './sandbox-manager';
import { syncToNotionCommand, type SyncCommandOptions, type SyncOutcome } from './sync-to-notion';

/**
 * "okra: Pull Check-ins from Notion": key results whose Current, Confidence or Done was edited in
 * Notion get a check-in in the YAML (comments and layout kept), then the workspace is pushed so
 * Notion shows the recomputed progress. The same plan → confirm → apply flow as Sync to Notion.
 */
export function pullFromNotionCommand(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  sandbox: SandboxManager,
  options: SyncCommandOptions = {},
): Promise<SyncOutcome | undefined> {
  return syncToNotionCommand(context, deps, sandbox, { ...options, pull: true });
}
