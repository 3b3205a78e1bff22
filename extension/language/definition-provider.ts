import type * as vscode from 'vscode';
import { core } from '../core';
import { toLocation } from './convert-language';
import type { LanguageDeps } from './deps';
import { okraDocument } from './open-document';

/** Go to definition: from a reference (or an `id:`) to every definition of that id. */
export class OkraDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly deps: LanguageDeps) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const at = okraDocument(this.deps, document);
    if (!at) return undefined;
    const locations = core().definitionOf(at.model, at.path, document.offsetAt(position));
    return locations.length > 0 ? locations.map((l) => toLocation(l, this.deps.uriOf)) : undefined;
  }
}
