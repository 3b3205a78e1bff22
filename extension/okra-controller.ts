import * as vscode from 'vscode';
import { showSummary } from './commands';
import { core } from './core';
import { DiagnosticsProvider, type CheckSummary } from './diagnostics-provider';
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
    );
    this.ready = this.reload();
  }

  /** Loaded okra workspaces (tests read their size and plugins). */
  get loaded(): readonly OkraWorkspace[] {
    return this.workspaces;
  }

  /** (Re)loads the given roots, or discovers and loads all of them. */
  reload(roots?: vscode.Uri[]): Promise<void> {
    this.queue = this.queue.then(() => this.load(roots)).catch((error: unknown) => this.log.error('loading the okra workspace failed', error));
    return this.queue;
  }

  private async load(only?: vscode.Uri[]): Promise<void> {
    const roots = only ?? (await findOkraRoots());
    const policy = this.policy();
    const fresh = await Promise.all(
      roots.map(async (root) => {
        try {
          const ws = await OkraWorkspace.load(root, policy);
          this.log.info(`loaded ${ws.fileCount} files from ${root.fsPath || root.toString()} in ${ws.loadMs.toFixed(0)} ms${ws.pluginNames.length > 0 ? `; plugins: ${ws.pluginNames.join(', ')}` : ''}`);
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
