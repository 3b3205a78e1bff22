import * as vscode from 'vscode';
import type { ApplyResult, SyncPlan, SyncProgress } from '../../core/sync/notion';
import { core } from '../core';
import { DIAGNOSTIC_SOURCE } from '../ids';
import type { FeatureDeps } from '../language/deps';
import { trustPolicy } from '../trust-policy';
import { notionTarget, SyncRefusal, type NotionTarget } from './notion-target';
import { firstLines, planHasWork, planQuestion, progressText, pullSummary } from './plan-text';
import type { SandboxManager } from './sandbox-manager';
import { writePulled } from './write-pulled';

export interface SyncCommandOptions {
  /** Ask before applying (default true); tests pass false. */
  confirm?: boolean;
  /** First bring key results' check-ins edited in Notion back into the YAML ("Pull Check-ins from Notion"). */
  pull?: boolean;
}

/** What the command returns (tests read it): the plan's counts and, when applied, the result. */
export interface SyncOutcome {
  plan: SyncPlan['counts'];
  /** With `pull`: key results updated from Notion (or that would be, when not applied). */
  pulled?: number;
  applied: boolean;
  result?: Omit<ApplyResult, 'counters'>;
}

/** okra's errors in the files under `root`: a workspace with errors is not pushed (as `okra sync`). */
function errorCount(root: vscode.Uri): number {
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  let errors = 0;
  for (const [uri, list] of vscode.languages.getDiagnostics()) {
    if (!uri.path.startsWith(base)) continue;
    errors += list.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.severity === vscode.DiagnosticSeverity.Error).length;
  }
  return errors;
}

const isAbort = (error: unknown) => error instanceof Error && (error.name === 'AbortError' || /abort|cancel/i.test(error.message));

/**
 * "okra: Sync to Notion": reads Notion and shows the plan ("3 to create, 5 to update, 1 to
 * archive — Apply?"), then applies it with a cancellable progress notification and ends with a
 * summary. Refused in an untrusted workspace and in a workspace with errors.
 */
