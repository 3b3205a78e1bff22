import * as vscode from 'vscode';
import { toWorkspaceEdit, type UriOf } from './convert';
import { DIAGNOSTIC_SOURCE } from './ids';
import type { DiagnosticsProvider } from './diagnostics-provider';

/**
 * Offers each okra diagnostic's `fix` ("did you mean", a missing weight) as a quick fix. The fix
 * is data computed by the core with the diagnostic; this only converts it. A lone fix is marked
 * preferred, so "Auto Fix" (Shift+Alt+.) applies it.
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly diagnostics: DiagnosticsProvider,
    private readonly uriOf: (document: vscode.Uri) => UriOf | undefined,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const uriOf = this.uriOf(document.uri);
    if (!uriOf) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const fix = this.diagnostics.findCore(document.uri, diagnostic)?.fix;
      if (!fix || fix.edits.length === 0) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = toWorkspaceEdit(fix, uriOf);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    if (actions.length === 1) actions[0].isPreferred = true;
    return actions;
  }
}
