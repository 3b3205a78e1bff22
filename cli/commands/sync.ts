import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { countBySeverity } from '../../core';
import type { WorkspaceModel } from '../../core/model/workspace-model';
import { planAllDocuments, TemplateError } from '../../core/render';
import {
  documentAllowed,
  documentSettings,
  formatDocumentsPlan,
  formatPlan,
  formatPull,
  writePullEdits,
  type DocumentPage,
  type PullPlan,
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
import { readTemplateOverrides, rendererFor } from './render';
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
  if (errors > 0)
    throw new UsageError(
      `The workspace has ${errors} error${errors === 1 ? '' : 's'}; fix them (okra validate) before syncing, so that nothing is archived by mistake`,
    );
  const model = validation.model;
  const parentPage = options.parentPage ?? model.config?.value.notion?.parent_page;
  if (typeof parentPage !== 'string' || parentPage.trim() === '') {
    throw new UsageError('okra.config.yaml has no notion.parent_page: add the URL or id of the Notion page to create the databases under');
  }
  const statePath = options.statePath ?? join(root, STATE_FILE);
  const stateText = await readFile(statePath, 'utf8').catch(() => undefined);
  const paint = painter(options.color ?? false);
  const started = performance.now();
  const now = options.now ?? DateTime.now().setZone(model.timezone);
  const written: string[] = [];
  const documents =
    options.documents === false
      ? undefined
      : await documentSource(root, validation.plugins, model, now.setZone(model.timezone).toISODate() as string, (line) =>
          print(`note: ${line}\n`),
        );
  const run = await syncToNotion(model, {
    token: options.token,
    baseUrl: options.baseUrl,
    parentPage,
    stateText,
    saveState: (text) => writeFileAtomic(statePath, text),
    dryRun: options.dryRun,
    now,
    calendarWindow: options.calendarWindow,
    rateLimit: options.rateLimit,
    retry: options.retry,
    concurrency: options.concurrency,
    onPlan: (plan) => print(redact(formatPlan(plan, paint), secrets)),
    onProgress: options.onProgress,
    onLog: options.log,
    fetch: options.fetch,
    signal: options.signal,
    onPull: (pull) => print(redact(formatPull(pull), secrets)),
    pull: options.pull ? { write: async (pull) => writePulled(root, pull, written) } : undefined,
    documents,
    onDocumentsPlan: (plan) => print(redact(formatDocumentsPlan(plan), secrets)),
  });
  for (const note of run.notes) print(redact(`note: ${note}\n`, secrets));
  const pullConflicts = run.pull?.conflicts.length ?? 0;
  if (options.dryRun) {
    print(`Dry run: nothing was written (${run.counters.requests} read requests).\n`);
    return { run, exitCode: 0, written };
  }
  const result = run.result!;
  if (written.length > 0) print(`Pulled into ${written.join(', ')}.\n`);
  const docs = run.documents?.result;
  if (docs && docs.created + docs.replaced + docs.archived > 0)
    print(`Documents: ${docs.created} created, ${docs.replaced} replaced, ${docs.archived} archived.\n`);
  print(redact(formatSummary(result, run.counters, performance.now() - started), secrets));
  const exitCode = result.failed.length > 0 || run.plan.conflicts.length > 0 || pullConflicts > 0 ? 1 : 0;
  return { run, exitCode, written };
}

/**
 * Writes a pull's edits into the workspace files (each changed file atomically, untouched
 * files not at all) and re-reads the workspace, which is what gets pushed.
 */
async function writePulled(root: string, pull: PullPlan, written: string[]): Promise<WorkspaceModel> {
  const byFile = new Map<string, PullPlan['edits']>();
  for (const edit of pull.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) {
    const path = join(root, file);
    const text = await readFile(path, 'utf8');
    const out = writePullEdits(text, edits);
    if (out.missing.length > 0)
      throw new UsageError(`${file} changed while okra was pulling (${out.missing.join(', ')} not found); run okra sync --pull again`);
    if (!out.changed) continue;
    await writeFileAtomic(path, out.text);
    written.push(file);
  }
  const again = await runValidation(root);
  const errors = countBySeverity(again.diagnostics).error;
  if (errors > 0)
    throw new UsageError(`After the pull the workspace has ${errors} error${errors === 1 ? '' : 's'} (okra validate); nothing was pushed`);
  return again.model;
}

/**
 * The rendered documents `notion.documents` allows, for the workspace as it will be pushed:
 * each 1:1 agenda and retrospective by default, reviews only when turned on. Documents are
 * rendered without the git commit, so a page is rewritten when its content changes, not on
 * every commit.
 */
async function documentSource(
  root: string,
  plugins: Parameters<typeof rendererFor>[0],
  model: WorkspaceModel,
  date: string,
  note: (line: string) => void,
): Promise<(model: WorkspaceModel) => DocumentPage[]> {
  const renderer = rendererFor(plugins, await readTemplateOverrides(root, model));
  return (current) => {
    const settings = documentSettings(current.config?.value.notion?.documents);
    const pages: DocumentPage[] = [];
    for (const job of planAllDocuments(current, renderer, date).jobs) {
      if (!documentAllowed(settings, job.kind)) continue;
      try {
        const doc = renderer.render(job.template, job.build(), {});
        pages.push({ key: job.path.join('/'), kind: job.kind, markdown: doc.markdown, fallbackTitle: doc.title });
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        note(`document ${job.path.join('/')} not synced: ${error.message}`);
      }
    }
    return pages;
  };
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
      const token = process.env.NOTION_TOKEN?.trim();
      if (!token) {
        throw new UsageError(
          'NOTION_TOKEN is not set. Create an internal integration at https://www.notion.so/profile/integrations, share the parent page with it, and export NOTION_TOKEN=<its secret>',
        );
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
