import type { DateTime } from 'luxon';
import type * as vscode from 'vscode';
import type { WorkspaceSession } from '../../core';
import type { SyncStatus } from '../views/sync-status';

/**
 * What the language features need from the extension's base: the loaded okra workspace and
 * how its workspace-relative paths map to Uris. Implemented by the lead in activate() over the
 * OkraController (one okra workspace: the first loaded one).
 */
export interface LanguageDeps {
  /** The session of the loaded okra workspace; undefined until it has loaded (or when there is none). */
  session(): WorkspaceSession | undefined;
  /** The okra workspace's root folder. */
  root(): vscode.Uri | undefined;
  /** The workspace-relative path (`/` separators) of a Uri inside the okra workspace, or undefined. */
  relativePath(uri: vscode.Uri): string | undefined;
  /** The Uri of a workspace-relative path. */
  uriOf(path: string): vscode.Uri;
  /** Fires after the model changed (a debounced edit was read into the session, a file changed on disk, a reload). */
  onDidChangeModel: vscode.Event<void>;
  /** The moment progress and status are judged at (now, in the workspace's zone). */
  now(): DateTime;
}

/** The few log calls the features make; the base's `Log` fits (it redacts tokens). */
export interface FeatureLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** What views and commands need on top of the language features. */
export interface FeatureDeps extends LanguageDeps {
  log: FeatureLog;
  /** The sync state shown in the status bar; sync commands update it. Create one `new SyncStatus()` and push it into context.subscriptions. */
  syncStatus: SyncStatus;
}
