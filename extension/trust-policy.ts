/**
 * What okra may do in a workspace, from VS Code's Workspace Trust. Pure (no vscode import), so
 * the decision is unit-tested in `test/extension-unit/` and asserted in the extension host.
 */
export interface TrustPolicy {
  /** Workspace plugins are JavaScript from the workspace: they run only when it is trusted. */
  loadPlugins: boolean;
  /** Sync reads a token and writes to Notion: off in an untrusted workspace. */
  syncEnabled: boolean;
  /** Shown in the status bar tooltip and logged once, when limited. */
  message: string | undefined;
}

export const UNTRUSTED_MESSAGE =
  'okra runs in restricted mode because this workspace is not trusted: workspace plugins are not loaded and Notion sync is off. ' +
  'Built-in rules still check every file. Trust the workspace to lift this.';

export function trustPolicy(isTrusted: boolean): TrustPolicy {
  return isTrusted
    ? { loadPlugins: true, syncEnabled: true, message: undefined }
    : { loadPlugins: false, syncEnabled: false, message: UNTRUSTED_MESSAGE };
}
