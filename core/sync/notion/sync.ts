import type { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../model/workspace-model';
import { applySync, type ApplyResult, type SyncProgress } from './apply';
import { createNotionClient, parentPageIdOf } from './client';
import { defaultCalendarWindow, mapWorkspace, type CalendarWindow } from './mapper';
import { planSync, type SyncPlan } from './plan';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { readRemote } from './remote';
import { redact, redactError, SyncError } from './redact';
import type { RetryPolicy } from './retry';
import { parseState, serializeState as serialize, type SyncState } from './state';
import { NotionTransport, type RetryEvent, type SyncCounters } from './transport';
import type { RemoteRow } from './types';

export interface NotionSyncOptions {
  /** The integration token. Never printed: every message okra produces is scrubbed of it. */
  token: string;
  /** API address (a sandbox); default Notion's. */
  baseUrl?: string;
  /** `notion.parent_page` from the config: a page URL or id. */
  parentPage: string;
  /** The state file's text, if there is one. */
  stateText?: string;
  /** Persists the state file's text; called after every write. Not called in a dry run. */
  saveState: (text: string, state: SyncState) => Promise<void>;
  /** Plan only: read Notion, write nothing. */
  dryRun?: boolean;
  /** The instant status and progress are computed for (default now). */
  now: DateTime;
  /** Which 1:1s the Calendar holds (default 4 weeks back to 13 weeks ahead). */
  calendarWindow?: CalendarWindow;
  rateLimit?: RateLimit;
  retry?: RetryPolicy;
  concurrency?: number;
  /** Called once the plan is known, before anything is written. */
  onPlan?: (plan: SyncPlan) => void;
  onProgress?: (progress: SyncProgress) => void;
  /** Log lines (retries, notes), token removed. */
  onLog?: (line: string) => void;
  /** A fetch for the client (e.g. one that counts requests). */
  fetch?: Parameters<typeof createNotionClient>[0]['fetch'];
  signal?: AbortSignal;
  /** Write rows that were edited in Notion even when the YAML changed too. */
  overwriteConflicts?: boolean;
}

export interface NotionSyncRun {
  plan: SyncPlan;
  /** Undefined in a dry run. */
  result?: ApplyResult;
  counters: SyncCounters;
  /** Things the user should know (rebuilt state, hand-made pages with okra ids …). */
  notes: string[];
  state: SyncState;
}

/**
 * Pushes a workspace to Notion: read what is there, plan, and (unless `dryRun`) apply. Any
 * error is rethrown as a {@link SyncError} whose message is free of the token.
 */
export async function syncToNotion(model: WorkspaceModel, options: NotionSyncOptions): Promise<NotionSyncRun> {
  const secrets = [options.token];
  const log = (line: string) => options.onLog?.(redact(line, secrets));
  try {
    const parentPageId = parentPageIdOf(options.parentPage);
    if (!parentPageId) throw new SyncError(`notion.parent_page "${options.parentPage}" is neither a Notion page URL nor a page id.`, 'config');
    const parsed = parseState(options.stateText, parentPageId);
    const notes: string[] = [];
    if (parsed.note && options.stateText !== undefined) notes.push(parsed.note);
    const state = parsed.state;
    const client = createNotionClient({ token: options.token, baseUrl: options.baseUrl, onLog: log, fetch: options.fetch });
    const transport = new NotionTransport(client, {
      limiter: new RateLimiter(options.rateLimit),
      retry: options.retry,
      signal: options.signal,
      onRetry: (e: RetryEvent) => log(`retry ${e.attempt} of ${e.label} after ${e.reason} in ${e.delayMs} ms`),
      onRequest: (counters) => options.onProgress?.({ phase: 'rows', done: -1, total: -1, counters }),
    });
    const remote = await readRemote(transport, parentPageId, state);
    const needsUsers = model.people.all.some((p) => typeof p.value.email === 'string' && p.value.email.includes('@'));
    const userIdByEmail = needsUsers ? await transport.usersByEmail() : new Map<string, string>();
    const window = options.calendarWindow ?? defaultCalendarWindow(options.now, model.timezone);
    const local = mapWorkspace(model, { model, now: options.now, userIdByEmail }, window);
    const retain = (row: RemoteRow) => row.kind === 'calendar' && isBefore(row.values.Date, window.from);
    const plan = planSync(local, remote, state, { retain, overwriteConflicts: options.overwriteConflicts });
    notes.push(...plan.notes);
    options.onPlan?.(plan);
    if (options.dryRun) return { plan, counters: transport.counters, notes, state };
    const result = await applySync(transport, plan, {
      parentPageId,
      remote,
      state,
      saveState: (s) => options.saveState(serialize(s), s),
      onProgress: options.onProgress,
      concurrency: options.concurrency,
      secrets,
      signal: options.signal,
    });
    return { plan, result, counters: transport.counters, notes, state };
  } catch (error) {
    throw redactError(error, secrets);
  }
}

/** Whether a date value starts before an ISO day. */
function isBefore(value: unknown, day: string): boolean {
  const start = (value as { start?: unknown } | null)?.start;
  return typeof start === 'string' && start.slice(0, 10) < day;
}
