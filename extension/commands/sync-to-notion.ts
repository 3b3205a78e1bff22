import * as vscode from 'vscode';
import type { AppError, SyncWorkspaceResult } from '../../core';
import type { ApplyResult, DocumentsPlan, DocumentsResult, NotionSyncRun, SyncPlan } from '../../core/sync/notion';
import { appContext } from '../app-context';
import { core } from '../core';
import type { FeatureDeps } from '../language/deps';
import { trustPolicy } from '../trust-policy';
import { notionTarget } from './notion-target';
import { firstLines, planQuestion, progressText, pullSummary } from './plan-text';
import type { SandboxManager } from './sandbox-manager';

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
  /** Rendered documents as pages under "Documents": planned, and what was written when applied. */
  documents?: { plan: DocumentsPlan['counts']; result?: DocumentsResult };
}

const isAbort = (error: unknown) => error instanceof Error && (error.name === 'AbortError' || /abort|cancel/i.test(error.message));

/**
 * "okra: Sync to Notion": the core's `syncWorkspace` (which refuses a workspace with errors, and
 * syncs rows and rendered documents as `okra sync` does) in a cancellable progress notification;
 * the plan is shown for confirmation ("3 to create, 5 to update, 1 to archive — Apply?") before
 * anything is written, and a summary ends it. Refused in an untrusted workspace.
 */
export async function syncToNotionCommand(
  context: vscode.ExtensionContext,
  deps: FeatureDeps,
  sandbox: SandboxManager,
  options: SyncCommandOptions = {},
): Promise<SyncOutcome | undefined> {
  if (!trustPolicy(vscode.workspace.isTrusted).syncEnabled) return refuseUntrusted(deps);
  const root = deps.root();
  if (!deps.session() || !root) {
    void vscode.window.showWarningMessage('okra: no okra workspace is loaded (a folder with okra.config.yaml).');
    return undefined;
  }
  const { name, ...target } = await notionTarget(root, sandbox);
  const { syncWorkspace } = core();
  let asked = false;
  let confirmed = false;
  deps.syncStatus.set({ state: 'syncing' });
  let outcome: SyncWorkspaceResult;
  try {
    outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `okra: syncing with ${name}`, cancellable: true },
      (progress, cancel) => {
        const abort = new AbortController();
        cancel.onCancellationRequested(() => abort.abort(new Error('cancelled')));
        let last = 0;
        progress.report({ message: 'reading…' });
        return syncWorkspace(appContext(context, root), {
          ...target,
          pull: options.pull,
          now: deps.now(),
          signal: abort.signal,
          onLog: (line) => deps.log.info(`sync: ${line}`),
          onEvent: (event) => deps.log.info(`sync (${name}): ${event.text.trimEnd()}`),
          onProgress: (p) => {
            if (!confirmed || p.total <= 0) return;
            deps.syncStatus.set({ state: 'syncing', done: p.done, total: p.total });
            const increment = ((p.done - last) / p.total) * 100;
            last = p.done;
            progress.report({ message: progressText(p.done, p.total), increment: increment > 0 ? increment : undefined });
          },
          confirm: async (preview) => {
            asked = true;
            confirmed = options.confirm === false || (await askToApply(preview, name));
            return confirmed;
          },
        });
      },
    );
  } catch (error) {
    return failed(deps, error);
  }
  const { run } = outcome;
  for (const note of outcome.notes) deps.log.info(`sync note: ${note}`);
  const counts = run.plan.counts;
  const result: SyncOutcome = {
    plan: counts,
    pulled: run.pull?.edits.length,
    applied: outcome.applied,
    documents: run.documents && { plan: run.documents.plan.counts, result: run.documents.result },
  };
  if (!outcome.applied) {
    if (asked) {
      deps.syncStatus.set({ state: 'idle' });
      return result;
    }
    deps.syncStatus.set({ state: 'synced', at: timeOf(deps), summary: `up to date (${counts.unchanged} unchanged)` });
    void vscode.window.showInformationMessage(
      `okra: ${name} is up to date (${counts.unchanged} unchanged${counts.conflicts > 0 ? `, ${counts.conflicts} in conflict` : ''}).`,
    );
    return result;
  }
  const summary = outcome.summary ?? '';
  deps.log.info(summary.trimEnd());
  const pulled = run.pull ? `Pulled ${run.pull.edits.length} check-in${run.pull.edits.length === 1 ? '' : 's'} into the YAML. ` : '';
  const firstLine = `okra: ${pulled}${summary.split('\n')[0]}`;
  deps.syncStatus.set({ state: 'synced', at: timeOf(deps), summary: summary.split('\n')[0] });
  const { failed: failures, conflicts } = outcome.problems;
  if (failures + conflicts > 0)
    void vscode.window.showWarningMessage(`${firstLine} ${failures} failed, ${conflicts} in conflict: see the okra log.`);
  else void vscode.window.showInformationMessage(firstLine);
  const { counters: _counters, ...rest } = run.result!;
  return { ...result, result: rest };
}

/** The modal question with the plan (pulled check-ins, rows, documents) as its detail. */
async function askToApply(preview: NotionSyncRun, target: string): Promise<boolean> {
  const { notionSync, documentWrites } = core();
  const { plan, pull, documents } = preview;
  const question = planQuestion(plan.counts, plan.databases.length, target, documents ? documentWrites(documents.plan) : 0);
  const text =
    (pull ? notionSync.formatPull(pull) : '') +
    notionSync.formatPlan(plan) +
    (documents ? notionSync.formatDocumentsPlan(documents.plan) : '');
  const ask = pull ? `okra: ${pullSummary(pull.edits.length, pull.conflicts.length)}; then ${question.slice('okra: '.length)}` : question;
  return (await vscode.window.showInformationMessage(ask, { modal: true, detail: firstLines(text, 25) }, 'Apply')) === 'Apply';
}

function refuseUntrusted(deps: FeatureDeps): undefined {
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

/** What the editor offers when the core refuses to sync: the message and a command that helps. */
const REFUSALS: Partial<Record<AppError['code'], { message?: string; title: string; command: string }>> = {
  'no-token': {
    message: "okra: no Notion token is set. Set the token of your Notion integration first (it is kept in VS Code's secret storage).",
    title: 'Set Notion Token',
    command: 'okra.setNotionToken',
  },
  'workspace-errors': { title: 'Show Problems', command: 'workbench.actions.view.problems' },
};

function timeOf(deps: FeatureDeps): string {
  return deps.now().toFormat('HH:mm');
}

function failed(deps: FeatureDeps, error: unknown): undefined {
  if (isAbort(error)) {
    deps.syncStatus.set({ state: 'idle' });
    void vscode.window.showInformationMessage('okra: sync cancelled; rows written so far are kept and recorded.');
    return undefined;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (core().isAppError(error)) {
    deps.syncStatus.set({ state: 'idle' });
    const refusal = REFUSALS[error.code];
    void vscode.window.showWarningMessage(refusal?.message ?? `okra: ${message}`, ...(refusal ? [refusal.title] : [])).then((choice) => {
      if (choice && refusal) void vscode.commands.executeCommand(refusal.command);
    });
    return undefined;
  }
  deps.log.error('sync failed', error);
  deps.syncStatus.set({ state: 'failed', message });
  void vscode.window.showErrorMessage(`okra: sync failed: ${message}`);
  return undefined;
}
