import * as vscode from 'vscode';
import type { SyncState } from './status-text';

/** The sync state of this window: the sync command sets it, the status bar shows it. */
export class SyncStatus implements vscode.Disposable {
  private current: SyncState = { state: 'idle' };
  private readonly changed = new vscode.EventEmitter<SyncState>();
  readonly onDidChange = this.changed.event;

  get state(): SyncState {
    return this.current;
  }

  set(state: SyncState): void {
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
