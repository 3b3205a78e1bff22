import * as vscode from 'vscode';
import { core } from '../core';
import { toLocation } from './convert-language';
import type { LanguageDeps } from './deps';
import { okraDocument, syncOpenDocuments } from './open-document';

/** Find all references of an id across every file of the workspace. */
export class OkraReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly deps: LanguageDeps) {}

  provideReferences(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): vscode.Location[] | undefined {
    const at = okraDocument(this.deps, document);
    if (!at) return undefined;
    syncOpenDocuments(this.deps, vscode.workspace.textDocuments);
    const locations = core().referencesAt(at.model, at.path, document.offsetAt(position), {
      includeDeclaration: context.includeDeclaration,
    });
    return locations.map((l) => toLocation(l, this.deps.uriOf));
  }
}
