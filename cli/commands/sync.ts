import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { DateTime } from 'luxon';
import { syncWorkspace, type SyncStateStore, type SyncWorkspaceOptions } from '../../core';
import type { CalendarWindow, NotionSyncRun, RateLimit, RetryPolicy, SyncProgress } from '../../core/sync/notion';
import { withAppContext } from '../app-context';
import { writeFileAtomic } from '../atomic-write';
import { findWorkspace } from '../find-workspace';
import { colorsEnabled, painter } from '../terminal';
import { withWorkspaceOption } from '../workspace-options';

export interface RunSyncOptions {
  /** The integration token; default `NOTION_TOKEN` (a sandbox passes its own). */
  token?: string;
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
  fetch?: SyncWorkspaceOptions['fetch'];
  signal?: AbortSignal;
  /** Colour the plan. */
  color?: boolean;
  /** The page to create databases under, instead of the config's `notion.parent_page` (a sandbox's page). */
  parentPage?: string;
  /** Where the sync state lives, instead of `<workspace>/.okra/notion-state.json`. */
  statePath?: string;
  /**
   * `--pull`: first bring edits made in Notion to key results' Current, Confidence and Done
   * back into the YAML (as check-ins), then push. With `dryRun`, prints what would be pulled.
   */
  pull?: boolean;
  /** Keep rendered documents as pages under "Documents" (as `notion.documents` allows; default true). */
  documents?: boolean;
}

export interface RunSyncResult {
  run: NotionSyncRun;
  /** 0 done, 1 some rows failed or are in conflict. */
  exitCode: number;
  /** Workspace files a pull wrote (relative paths). */
  written: string[];
}

/**
 * `okra sync` without the command line: the core's `syncWorkspace` (which validates, refuses a
 * workspace with errors, plans rows and documents and applies) with its plan and summary
 * printed. Used by the command and by `okra demo`.
 */
export async function runSync(root: string, options: RunSyncOptions = {}): Promise<RunSyncResult> {
  const print = options.print ?? ((text: string) => void process.stdout.write(text));
  const { print: _print, log, color, statePath, ...rest } = options;
  const outcome = await withAppContext(root, (ctx) =>
    syncWorkspace(ctx, {
      ...rest,
      state: statePath === undefined ? undefined : fileState(statePath),
      paint: painter(color ?? false),
      onLog: log,
      onEvent: (event) => print(event.text),
    }),
  );
  const { run, written } = outcome;
  for (const note of outcome.notes) print(`note: ${note}\n`);
  if (!outcome.applied) {
    print(`Dry run: nothing was written (${run.counters.requests} read requests).\n`);
    return { run, exitCode: 0, written };
  }
  if (written.length > 0) print(`Pulled into ${written.join(', ')}.\n`);
  const docs = run.documents?.result;
  if (docs && docs.created + docs.replaced + docs.archived > 0)
    print(`Documents: ${docs.created} created, ${docs.replaced} replaced, ${docs.archived} archived.\n`);
  print(outcome.summary ?? '');
  const { failed, conflicts } = outcome.problems;
  return { run, exitCode: failed + conflicts > 0 ? 1 : 0, written };
}

/** A sync state kept in a file of its own (`okra demo`'s temporary folder, tests). */
function fileState(path: string): SyncStateStore {
  return { read: () => readFile(path, 'utf8').catch(() => undefined), save: (text) => writeFileAtomic(path, text) };
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
        bar = new SingleBar({
          format: 'Syncing [{bar}] {value}/{total} rows | {requests} requests | {retries} retries',
          stream,
          clearOnComplete: true,
          hideCursor: true,
        });
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
    .option('--pull', 'first bring check-ins edited in Notion (Current, Confidence, Done of key results) back into the YAML, then push')
    .addHelpText(
      'after',
      '\nThe token comes from NOTION_TOKEN; NOTION_BASE_URL points okra at another API (e.g. `okra sandbox`).\n' +
        '--pull: a key result whose Current, Confidence or Done was edited in Notion gets a new check-in (dated the day of the edit,\n' +
        'by the editor when their email matches a person, note "from Notion") and its current/confidence/done set; comments and\n' +
        'formatting of the YAML stay as they are. Other columns are YAML-owned and not pulled. A field edited in Notion and changed\n' +
        'in the YAML since the last sync is a conflict: reported, left alone on both sides. Then the push runs as usual.\n' +
        'Rendered documents (1:1 agendas, retrospectives; reviews only with notion.documents.reviews: true) become pages under "Documents".\n' +
        'Exit codes: 0 in step, 1 some rows failed or were edited in Notion and in the YAML (conflicts), 2 unusable input.\n' +
        'Examples:\n  okra sync --dry-run\n  okra sync --pull --dry-run\n  NOTION_BASE_URL=http://127.0.0.1:4010 NOTION_TOKEN=secret_sandbox okra sync',
    )
    .action(async (options: { workspace?: string; dryRun?: boolean; pull?: boolean }) => {
      const root = findWorkspace(process.cwd(), options.workspace);
      const progress = syncProgress();
      const controller = new AbortController();
      const stop = () => controller.abort(new Error('interrupted'));
      process.once('SIGINT', stop);
      try {
        const { exitCode } = await runSync(root, {
          baseUrl: process.env.NOTION_BASE_URL?.trim() || undefined,
          dryRun: options.dryRun,
          pull: options.pull,
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
