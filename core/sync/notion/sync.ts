import type { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../model/workspace-model';
import { applySync, type ApplyResult, type SyncProgress } from './apply';
import { createNotionClient, parentPageIdOf } from './client';
import {
  applyDocuments,
  planDocuments,
  readRemoteDocuments,
  type DocumentPage,
  type DocumentsPlan,
  type DocumentsResult,
} from './documents';
import { acceptPull, planPull, type PullPlan } from './pull';
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
  /**
   * `--pull`: bring edits made in Notion to key results' Current, Confidence and Done back into
   * the YAML before pushing. okra works out the edits; `write` (the caller owns the files) writes
   * them and returns the workspace re-read, which is then pushed. Not called in a dry run or
   * when there is nothing to pull.
   */
  pull?: { write: (pull: PullPlan) => Promise<WorkspaceModel> };
  /** Called with the pull's edits and conflicts, before anything is written. */
  onPull?: (pull: PullPlan) => void;
  /** The rendered documents to keep as pages under "Documents" (for the workspace as pushed); none when absent. */
  documents?: (model: WorkspaceModel) => DocumentPage[];
  /** Called once the documents plan is known. */
  onDocumentsPlan?: (plan: DocumentsPlan) => void;
}

export interface NotionSyncRun {
  plan: SyncPlan;
  /** Undefined in a dry run. */
  result?: ApplyResult;
  /** With `pull`: what came back from Notion (or would, in a dry run). */
  pull?: PullPlan;
  /** With `documents`. */
  documents?: { plan: DocumentsPlan; result?: DocumentsResult };
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
    if (!parentPageId)
      throw new SyncError(`notion.parent_page "${options.parentPage}" is neither a Notion page URL nor a page id.`, 'config');
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
    let local = mapWorkspace(model, { model, now: options.now, userIdByEmail }, window);
    const retain = (row: RemoteRow) => row.kind === 'calendar' && isBefore(row.values.Date, window.from);
    let plan = planSync(local, remote, state, { retain, overwriteConflicts: options.overwriteConflicts });
    let pushed = model;
    let pull: PullPlan | undefined;
    if (options.pull) {
      pull = planPull(model, local, remote, plan, state, { zone: model.timezone, userIdByEmail });
      options.onPull?.(pull);
      if (!options.dryRun && (pull.edits.length > 0 || pull.agreed.length > 0)) {
        if (pull.edits.length > 0) pushed = await options.pull.write(pull);
        // The YAML now holds Notion's values: Notion's content counts as what okra wrote, and the
        // push below writes what the new values change (progress, status), nothing else.
        acceptPull(state, pull);
        if (pushed !== model) local = mapWorkspace(pushed, { model: pushed, now: options.now, userIdByEmail }, window);
        plan = planSync(local, remote, state, { retain, overwriteConflicts: options.overwriteConflicts });
      }
    }
    notes.push(...plan.notes);
    options.onPlan?.(plan);
    const docs = options.documents?.(pushed);
    let documents: NotionSyncRun['documents'];
    if (docs && (docs.length > 0 || state.documents)) {
      const docPlan = planDocuments(docs, state, await readRemoteDocuments(transport, parentPageId, state, remote.botId));
      notes.push(...docPlan.notes);
      options.onDocumentsPlan?.(docPlan);
      documents = { plan: docPlan };
    }
    if (options.dryRun) return { plan, pull, documents, counters: transport.counters, notes, state };
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
    if (documents) {
      documents.result = await applyDocuments(transport, documents.plan, {
        parentPageId,
        state,
        save: () => options.saveState(serialize(state), state),
      });
    }
    return { plan, result, pull, documents, counters: transport.counters, notes, state };
  } catch (error) {
    throw redactError(error, secrets);
  }
}

/** Whether a date value starts before an ISO day. */
function isBefore(value: unknown, day: string): boolean {
  const start = (value as { start?: unknown } | null)?.start;
  return typeof start === 'string' && start.slice(0, 10) < day;
}
