import type { AppContext } from './host';
import { syncWorkspace, type SyncWorkspaceOptions, type SyncWorkspaceResult } from './sync-workspace';

/**
 * "Pull check-ins" (`okra sync --pull`, the editor's Pull Check-ins from Notion): key results
 * whose Current, Confidence or Done was edited in Notion get a check-in in the YAML, then the
 * workspace is pushed so that Notion shows the recomputed progress. A sync with `pull` on; the
 * write-back is `writePulledCheckIns`.
 */
export function pullCheckIns(ctx: AppContext, options: Omit<SyncWorkspaceOptions, 'pull'> = {}): Promise<SyncWorkspaceResult> {
  return syncWorkspace(ctx, { ...options, pull: true });
}
