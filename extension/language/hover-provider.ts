import * as vscode from 'vscode';
import { core } from '../core';
import { toRange } from '../convert';
import { toMarkdown } from './convert-language';
import type { LanguageDeps } from './deps';
import { okraDocument } from './open-document';

/** Hover on a reference (or an `id:`): the item it names — name, owner, progress or targets. */
export class OkraHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: LanguageDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const at = okraDocument(this.deps, document);
    if (!at) return undefined;
    const hover = core().hoverAt(at.model, at.path, document.offsetAt(position), { at: this.deps.now() });
    return hover && new vscode.Hover(toMarkdown(hover.contents), toRange(hover.range));
  }
}
