/**
 * okra's VS Code extension. activate() only wires: settings, the "okra" log, Workspace Trust and
 * the commands. The workspace loads once activate() has returned: okra-controller is imported
 * dynamically (esbuild keeps such modules lazy inside the bundle) and the core itself comes from
 * dist/core.js on first use (see core.ts), so activation parses a bundle of under 100 KB.
 * Renderer and sync commands (later) follow the same rule: import on first use.
 * Every registration goes into context.subscriptions.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/register-commands';
import { core } from './core';
import { COMMANDS } from './ids';
import type { FeatureDeps } from './language/deps';
import { registerLanguageFeatures } from './language/register-language';
import { Log } from './log';
import type { OkraController } from './okra-controller';
import { affectsOkra, readSettings } from './settings';
import { TrustController, type TrustPolicy } from './trust';
import { registerViews, type OkraViews } from './views/register-views';
import { SyncStatus } from './views/sync-status';

/** What activate() returns: used by the extension tests and the benchmark, not a public API. */
export interface OkraApi {
  /** Time spent in activate(), in ms. */
  activateMs: number;
  /** The controller once the core has loaded (it loads on its own right after activation). */
  controller(): Promise<OkraController>;
  /** Settles when the first workspace load has published its diagnostics. */
  ready: Promise<void>;
  /** The current Workspace Trust policy. */
  policy(): TrustPolicy;
  /** The OKR tree, CodeLens and status bar (for the tests). */
  views: OkraViews;
}

/**
 * What the language features, views and commands need, over the controller's first loaded okra
 * workspace; everything is looked up when used, so registering costs nothing at activation.
 */
function featureDeps(
  log: Log,
  current: () => OkraController | undefined,
  modelChanged: vscode.EventEmitter<void>,
  syncStatus: SyncStatus,
): FeatureDeps {
  const ws = () => current()?.loaded[0];
  return {
    session: () => ws()?.session,
    root: () => ws()?.root,
    relativePath: (uri) => ws()?.relativePath(uri),
    uriOf: (path) => ws()?.uriOf(path) ?? vscode.Uri.file(path),
    onDidChangeModel: modelChanged.event,
    now: () => core().nowIn(ws()?.session.workspace.timezone ?? 'UTC'),
    log,
    syncStatus,
  };
}

export function activate(context: vscode.ExtensionContext): OkraApi {
  const started = performance.now();
  const settings = readSettings();
  const log = new Log(settings.logLevel);
  context.subscriptions.push(log);

  let controllerPromise: Promise<OkraController> | undefined;
  let startedController: OkraController | undefined;
  const modelChanged = new vscode.EventEmitter<void>();
  const controller = (): Promise<OkraController> =>
    (controllerPromise ??= import('./okra-controller')
      .then((m) => m.startController(context, log, () => trust.policy))
      .then((c) => {
        startedController = c;
        context.subscriptions.push(c.provider.onDidCheck(() => modelChanged.fire()));
        void c.ready.then(() => modelChanged.fire());
        return c;
      }));

  const syncStatus = new SyncStatus();
  context.subscriptions.push(modelChanged, syncStatus);
  const deps = featureDeps(log, () => startedController, modelChanged, syncStatus);
  registerLanguageFeatures(context, deps);
  const views = registerViews(context, deps);
  registerCommands(context, deps);

  const trust = new TrustController(log, () => void controller().then((c) => c.reload()));
  context.subscriptions.push(
    trust,
    vscode.commands.registerCommand(COMMANDS.validateWorkspace, async () => (await controller()).validateWorkspace()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsOkra(event)) return;
      const next = readSettings();
      log.setLevel(next.logLevel);
      if (controllerPromise) void controllerPromise.then((c) => c.setDebounce(next.validationDebounceMs));
    }),
  );

  // The workspace loads after activation has returned.
  const ready = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(controller)
    .then((c) => c.ready)
    .catch((error: unknown) => log.error('okra could not start', error));

  const activateMs = performance.now() - started;
  log.info(
    `activated in ${activateMs.toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'restricted mode'})`,
  );
  return { activateMs, controller, ready, policy: () => trust.policy, views };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
