import * as vscode from 'vscode';
import { COMMANDS, VIEWS } from '../ids';
import type { FeatureDeps } from '../language/deps';
import { OkraCodeLensProvider } from './code-lens';
import { OkrTreeProvider } from './okr-tree';
import { OkraStatusBar } from './status-bar';

/** What registerViews hands back: the extension's API exposes it to the extension tests. */
export interface OkraViews {
  okrTree: OkrTreeProvider;
  codeLens: OkraCodeLensProvider;
  statusBar: OkraStatusBar;
}

/** The "OKRs" tree, CodeLenses on objectives and key results, and the status bar item. */
export function registerViews(context: vscode.ExtensionContext, deps: FeatureDeps): OkraViews {
  const okrTree = new OkrTreeProvider(deps);
  const codeLens = new OkraCodeLensProvider(deps);
  const statusBar = new OkraStatusBar(deps, deps.syncStatus);
  const view = vscode.window.createTreeView(VIEWS.okrTree, { treeDataProvider: okrTree, showCollapseAll: true });
  context.subscriptions.push(
    okrTree,
    view,
    codeLens,
    statusBar,
    vscode.languages.registerCodeLensProvider({ language: 'yaml', scheme: 'file' }, codeLens),
    vscode.commands.registerCommand(COMMANDS.refreshOkrTree, () => okrTree.refresh()),
  );
  return { okrTree, codeLens, statusBar };
}
