import { memoryAppHost, type AppContext } from '../../core/app';
import type { SandboxHandle } from '../../sandbox';
import type { SyncWorkspaceOptions } from '../../core/app';
import { baseData, FAST_RETRY, NO_PACING, NOW, WINDOW, workspaceFiles, type WorkspaceData } from '../sync/helpers';

/** A use-case context over the files of a test workspace in memory; the host's secret is the sandbox's token. */
export function memoryContext(
  parentPage: string,
  token: string | undefined,
  data: WorkspaceData = baseData(),
  extra: Record<string, string> = {},
) {
  const host = memoryAppHost({ ...workspaceFiles(parentPage, data), ...extra }, token);
  const ctx: AppContext = { host, okraVersion: '0.0.0-test' };
  return { ctx, files: host.files };
}

/** Sync options against a sandbox: pinned clock and calendar, no pacing, quick retries. */
export function sandboxOptions(sandbox: SandboxHandle, extra: SyncWorkspaceOptions = {}): SyncWorkspaceOptions {
  return { baseUrl: sandbox.url, now: NOW, calendarWindow: WINDOW, retry: FAST_RETRY, rateLimit: NO_PACING, ...extra };
}
