import * as vscode from 'vscode';
import { core } from '../core';
import { toRange } from '../convert';
import type { LanguageDeps } from '../language/deps';
import { okraDocument } from '../language/open-document';
import { readSettings } from '../settings';
import { notionUrlOf, type StateRows } from './notion-link';

/** Where sync keeps what it knows about Notion pages, relative to the okra workspace. */
export const NOTION_STATE_FILE = '.okra/notion-state.json';

/**
 * A lens above every objective and key result: its figures ("62% · on track · score 0.6"), and
 * "Open in Notion" once a sync has created its page.
 */
export class OkraCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private rows: Promise<StateRows> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly deps: LanguageDeps) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${NOTION_STATE_FILE}`);
    const stateChanged = () => {
      this.rows = undefined;
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(stateChanged),
      watcher.onDidCreate(stateChanged),
      watcher.onDidDelete(stateChanged),
      deps.onDidChangeModel(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('okra.notion') && stateChanged()),
    );
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[] | undefined> {
    const at = okraDocument(this.deps, document);
    if (!at) return undefined;
    const lenses = core().codeLenses(at.model, at.path, this.deps.now());
    if (lenses.length === 0) return undefined;
    const rows = await (this.rows ??= this.readRows());
    const result: vscode.CodeLens[] = [];
    for (const lens of lenses) {
      const range = toRange(lens.range);
      // An empty command id: a lens that reads, not a button.
      result.push(new vscode.CodeLens(range, { title: lens.title, command: '' }));
      const url = notionUrlOf(rows, lens.type, lens.id);
      if (url)
        result.push(
          new vscode.CodeLens(range, { title: 'Open in Notion', command: 'vscode.open', arguments: [vscode.Uri.parse(url)], tooltip: url }),
        );
    }
    return result;
  }

  /** The rows of `.okra/notion-state.json` for the configured parent page; none when unreadable. */
  private async readRows(): Promise<StateRows> {
    const root = this.deps.root();
    const model = this.deps.session()?.workspace;
    if (!root || !model) return {};
    const { notionSync } = core();
    const parent = readSettings(root).notionParentPage ?? model.config?.value.notion?.parent_page;
    const parentPageId = typeof parent === 'string' ? notionSync.parentPageIdOf(parent) : undefined;
    if (!parentPageId) return {};
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, NOTION_STATE_FILE)));
    } catch {
      return {};
    }
    return notionSync.parseState(text, parentPageId).state.rows;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
