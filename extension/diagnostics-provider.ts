import * as vscode from 'vscode';
import type { Diagnostic } from '../core';
import { sameDiagnostic, toDiagnostic, type DocsOf } from './convert';
import { DIAGNOSTIC_COLLECTION } from './ids';
import type { Log } from './log';
import { CONFIG_FILE_NAME as CONFIG_FILE, type OkraWorkspace } from './okra-workspace';
import { core } from './core';

/**
 * A full re-check waits for this much quiet after the last keystroke's check, or for twice the
 * last full check's duration when that is longer: in a large workspace a full check takes
 * seconds and must not run between two keystrokes.
 */
const IDLE_MS = 1000;

export interface CheckEvent {
  kind: 'file' | 'all';
  /** Workspace-relative path for `file`; the workspace root for `all`. */
  target: string;
  ms: number;
  diagnostics: number;
}

export interface CheckSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Live diagnostics. A keystroke in a definition file (debounced by `okra.validation.debounceMs`)
 * re-reads that file into the session and re-checks it against the whole workspace, cross-file
 * references included; when the user pauses or saves, every file is re-checked so the others
 * catch up. A FileSystemWatcher feeds changes made outside the editor (git checkout, the CLI).
 * Diagnostics go to one collection named "okra", converted in convert.ts only.
 */
