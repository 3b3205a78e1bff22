import * as vscode from 'vscode';
import type { OkrNode } from '../../core';
import { core } from '../core';
import { toRange } from '../convert';
import type { LanguageDeps } from '../language/deps';
import { okrItemLook } from './okr-tree-item';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/**
 * The "OKRs" view: cycle → owner → objective → key result, from the core's `okrTree`. The tree
 * is computed once per model change and kept; nodes carry their children.
 */
export class OkrTreeProvider implements vscode.TreeDataProvider<OkrNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OkrNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: OkrNode[] | undefined;
  private readonly parents = new Map<OkrNode, OkrNode>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: LanguageDeps) {
    this.subscription = deps.onDidChangeModel(() => this.refresh());
  }

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The tree as it is now (the view's roots); tests read it. */
  tree(): OkrNode[] {
    if (this.roots) return this.roots;
    const session = this.deps.session();
    this.roots = session ? core().okrTree(session.workspace, this.deps.now()) : [];
    this.parents.clear();
    const walk = (node: OkrNode) => node.children.forEach((c) => (this.parents.set(c, node), walk(c)));
    this.roots.forEach(walk);
    return this.roots;
  }

  getChildren(node?: OkrNode): OkrNode[] {
    return node ? node.children : this.tree();
  }

  getParent(node: OkrNode): OkrNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: OkrNode): vscode.TreeItem {
    const look = okrItemLook(node);
    const item = new vscode.TreeItem(look.label, COLLAPSIBLE[look.collapsible]);
    item.id = node.key;
    item.description = look.description;
    item.iconPath = new vscode.ThemeIcon(look.icon.id, look.icon.color ? new vscode.ThemeColor(look.icon.color) : undefined);
    const tooltip = new vscode.MarkdownString(look.tooltip);
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.contextValue = look.contextValue;
    if (node.location) {
      const uri = this.deps.uriOf(node.location.file);
      item.resourceUri = uri;
      item.command = {
        title: 'Open',
        command: 'vscode.open',
        arguments: [uri, { selection: toRange(node.location.range) } satisfies vscode.TextDocumentShowOptions],
      };
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
