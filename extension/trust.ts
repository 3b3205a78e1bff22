import * as vscode from 'vscode';
import type { Log } from './log';
import { trustPolicy, type TrustPolicy } from './trust-policy';

export { trustPolicy, type TrustPolicy } from './trust-policy';

/**
 * Workspace Trust, wired: the current policy, a status bar item while okra is limited, and a
 * callback when the user grants trust (VS Code never revokes it within a window).
 */
export class TrustController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private statusItem: vscode.StatusBarItem | undefined;
  private current: TrustPolicy;

  constructor(
    private readonly log: Log,
    onGranted: (policy: TrustPolicy) => void,
  ) {
    this.current = trustPolicy(vscode.workspace.isTrusted);
    this.show();
    this.disposables.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.current = trustPolicy(true);
        this.log.info('Workspace trust granted: loading workspace plugins; sync is available');
        this.show();
        onGranted(this.current);
      }),
    );
  }

  get policy(): TrustPolicy {
    return this.current;
  }

  private show(): void {
    if (this.current.message === undefined) {
      this.statusItem?.dispose();
      this.statusItem = undefined;
      return;
    }
    this.log.warn(this.current.message);
    if (!this.statusItem) {
      this.statusItem = vscode.window.createStatusBarItem('okra.trust', vscode.StatusBarAlignment.Left, 0);
      this.statusItem.name = 'okra: restricted mode';
      this.statusItem.text = '$(shield) okra: restricted';
      this.statusItem.command = 'workbench.trust.manage';
    }
    this.statusItem.tooltip = this.current.message;
    this.statusItem.show();
  }

  dispose(): void {
    this.statusItem?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
