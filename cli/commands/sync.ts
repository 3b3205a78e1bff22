import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { countBySeverity } from '../../core';
import {
  formatPlan,
  formatSummary,
  redact,
  syncToNotion,
  type CalendarWindow,
  type NotionSyncRun,
  type RateLimit,
  type RetryPolicy,
  type SyncProgress,
} from '../../core/sync/notion';
import { writeFileAtomic } from '../atomic-write';
import { UsageError } from '../errors';
import { findWorkspace } from '../find-workspace';
import { colorsEnabled, painter } from '../terminal';
import { withWorkspaceOption } from '../workspace-options';
import { runValidation } from './validate';

/** Where okra keeps what it knows about its Notion databases and rows. */
export const STATE_FILE = join('.okra', 'notion-state.json');

export interface RunSyncOptions {
  /** The integration token (the CLI reads `NOTION_TOKEN`; the extension passes it from SecretStorage). */
  token: string;
  /** API address, e.g. a sandbox (`NOTION_BASE_URL`). */
  baseUrl?: string;
  /** Plan only. */
  dryRun?: boolean;
  /** Output (the plan and the summary); default stdout. */
  print?: (text: string) => void;
  /** Log lines (retries, notes); default none. */
  log?: (line: string) => void;
  onProgress?: (progress: SyncProgress) => void;
  /** Status and progress as of this instant (default now). */
  now?: DateTime;
  calendarWindow?: CalendarWindow;
  /** Pacing (default Notion's 3 requests per second). */
  rateLimit?: RateLimit;
  retry?: RetryPolicy;
  concurrency?: number;
  fetch?: Parameters<typeof syncToNotion>[1]['fetch'];
  signal?: AbortSignal;
  /** Colour the plan. */
  color?: boolean;
  /** The page to create databases under, instead of the config's `notion.parent_page` (a sandbox's page). */
  parentPage?: string;
  /** Where the sync state lives, instead of `<workspace>/.okra/notion-state.json`. */
  statePath?: string;
}

export interface RunSyncResult {
  run: NotionSyncRun;
  /** 0 done, 1 some rows failed or are in conflict. */
  exitCode: number;
}

/**
 * `okra sync` without the command line: validates the workspace (a workspace with errors is
 * not pushed, since a file that fails to parse would look like deleted rows), prints the plan,
 * applies it unless `dryRun`, and saves `.okra/notion-state.json` atomically after every write.
 * Used by the CLI, the extension and `okra demo`.
 */
export async function runSync(root: string, options: RunSyncOptions): Promise<RunSyncResult> {
  const print = options.print ?? ((text: string) => void process.stdout.write(text));
  const secrets = [options.token];
  const validation = await runValidation(root);
  const errors = countBySeverity(validation.diagnostics).error;
  if (errors > 0) throw new UsageError(`The workspace has ${errors} error${errors === 1 ? '' : 's'}; fix them (okra validate) before syncing, so that nothing is archived by mistake`);
  const model = validation.model;
  const parentPage = options.parentPage ?? model.config?.value.notion?.parent_page;
  if (typeof parentPage !== 'string' || parentPage.trim() === '') {
    throw new UsageError('okra.config.yaml has no notion.parent_page: add the URL or id of the Notion page to create the databases under');
  }
  const statePath = options.statePath ?? join(root, STATE_FILE);
  const stateText = await readFile(statePath, 'utf8').catch(() => undefined);
  const paint = painter(options.color ?? false);
  const started = performance.now();
  const run = await syncToNotion(model, {
    token: options.token,
    baseUrl: options.baseUrl,
    parentPage,
    stateText,
    saveState: (text) => writeFileAtomic(statePath, text),
    dryRun: options.dryRun,
    now: options.now ?? DateTime.now().setZone(model.timezone),
    calendarWindow: options.calendarWindow,
    rateLimit: options.rateLimit,
    retry: options.retry,
    concurrency: options.concurrency,
    onPlan: (plan) => print(redact(formatPlan(plan, paint), secrets)),
    onProgress: options.onProgress,
    onLog: options.log,
    fetch: options.fetch,
    signal: options.signal,
  });
  for (const note of run.notes) print(redact(`note: ${note}\n`, secrets));
  if (options.dryRun) {
    print(`Dry run: nothing was written (${run.counters.requests} read requests).\n`);
    return { run, exitCode: 0 };
  }
  const result = run.result!;
  print(redact(formatSummary(result, run.counters, performance.now() - started), secrets));
  const exitCode = result.failed.length > 0 || run.plan.conflicts.length > 0 ? 1 : 0;
  return { run, exitCode };
}

/** A progress line on stderr when it is a terminal: rows done / total, requests, retries. */
function syncProgress(stream: NodeJS.WriteStream = process.stderr): { update(p: SyncProgress): void; stop(): void } {
  if (!stream.isTTY || process.env.CI) return { update() {}, stop() {} };
  let bar: SingleBar | undefined;
  let last = { done: 0, total: 0 };
  return {
    update(p) {
      if (p.total >= 0) last = { done: p.done, total: p.total };
      if (last.total === 0) return;
      if (!bar) {
        bar = new SingleBar({ format: 'Syncing [{bar}] {value}/{total} rows | {requests} requests | {retries} retries', stream, clearOnComplete: true, hideCursor: true });
        bar.start(last.total, 0, { requests: 0, retries: 0 });
      }
      bar.setTotal(last.total);
      bar.update(last.done, { requests: p.counters.requests, retries: p.counters.retries });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** `okra sync [--dry-run] [--workspace DIR]`. The lead registers it in cli/main.ts. */
export function registerSyncCommand(program: Command): void {
  withWorkspaceOption(
    program
      .command('sync')
      .description('push objectives, key results, KPIs, tiers and the calendar to Notion databases under notion.parent_page'),
  )
    .option('--dry-run', 'show what would be created, updated and archived, and change nothing')
    .addHelpText(
      'after',
      '\nThe token comes from NOTION_TOKEN; NOTION_BASE_URL points okra at another API (e.g. `okra sandbox`).\n' +
        'Exit codes: 0 in step, 1 some rows failed or were edited in Notion and in the YAML (conflicts), 2 unusable input.\n' +
        'Examples:\n  okra sync --dry-run\n  NOTION_BASE_URL=http://127.0.0.1:4010 NOTION_TOKEN=secret_sandbox okra sync',
    )
    .action(async (options: { workspace?: string; dryRun?: boolean }) => {
      const token = process.env.NOTION_TOKEN?.trim();
      if (!token) {
        throw new UsageError('NOTION_TOKEN is not set. Create an internal integration at https://www.notion.so/profile/integrations, share the parent page with it, and export NOTION_TOKEN=<its secret>');
      }
      const root = findWorkspace(process.cwd(), options.workspace);
      const progress = syncProgress();
      const controller = new AbortController();
      const stop = () => controller.abort(new Error('interrupted'));
      process.once('SIGINT', stop);
      try {
        const { exitCode } = await runSync(root, {
          token,
          baseUrl: process.env.NOTION_BASE_URL?.trim() || undefined,
          dryRun: options.dryRun,
          color: colorsEnabled(),
          onProgress: (p) => progress.update(p),
          log: process.env.OKRA_DEBUG ? (line) => process.stderr.write(`${line}\n`) : undefined,
          signal: controller.signal,
        });
        process.exitCode = exitCode;
      } finally {
        progress.stop();
        process.off('SIGINT', stop);
      }
    });
}
