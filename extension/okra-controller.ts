import * as vscode from 'vscode';
import { showSummary } from './commands';
import { core } from './core';
import { DiagnosticsProvider, type CheckSummary } from './diagnostics-provider';
import { CONTEXT_KEYS } from './ids';
import type { Log } from './log';
import { OkraWorkspace, findOkraRoots } from './okra-workspace';
import { QuickFixProvider } from './quick-fixes';
import { RuleDocs } from './rule-docs';
import { readSettings } from './settings';
import type { TrustPolicy } from './trust-policy';

/**
 * Everything that needs the core, started after activate() has returned (extension.ts imports
 * this module dynamically; the core comes from dist/core.js through core.ts). Renderer and sync
 * stay out of this module: their commands will import them on first use.
 */
export class OkraController implements vscode.Disposable {
  readonly provider: DiagnosticsProvider;
  private workspaces: OkraWorkspace[] = [];
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Serialises loads and reloads. */
  private queue: Promise<void> = Promise.resolve();
  /** Settles once the first load has published its diagnostics. */
  readonly ready: Promise<void>;
  /** What the `okra.isOkraFile` context key was last set to. */
  private okraFileActive = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
    private readonly policy: () => TrustPolicy,
    docs: RuleDocs,
  ) {
    this.provider = new DiagnosticsProvider(log, docs.target, readSettings().validationDebounceMs, (ws) => void this.reload([ws.root]));
    this.disposables.push(
      this.provider,
      vscode.languages.registerCodeActionsProvider(
        { language: 'yaml' },
        new QuickFixProvider(this.provider, (uri) => this.workspaces.find((ws) => ws.relativePath(uri) !== undefined)?.uriOf),
        QuickFixProvider.metadata,
      ),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateOkraFileContext()),
      // A document whose language mode changes is opened again with its new language id.
      vscode.workspace.onDidOpenTextDocument(() => this.updateOkraFileContext()),
    );
    this.ready = this.reload();
  }

  /** Loaded okra workspaces (tests read their size and plugins). */
  get loaded(): readonly OkraWorkspace[] {
    return this.workspaces;
  }

  /** (Re)loads the given roots, or discovers and loads all of them. */
  reload(roots?: vscode.Uri[]): Promise<void> {
    this.queue = this.queue
      .then(() => this.load(roots))
      .catch((error: unknown) => this.log.error('loading the okra workspace failed', error));
    return this.queue;
  }

  private async load(only?: vscode.Uri[]): Promise<void> {
    const roots = only ?? (await findOkraRoots());
    const policy = this.policy();
    const fresh = await Promise.all(
      roots.map(async (root) => {
        try {
          const ws = await OkraWorkspace.load(root, policy);
          this.log.info(
            `loaded ${ws.fileCount} files from ${root.fsPath || root.toString()} in ${ws.loadMs.toFixed(0)} ms${ws.pluginNames.length > 0 ? `; plugins: ${ws.pluginNames.join(', ')}` : ''}`,
          );
          return ws;
        } catch (error) {
          if (error instanceof core().WorkspaceError) this.log.info(`${root.toString()}: ${error.message}`);
          else this.log.error(`could not load ${root.toString()}`, error);
          return undefined;
        }
      }),
    );
    const keys = new Set(roots.map((r) => r.toString()));
    const kept = only ? this.workspaces.filter((ws) => !keys.has(ws.root.toString())) : [];
    this.workspaces = [...kept, ...fresh.filter((ws): ws is OkraWorkspace => ws !== undefined)];
    for (const ws of this.workspaces) {
      const key = ws.root.toString();
      if (!this.watchers.has(key)) this.watchers.set(key, this.provider.watch(ws));
    }
    this.provider.setWorkspaces(this.workspaces);
    this.updateOkraFileContext();
  }

  /** Whether the active editor shows an okra file (the `okra.isOkraFile` context key). */
  get isOkraFileActive(): boolean {
    return this.okraFileActive;
  }

  /**
   * Sets `okra.isOkraFile` from the active editor: a YAML file that a loaded workspace takes in
   * (its include globs, or okra.config.yaml itself). Checked again when the editor or its
   * language changes and after every load, since a changed config can take files in or out.
   */
  private updateOkraFileContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    const active = document?.languageId === 'yaml' && this.provider.locate(document.uri) !== undefined;
    if (active === this.okraFileActive) return;
    this.okraFileActive = active;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.isOkraFile, active);
  }

  /** "okra: Validate Workspace": reads everything again, checks it, shows a summary. */
  async validateWorkspace(): Promise<CheckSummary> {
    await this.ready;
    await this.reload();
    const summary = this.provider.checkNow();
    showSummary(summary);
    this.log.info(`validate: ${summary.files} files, ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`);
    return summary;
  }

  setDebounce(ms: number): void {
    this.provider.setDebounce(ms);
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
    void this.context;
  }
}

export async function startController(context: vscode.ExtensionContext, log: Log, policy: () => TrustPolicy): Promise<OkraController> {
  const docs = await RuleDocs.load(context.extensionUri);
  const controller = new OkraController(context, log, policy, docs);
  context.subscriptions.push(controller);
  return controller;
}
