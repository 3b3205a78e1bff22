import * as vscode from 'vscode';
import { core } from '../core';
import { toRange } from '../convert';
import { toCompletionKind, toMarkdown } from './convert-language';
import type { LanguageDeps } from './deps';
import { okraDocument } from './open-document';

/** Completion of ids where a reference is expected: people, teams, KPIs, tiers, objectives, vendors. */
export class OkraCompletionProvider implements vscode.CompletionItemProvider {
  /** After `kpi: ` and after `team/`. */
  static readonly triggerCharacters = [' ', '/'];

  constructor(private readonly deps: LanguageDeps) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const at = okraDocument(this.deps, document);
    if (!at) return undefined;
    const items = core().completionsAt(at.model, at.path, document.offsetAt(position), { at: this.deps.now() });
    if (items.length === 0) return undefined;
    return items.map((item) => {
      const result = new vscode.CompletionItem(item.label, toCompletionKind(item.kind));
      result.insertText = item.insertText;
      result.range = toRange(item.range);
      result.sortText = item.sortText;
      result.detail = item.detail;
      if (item.documentation) result.documentation = toMarkdown(item.documentation);
      return result;
    });
  }
}
