import { DateTime } from 'luxon';
import type { WorkspaceModel } from '../model/workspace-model';
import type { Renderer } from '../render/renderer';
import type { SyncProgress } from '../sync/notion/apply';
import { formatDocumentsPlan, type DocumentsPlan } from '../sync/notion/documents';
import { formatPlan, formatSummary, type PlanPaint } from '../sync/notion/format';
import type { CalendarWindow } from '../sync/notion/mapper';
import type { SyncPlan } from '../sync/notion/plan';
import { formatPull, type PullPlan } from '../sync/notion/pull';
import type { RateLimit } from '../sync/notion/rate-limiter';
import { redact } from '../sync/notion/redact';
import type { RetryPolicy } from '../sync/notion/retry';
import { syncToNotion, type NotionSyncOptions, type NotionSyncRun } from '../sync/notion/sync';
import { documentPages } from './document-pages';
import { AppError, errorsText } from './errors';
import type { AppContext, AppHost } from './host';
import { loadChecked } from './load-checked';
import { workspaceRenderer } from './workspace-renderer';
import { writePulledCheckIns } from './write-pulled-check-ins';

/** Where okra keeps what it knows about its Notion databases, rows and pages (workspace-relative). */
export const NOTION_STATE_FILE = '.okra/notion-state.json';

