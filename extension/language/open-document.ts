import type * as vscode from 'vscode';
import type { ParsedFile, WorkspaceModel, WorkspaceSession } from '../../core';
import type { LanguageDeps } from './deps';

/** An open document of the okra workspace, with the session brought up to its text. */
export interface OkraDocument {
  session: WorkspaceSession;
  model: WorkspaceModel;
  file: ParsedFile;
  /** Workspace-relative path. */
  path: string;
}

/**
 * The okra file behind `document`, or undefined for any other YAML file. The base reads edits
 * into the session after a debounce; a provider can be asked before that, so when the session's
 * text differs from the editor's, the editor's text is read in first: offsets from the editor
 * then always point into the same text the core reads.
 */
export function okraDocument(deps: LanguageDeps, document: vscode.TextDocument): OkraDocument | undefined {
  const session = deps.session();
  if (!session) return undefined;
  const path = deps.relativePath(document.uri);
  if (path === undefined) return undefined;
  let file = session.file(path);
  // Only files the workspace already reads (its `include`): another YAML file is not okra's.
  if (!file) return undefined;
  const text = document.getText();
  if (file.text !== text) file = session.update(path, text);
  return { session, model: session.workspace, file, path };
}

/**
 * Reads every open, edited document of the workspace into the session: before work that spans
 * files (references, rename), so that no file is seen with text older than its editor's.
 */
export function syncOpenDocuments(deps: LanguageDeps, documents: readonly vscode.TextDocument[]): void {
  for (const document of documents) okraDocument(deps, document);
}
