import * as vscode from 'vscode';
import type { CompletionKind, DocumentSymbol, DocumentSymbolKind, TextEdit, TextLocation } from '../../core';
import { toRange, toWorkspaceEdit, type UriOf } from '../convert';

/**
 * Language-service shapes as VS Code values: what extension/convert.ts (ranges, diagnostics,
 * fixes) does not already convert. Ranges go through convert.ts's `toRange`.
 */

export function toLocation(location: TextLocation, uriOf: UriOf): vscode.Location {
  return new vscode.Location(uriOf(location.file), toRange(location.range));
}

/** Text edits in any number of files (a rename) as one WorkspaceEdit. */
export function toEdits(edits: readonly TextEdit[], uriOf: UriOf): vscode.WorkspaceEdit {
  return toWorkspaceEdit({ title: 'rename', edits: [...edits] }, uriOf);
}

const SYMBOL_KIND: Record<DocumentSymbolKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  team: vscode.SymbolKind.Module,
  person: vscode.SymbolKind.Object,
  vendor: vscode.SymbolKind.Package,
  objective: vscode.SymbolKind.Class,
  key_result: vscode.SymbolKind.Property,
  kpi: vscode.SymbolKind.Variable,
  target: vscode.SymbolKind.Field,
  tier: vscode.SymbolKind.Enum,
  one_on_one: vscode.SymbolKind.Event,
  review: vscode.SymbolKind.Event,
  stage: vscode.SymbolKind.EnumMember,
  retrospective: vscode.SymbolKind.Event,
};

export function toDocumentSymbol(symbol: DocumentSymbol): vscode.DocumentSymbol {
  const range = toRange(symbol.range);
  // VS Code requires the selection range inside the range.
  const selection = range.contains(toRange(symbol.selectionRange))
    ? toRange(symbol.selectionRange)
    : new vscode.Range(range.start, range.start);
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, SYMBOL_KIND[symbol.kind], range, selection);
  result.children = symbol.children.map(toDocumentSymbol);
  return result;
}

const COMPLETION_KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  person: vscode.CompletionItemKind.User,
  team: vscode.CompletionItemKind.Folder,
  kpi: vscode.CompletionItemKind.Value,
  objective: vscode.CompletionItemKind.Reference,
  tier: vscode.CompletionItemKind.EnumMember,
  vendor: vscode.CompletionItemKind.Module,
  keyword: vscode.CompletionItemKind.Keyword,
};

export function toCompletionKind(kind: CompletionKind): vscode.CompletionItemKind {
  return COMPLETION_KIND[kind];
}

/** Markdown from the core: workspace text in it is already escaped; never trusted (no command links). */
export function toMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}
