import type * as vscode from 'vscode';
import { core } from '../core';
import { toDocumentSymbol } from './convert-language';
import type { LanguageDeps } from './deps';
import { okraDocument } from './open-document';

/** The outline: objectives → key results; teams, people, vendors; KPIs → targets; tiers; 1:1s, reviews, retrospectives. */
export class OkraDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly deps: LanguageDeps) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const at = okraDocument(this.deps, document);
    if (!at) return undefined;
    return core().documentSymbols(at.file).map(toDocumentSymbol);
  }
}