/** Where a sync's state is kept; by default {@link NOTION_STATE_FILE} through the host. */
export interface SyncStateStore {
  read(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

/**
 * What a sync reports while it runs, in this order, each as data and as text (formatted, the
 * token removed) for adapters that print: what a pull brings back, the rows' plan, documents
 * left out, the documents' plan. With `confirm`, the planning pass reports too.
 */
export type SyncEvent = { text: string } & (
  | { type: 'pull'; pull: PullPlan }
  | { type: 'plan'; plan: SyncPlan }
  | { type: 'document-skipped'; key: string; reason: string }
  | { type: 'documents'; plan: DocumentsPlan }
);

export interface SyncWorkspaceOptions {
  /** The integration token; default the host's `notionToken()` (a sandbox passes its own). */
  token?: string;
  /** API address (a sandbox); default Notion's. */
  baseUrl?: string;
  /** The page to create databases under; default the config's `notion.parent_page`. */
  parentPage?: string;
  state?: SyncStateStore;
  /** Plan only: read Notion, write nothing. */
  dryRun?: boolean;
  /** First bring check-ins edited in Notion back into the YAML (see `pullCheckIns`). */
  pull?: boolean;
  /** Keep rendered documents as pages under "Documents", as `notion.documents` allows (default true). */
  documents?: boolean;
  /** Status, progress and documents as of this instant; default now. */
  now?: DateTime;
  calendarWindow?: CalendarWindow;
  rateLimit?: RateLimit;
  retry?: RetryPolicy;
  concurrency?: number;
  fetch?: NotionSyncOptions['fetch'];
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Log lines (retries, notes), token removed. */
  onLog?: (line: string) => void;
  onEvent?: (event: SyncEvent) => void;
  /** Colours for the plan's text. */
  paint?: PlanPaint;
  /**
   * The adapter's confirmation. With it, okra first plans (writing nothing), asks with the plan,
   * and applies only on `true`; it does not ask when there is nothing to write. Without it, the
   * plan is applied at once (the CLI prints it first).
   */
  confirm?: (preview: NotionSyncRun) => Promise<boolean>;
}

export interface SyncWorkspaceResult {
  /** The last pass: the applied one, or the plan when nothing was applied. */
  run: NotionSyncRun;
  applied: boolean;
  /** Workspace files a pull wrote. */
  written: string[];
  /** Rows that failed and conflicts (rows and pulled fields edited on both sides); both want the user's eye. */
  problems: { failed: number; conflicts: number };
  /** "12 created, 3 updated, … in 2.1 s" when applied, token removed. */
  summary?: string;
  /** Things the user should know, token removed. */
  notes: string[];
}

/**
 * `okra sync` and the editor's Sync to Notion. Validates the workspace and refuses one with
 * errors (a file that fails to parse would look like deleted rows and archive them); maps
 * objectives, key results, KPIs, tiers and the calendar to rows and the rendered documents
 * (1:1 agendas, retrospectives, reviews when `notion.documents` allows) to pages; reads Notion
 * and plans; then applies, unless `dryRun` or the adapter's `confirm` says no. The state is saved
 * after every write. Stops with an {@link AppError} (`workspace-errors`, `no-token`,
 * `no-parent-page`, and from a pull `pull-stale`, `errors-after-pull`).
 */
export async function syncWorkspace(ctx: AppContext, options: SyncWorkspaceOptions = {}): Promise<SyncWorkspaceResult> {
  const token = options.token ?? (await ctx.host.notionToken())?.trim();
  if (!token) throw new AppError('no-token', 'No Notion token is set: create an internal integration in Notion and give okra its secret');
  const checked = await loadChecked(ctx);
  if (checked.errors > 0)
    throw new AppError(
      'workspace-errors',
      `The workspace has ${errorsText(checked.errors)}; fix them (okra validate) before syncing, so that nothing is archived by mistake`,
    );
  const model = checked.model;
  const parentPage = options.parentPage ?? model.config?.value.notion?.parent_page;
  if (typeof parentPage !== 'string' || parentPage.trim() === '')
    throw new AppError(
      'no-parent-page',
      'okra.config.yaml has no notion.parent_page: add the URL or id of the Notion page to create the databases under',
    );
  const secrets = [token];
  const now = options.now ?? DateTime.now().setZone(model.timezone);
  const renderer = options.documents === false ? undefined : await workspaceRenderer(ctx, checked);
  const state = options.state ?? hostState(ctx.host);
  const written: string[] = [];
  const event = (e: SyncEvent) => options.onEvent?.({ ...e, text: redact(e.text, secrets) });

  const pass = async (dryRun: boolean): Promise<NotionSyncRun> =>
    syncToNotion(model, {
      token,
      baseUrl: options.baseUrl,
      parentPage,
      stateText: await state.read(),
      saveState: (text) => state.save(text),
      dryRun,
      now,
      calendarWindow: options.calendarWindow,
      rateLimit: options.rateLimit,
      retry: options.retry,
      concurrency: options.concurrency,
      fetch: options.fetch,
      signal: options.signal,
      onProgress: options.onProgress,
      onLog: options.onLog,
      onPull: (pull) => event({ type: 'pull', pull, text: formatPull(pull) }),
      onPlan: (plan) => event({ type: 'plan', plan, text: formatPlan(plan, options.paint) }),
      pull: options.pull
        ? {
            write: async (pull) => {
              const out = await writePulledCheckIns(ctx, pull);
              written.push(...out.written);
              return out.checked.model;
            },
          }
        : undefined,
      documents: renderer && ((current) => pagesOf(renderer, current, now, event)),
      onDocumentsPlan: (plan) => event({ type: 'documents', plan, text: formatDocumentsPlan(plan) }),
    });

  const notApplied = (run: NotionSyncRun): SyncWorkspaceResult => ({
    run,
    applied: false,
    written,
    problems: problemsOf(run),
    notes: run.notes.map((n) => redact(n, secrets)),
  });
  if (options.dryRun) return notApplied(await pass(true));
  if (options.confirm) {
    const preview = await pass(true);
    if (!syncHasWork(preview) || !(await options.confirm(preview))) return notApplied(preview);
  }
  const started = performance.now();
  const run = await pass(false);
  const summary = redact(formatSummary(run.result!, run.counters, performance.now() - started), secrets);
  return { ...notApplied(run), applied: true, summary };
}

/**
 * Whether applying a planned sync would write anything: databases, rows, pulled check-ins or
 * document pages. Conflicts are left alone, so they are no work.
 */
export function syncHasWork(run: NotionSyncRun): boolean {
  const { plan, pull, documents } = run;
  const rows = plan.counts.create + plan.counts.update + plan.counts.archive;
  const docs = documents ? documentWrites(documents.plan) + (documents.plan.createRoot ? 1 : 0) : 0;
  return plan.databases.length > 0 || rows > 0 || (pull?.edits.length ?? 0) > 0 || docs > 0;
}

/** Document pages a plan creates, replaces or archives. */
export function documentWrites(plan: DocumentsPlan): number {
  return plan.counts.create + plan.counts.replace + plan.counts.archive;
}

function problemsOf(run: NotionSyncRun): SyncWorkspaceResult['problems'] {
  return { failed: run.result?.failed.length ?? 0, conflicts: run.plan.conflicts.length + (run.pull?.conflicts.length ?? 0) };
}

function pagesOf(renderer: Renderer, model: WorkspaceModel, now: DateTime, event: (e: SyncEvent) => void) {
  const { pages, skipped } = documentPages(renderer, model, now.setZone(model.timezone).toISODate() as string);
  for (const { key, reason } of skipped)
    event({ type: 'document-skipped', key, reason, text: `note: document ${key} not synced: ${reason}\n` });
  return pages;
}

function hostState(host: AppHost): SyncStateStore {
  return {
    read: () =>
      host.readFile(NOTION_STATE_FILE).then(
        (bytes) => new TextDecoder().decode(bytes),
        () => undefined,
      ),
    save: (text) => host.writeFile(NOTION_STATE_FILE, text),
  };
}