export async function syncToNotionCommand(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  sandbox: SandboxManager,
  options: SyncCommandOptions = {},
): Promise<SyncOutcome | undefined> {
  const policy = trustPolicy(vscode.workspace.isTrusted);
  if (!policy.syncEnabled) {
    deps.syncStatus.set({ state: 'disabled', reason: 'the workspace is not trusted' });
    void vscode.window
      .showWarningMessage(
        'okra: Notion sync is off because this workspace is not trusted. Trust the workspace (Manage Workspace Trust) to sync.',
        'Manage Workspace Trust',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
      });
    return undefined;
  }
  const session = deps.session();
  const root = deps.root();
  if (!session || !root) {
    void vscode.window.showWarningMessage('okra: no okra workspace is loaded (a folder with okra.config.yaml).');
    return undefined;
  }
  const errors = errorCount(root);
  if (errors > 0) {
    void vscode.window
      .showErrorMessage(
        `okra: the workspace has ${errors} error${errors === 1 ? '' : 's'}; fix them before syncing, so that nothing is archived by mistake.`,
        'Show Problems',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return undefined;
  }

  let target: NotionTarget;
  try {
    target = await notionTarget(context, deps, root, sandbox);
  } catch (error) {
    if (error instanceof SyncRefusal) {
      const action = error.action;
      void vscode.window.showWarningMessage(error.message, ...(action ? [action.title] : [])).then((choice) => {
        if (choice && action) void vscode.commands.executeCommand(action.command);
      });
      return undefined;
    }
    throw error;
  }

  const { notionSync } = core();
  const model = session.workspace;
  const run = (dryRun: boolean, signal: AbortSignal, onProgress?: (p: SyncProgress) => void) =>
    target.readState().then((stateText) =>
      notionSync.syncToNotion(model, {
        token: target.token,
        baseUrl: target.baseUrl,
        parentPage: target.parentPage,
        stateText,
        saveState: (text) => target.saveState(text),
        dryRun,
        now: deps.now(),
        rateLimit: target.rateLimit,
        signal,
        onProgress,
        onLog: (line) => deps.log.info(`sync: ${line}`),
        pull: options.pull ? { write: (pull) => writePulled(deps, pull) } : undefined,
      }),
    );

  // 1. The plan: read Notion, write nothing.
  deps.syncStatus.set({ state: 'syncing' });
  let planned: Awaited<ReturnType<typeof run>>;
  try {
    planned = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `okra: reading ${target.name}…`, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort(new Error('cancelled')));
        return run(true, abort.signal);
      },
    );
  } catch (error) {
    return failed(deps, error, 'planning');
  }
  const plan = planned.plan;
  const pulled = planned.pull ? planned.pull.edits.length : undefined;
  const pullText = planned.pull ? notionSync.formatPull(planned.pull) : '';
  const planText = pullText + notionSync.formatPlan(plan);
  deps.log.info(`sync plan for ${target.name}:\n${planText}`);
  for (const note of planned.notes) deps.log.info(`sync note: ${note}`);
  if (!planHasWork(plan.counts, plan.databases.length) && !pulled) {
    deps.syncStatus.set({ state: 'synced', at: timeOf(deps), summary: `up to date (${plan.counts.unchanged} unchanged)` });
    void vscode.window.showInformationMessage(
      `okra: ${target.name} is up to date (${plan.counts.unchanged} unchanged${plan.counts.conflicts > 0 ? `, ${plan.counts.conflicts} in conflict` : ''}).`,
    );
    return { plan: plan.counts, pulled, applied: false };
  }

  // 2. Confirm.
  if (options.confirm !== false) {
    const question = planQuestion(plan.counts, plan.databases.length, target.name);
    const pulling = planned.pull
      ? `okra: ${pullSummary(planned.pull.edits.length, planned.pull.conflicts.length)}; then ${question.slice('okra: '.length)}`
      : question;
    const choice = await vscode.window.showInformationMessage(pulling, { modal: true, detail: firstLines(planText, 25) }, 'Apply');
    if (choice !== 'Apply') {
      deps.syncStatus.set({ state: 'idle' });
      return { plan: plan.counts, pulled, applied: false };
    }
  }

  // 3. Apply, cancellable.
  const started = performance.now();
  let applied: Awaited<ReturnType<typeof run>>;
  try {
    applied = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `okra: syncing to ${target.name}`, cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort(new Error('cancelled')));
        let last = 0;
        return run(false, abort.signal, (p) => {
          if (p.total <= 0) return;
          deps.syncStatus.set({ state: 'syncing', done: p.done, total: p.total });
          const increment = ((p.done - last) / p.total) * 100;
          last = p.done;
          progress.report({ message: progressText(p.done, p.total), increment: increment > 0 ? increment : undefined });
        });
      },
    );
  } catch (error) {
    return failed(deps, error, 'applying', plan.counts);
  }
  const result = applied.result!;
  const summary = notionSync.formatSummary(result, applied.counters, performance.now() - started);
  deps.log.info(summary.trimEnd());
  const pullConflicts = applied.pull?.conflicts.length ?? 0;
  const problems = result.failed.length + applied.plan.conflicts.length + pullConflicts;
  const pulledLine = applied.pull
    ? `Pulled ${applied.pull.edits.length} check-in${applied.pull.edits.length === 1 ? '' : 's'} into the YAML. `
    : '';
  const firstLine = `okra: ${pulledLine}${summary.split('\n')[0]}`;
  deps.syncStatus.set({ state: 'synced', at: timeOf(deps), summary: summary.split('\n')[0] });
  if (problems > 0) {
    void vscode.window.showWarningMessage(
      `${firstLine} ${result.failed.length} failed, ${applied.plan.conflicts.length + pullConflicts} in conflict: see the okra log.`,
    );
  } else {
    void vscode.window.showInformationMessage(firstLine);
  }
  const { counters: _counters, ...rest } = result;
  return { plan: applied.plan.counts, pulled: applied.pull?.edits.length, applied: true, result: rest };
}

function timeOf(deps: FeatureDeps): string {
  return deps.now().toFormat('HH:mm');
}

function failed(deps: FeatureDeps, error: unknown, phase: string, counts?: SyncPlan['counts']): SyncOutcome | undefined {
  if (isAbort(error)) {
    deps.syncStatus.set({ state: 'idle' });
    void vscode.window.showInformationMessage(
      `okra: sync cancelled while ${phase}${phase === 'applying' ? '; rows written so far are kept and recorded' : ''}.`,
    );
    return counts && { plan: counts, applied: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  deps.log.error(`sync failed while ${phase}`, error);
  deps.syncStatus.set({ state: 'failed', message });
  void vscode.window.showErrorMessage(`okra: sync failed: ${message}`);
  return undefined;
}