export class DiagnosticsProvider implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private workspaces: OkraWorkspace[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly idle = new Map<OkraWorkspace, ReturnType<typeof setTimeout>>();
  /** Per workspace: the Uris that currently have diagnostics, so they can be cleared. */
  private readonly published = new Map<OkraWorkspace, Set<string>>();
  /** How long each workspace's last full check took. */
  private readonly fullCheckMs = new Map<OkraWorkspace, number>();
  /** The core diagnostics behind the published ones, for quick fixes. */
  private readonly core = new Map<string, Diagnostic[]>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly checked = new vscode.EventEmitter<CheckEvent>();
  /** Fires after every check; tests and the benchmark listen to it. */
  readonly onDidCheck = this.checked.event;

  constructor(
    private readonly log: Log,
    private readonly docsOf: DocsOf,
    private debounceMs: number,
    /** Called when okra.config.yaml changes on disk or is saved: include and plugins may differ. */
    private readonly reload: (workspace: OkraWorkspace) => void,
  ) {
    this.disposables.push(
      this.checked,
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
    );
  }

  setDebounce(ms: number): void {
    this.debounceMs = ms;
  }

  /** Replaces the workspaces (after a load or reload) and publishes everything. */
  setWorkspaces(workspaces: OkraWorkspace[]): void {
    for (const old of this.workspaces) if (!workspaces.includes(old)) this.forget(old);
    this.workspaces = workspaces;
    for (const ws of workspaces) {
      this.syncOpenDocuments(ws);
      this.publishAll(ws);
    }
  }

  /** A file watcher per workspace root; disposed with the provider. */
  watch(workspace: OkraWorkspace): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspace.root, '**/*.yaml'));
    watcher.onDidChange((uri) => void this.onDiskChange(uri, 'changed'));
    watcher.onDidCreate((uri) => void this.onDiskChange(uri, 'created'));
    watcher.onDidDelete((uri) => this.onDiskDelete(uri));
    return watcher;
  }

  /** The core diagnostics published for a Uri (quick fixes read their `fix`). */
  coreDiagnostics(uri: vscode.Uri): readonly Diagnostic[] {
    return this.core.get(uri.toString()) ?? [];
  }

  /** The core diagnostic behind one VS Code diagnostic okra published. */
  findCore(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Diagnostic | undefined {
    return this.coreDiagnostics(uri).find((d) => sameDiagnostic(diagnostic, d));
  }

  /** Re-checks every file of every workspace now and returns the counts. */
  checkNow(): CheckSummary {
    const summary: CheckSummary = { files: 0, errors: 0, warnings: 0, infos: 0 };
    for (const ws of this.workspaces) {
      const all = this.publishAll(ws);
      const counts = core().countBySeverity(all);
      summary.files += ws.fileCount;
      summary.errors += counts.error;
      summary.warnings += counts.warning;
      summary.infos += counts.info;
    }
    return summary;
  }

  /** The workspace whose definition file `uri` is (the innermost one), with its path there. */
  locate(uri: vscode.Uri): { ws: OkraWorkspace; path: string } | undefined {
    let best: { ws: OkraWorkspace; path: string } | undefined;
    for (const ws of this.workspaces) {
      const path = ws.relativePath(uri);
      // The innermost root wins when workspaces nest.
      if (path !== undefined && (!best || path.length < best.path.length)) best = { ws, path };
    }
    return best && best.ws.isDefinitionFile(best.path) ? best : undefined;
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const at = this.locate(event.document.uri);
    if (!at) return;
    const key = event.document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.checkDocument(at.ws, at.path, event.document);
        this.scheduleIdle(at.ws);
      }, this.debounceMs),
    );
    // Typing again: the full check waits until this keystroke has been checked.
    this.cancelIdle(at.ws);
  }

  private onSave(document: vscode.TextDocument): void {
    const at = this.locate(document.uri);
    this.log.debug(`saved ${document.uri.toString()} -> ${at?.path}`);
    if (!at) return;
    this.flush(document);
    if (at.path === CONFIG_FILE) {
      this.reload(at.ws);
      return;
    }
    at.ws.session.update(at.path, document.getText());
    this.cancelIdle(at.ws);
    this.publishAll(at.ws);
  }

  /** A document closed without saving: the file on disk is the truth again. */
  private async onClose(document: vscode.TextDocument): Promise<void> {
    const at = this.locate(document.uri);
    if (!at) return;
    this.flush(document, false);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
      if (at.ws.session.file(at.path)?.text !== text.replace(/^\uFEFF/, '')) {
        at.ws.session.update(at.path, text);
        this.scheduleIdle(at.ws, 0);
      }
    } catch {
      // deleted meanwhile: the watcher handles it
    }
  }

  private async onDiskChange(uri: vscode.Uri, what: 'changed' | 'created'): Promise<void> {
    const at = this.locate(uri);
    if (!at) return;
    this.log.debug(`${at.path} ${what} on disk`);
    if (at.path === CONFIG_FILE) {
      this.reload(at.ws);
      return;
    }
    // An open document with unsaved edits wins over the disk, as in the editor.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      at.ws.session.update(at.path, bytes);
    } catch (error) {
      this.log.debug(`could not read ${at.path}: ${String(error)}`);
      return;
    }
    this.scheduleIdle(at.ws, 50);
  }

  private onDiskDelete(uri: vscode.Uri): void {
    const at = this.locate(uri);
    if (!at) return;
    if (at.path === CONFIG_FILE) {
      this.reload(at.ws);
      return;
    }
    this.log.debug(`${at.path} deleted`);
    at.ws.session.remove(at.path);
    this.collection.delete(uri);
    this.core.delete(uri.toString());
    this.scheduleIdle(at.ws, 50);
  }

  /** Runs a pending keystroke check now (on save) or drops it (on close). */
  private flush(document: vscode.TextDocument, run = true): void {
    const key = document.uri.toString();
    const timer = this.pending.get(key);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.pending.delete(key);
    const at = run ? this.locate(document.uri) : undefined;
    if (at) this.checkDocument(at.ws, at.path, document);
  }

  /** The keystroke path: this file only, against the whole workspace. */
  private checkDocument(ws: OkraWorkspace, path: string, document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const started = performance.now();
    try {
      ws.session.update(path, document.getText());
      const diagnostics = ws.checkFile(path);
      this.publishFile(ws, path, diagnostics);
      const ms = performance.now() - started;
      this.log.trace(`checked ${path} in ${ms.toFixed(1)} ms: ${diagnostics.length} diagnostics`);
      this.checked.fire({ kind: 'file', target: path, ms, diagnostics: diagnostics.length });
    } catch (error) {
      this.log.error(`checking ${path} failed`, error);
    }
  }

  private scheduleIdle(ws: OkraWorkspace, delay = Math.max(IDLE_MS, this.debounceMs * 2, 2 * (this.fullCheckMs.get(ws) ?? 0))): void {
    this.cancelIdle(ws);
    this.idle.set(
      ws,
      setTimeout(() => {
        this.idle.delete(ws);
        this.publishAll(ws);
      }, delay),
    );
  }

  private cancelIdle(ws: OkraWorkspace): void {
    clearTimeout(this.idle.get(ws));
    this.idle.delete(ws);
  }

  /** Makes the session hold what open editors show (edits made while the workspace loaded). */
  private syncOpenDocuments(ws: OkraWorkspace): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      const at = this.locate(document.uri);
      if (at?.ws === ws && ws.session.file(at.path)?.text !== document.getText()) ws.session.update(at.path, document.getText());
    }
  }

  private publishFile(ws: OkraWorkspace, path: string, diagnostics: Diagnostic[]): void {
    const uri = ws.uriOf(path);
    const key = uri.toString();
    this.collection.set(
      uri,
      diagnostics.map((d) => toDiagnostic(d, ws.uriOf, this.docsOf)),
    );
    this.core.set(key, diagnostics);
    const published = this.published.get(ws) ?? new Set<string>();
    if (diagnostics.length > 0) published.add(key);
    else published.delete(key);
    this.published.set(ws, published);
  }

  /** The full check: every file, published in one call; files that became clean are cleared. */
  private publishAll(ws: OkraWorkspace): Diagnostic[] {
    const started = performance.now();
    let all: Diagnostic[];
    try {
      all = ws.checkAll();
    } catch (error) {
      this.log.error('checking the workspace failed', error);
      return [];
    }
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of all) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    const before = this.published.get(ws) ?? new Set<string>();
    const now = new Set<string>();
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, diagnostics] of byFile) {
      const uri = ws.uriOf(file);
      now.add(uri.toString());
      this.core.set(uri.toString(), diagnostics);
      entries.push([uri, diagnostics.map((d) => toDiagnostic(d, ws.uriOf, this.docsOf))]);
    }
    for (const key of before) {
      if (now.has(key)) continue;
      this.core.delete(key);
      entries.push([vscode.Uri.parse(key), []]);
    }
    this.collection.set(entries);
    this.published.set(ws, now);
    const ms = performance.now() - started;
    this.fullCheckMs.set(ws, ms);
    this.log.debug(`checked ${ws.fileCount} files in ${ms.toFixed(0)} ms: ${all.length} diagnostics`);
    this.checked.fire({ kind: 'all', target: ws.root.toString(), ms, diagnostics: all.length });
    return all;
  }

  private forget(ws: OkraWorkspace): void {
    this.cancelIdle(ws);
    this.fullCheckMs.delete(ws);
    for (const key of this.published.get(ws) ?? []) {
      this.collection.delete(vscode.Uri.parse(key));
      this.core.delete(key);
    }
    this.published.delete(ws);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const timer of this.idle.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
