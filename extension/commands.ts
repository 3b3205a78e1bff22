import * as vscode from 'vscode';
import type { CheckSummary } from './diagnostics-provider';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary "okra: Validate Workspace" shows, e.g. "okra: 9 files checked: 2 errors, 1 warning". */
export function summaryText(summary: CheckSummary): string {
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos > 0) parts.push(plural(summary.infos, 'info'));
  return `okra: ${plural(summary.files, 'file')} checked: ${summary.errors + summary.warnings + summary.infos === 0 ? 'no problems' : parts.join(', ')}`;
}

/** Shows the summary without waiting for the user to close it. */
export function showSummary(summary: CheckSummary): void {
  const text = summaryText(summary);
  const show = summary.errors > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(text, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
