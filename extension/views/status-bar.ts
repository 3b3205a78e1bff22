import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../ids';
import type { LanguageDeps } from '../language/deps';
import { statusBarText, statusBarTooltip, type StatusCounts } from './status-text';
import type { SyncStatus } from './sync-status';

/** okra's errors and warnings (from the Problems data, source "okra") and the sync state; click → Problems. */
export class OkraStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('okra.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly deps: LanguageDeps,
    private readonly sync: SyncStatus,
  ) {
    this.item.name = 'okra';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      sync.onDidChange(() => this.update()),
      deps.onDidChangeModel(() => this.update()),
    );
    this.update();
  }

  counts(): StatusCounts {
    const counts: StatusCounts = { errors: 0, warnings: 0 };
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) {
        if (d.source !== DIAGNOSTIC_SOURCE) continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      }
    }
    return counts;
  }

  update(): void {
    if (!this.deps.session()) {
      this.item.hide();
      return;
    }
    const counts = this.counts();
    this.item.text = statusBarText(counts, this.sync.state);
    this.item.tooltip = statusBarTooltip(counts, this.sync.state);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
