import * as vscode from 'vscode';
import { OkraCompletionProvider } from './completion-provider';
import { OkraDefinitionProvider } from './definition-provider';
import type { LanguageDeps } from './deps';
import { OkraHoverProvider } from './hover-provider';
import { OkraReferenceProvider } from './references-provider';
import { OkraRenameProvider } from './rename-provider';
import { OkraDocumentSymbolProvider } from './symbols-provider';

/**
 * YAML files on disk. The okra workspace's root is known only once it has loaded (and may
 * change on reload), so the selector is broad and every provider answers only for files the
 * session reads (`okraDocument`): other YAML files get nothing from okra.
 */
export const OKRA_DOCUMENTS: vscode.DocumentSelector = { language: 'yaml', scheme: 'file' };

/** Completion, definition, references, rename, hover and outline for okra's YAML files. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, deps: LanguageDeps): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      OKRA_DOCUMENTS,
      new OkraCompletionProvider(deps),
      ...OkraCompletionProvider.triggerCharacters,
    ),
    vscode.languages.registerDefinitionProvider(OKRA_DOCUMENTS, new OkraDefinitionProvider(deps)),
    vscode.languages.registerReferenceProvider(OKRA_DOCUMENTS, new OkraReferenceProvider(deps)),
    vscode.languages.registerRenameProvider(OKRA_DOCUMENTS, new OkraRenameProvider(deps)),
    vscode.languages.registerHoverProvider(OKRA_DOCUMENTS, new OkraHoverProvider(deps)),
    vscode.languages.registerDocumentSymbolProvider(OKRA_DOCUMENTS, new OkraDocumentSymbolProvider(deps), { label: 'okra' }),
  );
}
