import { DATABASES, OKRA_ID, PULLED, schemaConfig } from './databases';
import { rowHash } from './hash';
import { toProperties } from './mapper/properties';
import type { DataSourceInfo } from './mapper/objects';
import type { RemoteSnapshot, RowOp, SyncPlan } from './plan';
import { redact } from './redact';
import type { SyncState } from './state';
import type { NotionTransport, SyncCounters } from './transport';
import { KIND_NOUN, rowKey, SYNC_KINDS, type LocalRow, type RemoteRow, type SyncKind } from './types';

/** Where a sync run is, for a progress bar. */
export interface SyncProgress {
  phase: 'databases' | 'rows' | 'done';
  /** Row operations finished (successfully or not); -1 on a counters-only update after a request. */
  done: number;
  /** Row operations in all (grows when relations must be set in a second request); -1 as for `done`. */
  total: number;
  counters: SyncCounters;
}

/** A row operation that failed for good (after retries, or with an error that retrying cannot fix). */
export interface RowFailure {
  key: string;
  op: RowOp['op'] | 'relations';
  message: string;
}

export interface ApplyOptions {
  /** The page the databases live under. */
  parentPageId: string;
  /** What `readRemote` found (databases and schema ids). */
  remote: RemoteSnapshot;
  /** The state; updated in place as the run goes. */
  state: SyncState;
  /** Persists the state; called after every write, one call at a time. */
  saveState: (state: SyncState) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
  /** Rows written at once (the rate limiter sets the pace; this only hides latency). Default 3. */
  concurrency?: number;
  /** Secrets to scrub from failure messages. */
  secrets?: readonly string[];
  /** Stops the run between requests. */
  signal?: AbortSignal;
}

export interface ApplyResult {
  created: number;
  updated: number;
  archived: number;
  /** Rows whose relations were set in a second request (their target was created in the same run). */
  relinked: number;
  databasesCreated: number;
  databasesRepaired: number;
  failed: RowFailure[];
  counters: SyncCounters;
}

type CreateOp = Extract<RowOp, { op: 'create' }>;
type UpdateOp = Extract<RowOp, { op: 'update' }>;

/** Errors that no other row will escape either: stop the run. */
function isFatal(error: unknown): boolean {
  const status = (error as { status?: unknown })?.status;
  return (
    status === 401 ||
    status === 403 ||
    (error as { fatal?: unknown })?.fatal === true ||
    (error as { name?: unknown })?.name === 'AbortError'
  );
}

/**
 * Carries out a plan. The order makes relations resolvable and a crash harmless:
 * 1. databases: create missing ones (relations added once every target exists), repair drift;
 * 2. creates, with the relations whose targets already have pages; the state records the
 *    intent before and the page id after each create, and a retried create first looks the
 *    row up by okra id, so neither a lost response nor a killed run makes a duplicate;
 * 3. updates (only changed properties) and the relations deferred in step 2;
 * 4. archives (in_trash: true; okra never deletes).
 * The state is saved after every write.
 */
export async function applySync(t: NotionTransport, plan: SyncPlan, options: ApplyOptions): Promise<ApplyResult> {
  const { state, remote } = options;
  const result: ApplyResult = {
    created: 0,
    updated: 0,
    archived: 0,
    relinked: 0,
    databasesCreated: 0,
    databasesRepaired: 0,
    failed: [],
    counters: t.counters,
  };
  // One save at a time. A save asked for while one is running joins the next one, which
  // starts after it and so records every change made before it was asked for: with several
  // rows in flight the file is written once per batch, not once per row, and no write is
  // ever reported done before the state that records it is on disk.
  let saving: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;
  const save = () => {
    if (!next) {
      const scheduled: Promise<void> = saving.then(() => {
        next = null;
        return options.saveState(state).catch((error: unknown) => {
          // Without its state okra cannot promise a crash-safe run: stop.
          throw Object.assign(new Error(`could not save the sync state: ${(error as Error)?.message ?? String(error)}`), { fatal: true });
        });
      });
      next = scheduled;
      saving = scheduled.catch(() => undefined);
    }
    return next;
  };

  // The state learns everything the read found: this is how a lost state file is rebuilt.
  state.botId = remote.botId;
  for (const kind of SYNC_KINDS) {
    const db = remote.databases[kind];
    if (db) state.databases[kind] = { databaseId: db.databaseId, dataSourceId: db.dataSourceId, propertyIds: { ...db.propertyIds } };
    else delete state.databases[kind];
  }
  const planned = new Set(plan.rows.map((r) => r.key));
  for (const op of plan.rows) {
    if (op.op === 'unchanged')
      state.rows[op.key] = { pageId: op.pageId, hash: op.hash, lastEditedTime: op.lastEditedTime, ...(op.base ? { values: op.base } : {}) };
    if (op.op === 'update' && !state.rows[op.key]) state.rows[op.key] = { pageId: op.pageId, hash: '', lastEditedTime: '' };
  }
  for (const c of plan.conflicts) state.rows[c.key] ??= { pageId: c.pageId, hash: '', lastEditedTime: '' };
  for (const key of Object.keys(state.rows)) if (!planned.has(key) && !plan.conflicts.some((c) => c.key === key)) delete state.rows[key];
  // An intent from a killed run is settled: the read found the row (it is no longer a create) or it never landed.
  const creates = new Set(plan.rows.filter((r) => r.op === 'create').map((r) => r.key));
  for (const key of Object.keys(state.pending)) if (!creates.has(key)) delete state.pending[key];
  await save();

  const work = plan.rows.filter((r) => r.op !== 'unchanged');
  const progress = { done: 0, total: work.length };
  const report = (phase: SyncProgress['phase']) =>
    options.onProgress?.({ phase, done: progress.done, total: progress.total, counters: t.counters });
  report('databases');

  await applyDatabases(t, plan, options, result, save);

  const creating = new Set(work.filter((r) => r.op === 'create').map((r) => r.key));
  const failedKeys = new Set<string>();
  const pageIdOf = (kind: SyncKind, okraId: string) => state.rows[rowKey(kind, okraId)]?.pageId;
  const fail = (op: RowOp, kind: RowFailure['op'], error: unknown) => {
    if (isFatal(error) || options.signal?.aborted) throw error;
    failedKeys.add(op.key);
    result.failed.push({ key: op.key, op: kind, message: redact((error as Error)?.message ?? String(error), options.secrets ?? []) });
  };

  /** Page ids of a row's relation targets: which are known now, and whether any is still to come. */
  const resolve = (row: LocalRow, only?: readonly string[]) => {
    const pageIds: Record<string, string[]> = {};
    const okraIds: Record<string, string[]> = {};
    let pending = false;
    for (const spec of DATABASES[row.kind].properties) {
      if (spec.type !== 'relation' || !spec.target || (only && !only.includes(spec.name))) continue;
      const ids: string[] = [];
      const known: string[] = [];
      for (const target of row.relations[spec.name] ?? []) {
        const pageId = pageIdOf(spec.target, target);
        if (pageId) {
          ids.push(pageId);
          known.push(target);
        } else if (creating.has(rowKey(spec.target, target)) && !failedKeys.has(rowKey(spec.target, target))) pending = true;
      }
      pageIds[spec.name] = ids;
      okraIds[spec.name] = known;
    }
    return { pageIds, okraIds, pending };
  };

  /** The hash of what a write leaves in Notion: the full hash, or that of the relations actually set. */
  const writtenHash = (row: LocalRow, okraIds: Record<string, string[]>) => {
    const relations = { ...row.relations, ...okraIds };
    return rowHash(row.kind, row.values, relations);
  };

  const concurrency = Math.max(1, options.concurrency ?? 3);
  const deferred: CreateOp[] = [];
  // Creates in flight, so that a row whose relation target is being created waits for it
  // instead of needing a second request.
  const inFlight = new Map<string, Promise<void>>();
  // Taken synchronously when a create starts, so a row only ever waits for rows that started
  // before it: no two creates can wait for each other (a relation cycle goes to the relink step).
  const earlierTargets = (row: LocalRow) => {
    const waits: Promise<void>[] = [];
    for (const spec of DATABASES[row.kind].properties) {
      if (spec.type !== 'relation' || !spec.target) continue;
      for (const target of row.relations[spec.name] ?? []) {
        const p = inFlight.get(rowKey(spec.target, target));
        if (p) waits.push(p);
      }
    }
    return waits;
  };
  report('rows');

  // 2. Creates.
  await pool(
    work.filter((r): r is CreateOp => r.op === 'create'),
    concurrency,
    async (op) => {
      const db = state.databases[op.kind];
      const waits = earlierTargets(op.row);
      let finished: () => void = () => {};
      inFlight.set(op.key, new Promise<void>((resolveDone) => (finished = resolveDone)));
      try {
        if (!db) throw new Error(`the ${DATABASES[op.kind].title} database could not be created`);
        await Promise.all(waits);
        const { pageIds, okraIds, pending } = resolve(op.row);
        const hash = writtenHash(op.row, okraIds);
        state.pending[op.key] = { since: new Date().toISOString() };
        await save();
        const recover = () => findRow(t, op.kind, op.okraId, db.dataSourceId, db.propertyIds, remote.botId);
        const created = await t.createRow(
          op.kind,
          db.dataSourceId,
          toProperties(op.row, { hash, relationPageIds: pageIds }),
          db.propertyIds,
          recover,
        );
        state.rows[op.key] = {
          pageId: created.pageId,
          hash: created.storedHash || hash,
          lastEditedTime: created.lastEditedTime,
          ...pulledValues(op.row),
        };
        delete state.pending[op.key];
        await save();
        result.created++;
        if (pending || hash !== op.row.hash) {
          deferred.push(op);
          progress.total++;
        }
      } catch (error) {
        fail(op, 'create', error);
      } finally {
        finished();
      }
      progress.done++;
      report('rows');
    },
    options.signal,
  );

  // 3. Updates, and relations whose targets were created above.
  type Phase3 = { kind: 'update'; op: UpdateOp } | { kind: 'relink'; op: CreateOp };
  const phase3: Phase3[] = [
    ...work.filter((r): r is UpdateOp => r.op === 'update').map((op) => ({ kind: 'update' as const, op })),
    ...deferred.map((op) => ({ kind: 'relink' as const, op })),
  ];
  await pool(
    phase3,
    concurrency,
    async (item) => {
      const { op } = item;
      const db = state.databases[op.kind];
      try {
        if (!db) throw new Error(`the ${DATABASES[op.kind].title} database is missing`);
        const pageId = item.kind === 'update' ? item.op.pageId : state.rows[op.key]?.pageId;
        if (!pageId) throw new Error('its page was not created');
        const relationNames = DATABASES[op.kind].properties.filter((p) => p.type === 'relation').map((p) => p.name);
        const only = item.kind === 'update' ? item.op.changed : relationNames;
        const { pageIds, okraIds } = resolve(op.row);
        // An update rewrites relations it does not change too only when they were deferred; the hash must describe the page.
        const relationPageIds: Record<string, string[]> = {};
        for (const name of relationNames) if (only.includes(name)) relationPageIds[name] = pageIds[name] ?? [];
        const hash = writtenHash(op.row, okraIds);
        const properties = toProperties(op.row, { hash, relationPageIds, only });
        const updated = await t.updateRow(op.kind, pageId, properties, db.propertyIds);
        state.rows[op.key] = { pageId, hash, lastEditedTime: updated?.lastEditedTime ?? '', ...pulledValues(op.row) };
        await save();
        if (item.kind === 'update') result.updated++;
        else result.relinked++;
      } catch (error) {
        fail(op, item.kind === 'update' ? 'update' : 'relations', error);
      }
      progress.done++;
      report('rows');
    },
    options.signal,
  );

  // 4. Archives.
  await pool(
    work.filter((r): r is Extract<RowOp, { op: 'archive' }> => r.op === 'archive'),
    concurrency,
    async (op) => {
      try {
        await t.archiveRow(op.pageId);
        if (state.rows[op.key]?.pageId === op.pageId) delete state.rows[op.key];
        await save();
        result.archived++;
      } catch (error) {
        fail(op, 'archive', error);
      }
      progress.done++;
      report('rows');
    },
    options.signal,
  );

  await saving;
  report('done');
  return result;
}

/** The pulled columns' values a write leaves in Notion, for the state (`RowState.values`). */
function pulledValues(row: LocalRow): { values?: Record<string, LocalRow['values'][string]> } {
  const names = PULLED[row.kind];
  if (!names) return {};
  const values: Record<string, LocalRow['values'][string]> = {};
  for (const name of names) if (name in row.values) values[name] = row.values[name];
  return { values };
}

/** Looks a row up by okra id: the one okra's bot created, if any (used before re-sending a create). */
async function findRow(
  t: NotionTransport,
  kind: SyncKind,
  okraId: string,
  dataSourceId: string,
  propertyIds: Record<string, string>,
  botId: string,
): Promise<RemoteRow | undefined> {
  const filter = { property: propertyIds[OKRA_ID] ?? OKRA_ID, rich_text: { equals: okraId } };
  const page = await t.queryRows(kind, dataSourceId, propertyIds, undefined, filter);
  return page.rows.find((r) => r.okraId === okraId && r.createdBy === botId);
}

async function applyDatabases(
  t: NotionTransport,
  plan: SyncPlan,
  options: ApplyOptions,
  result: ApplyResult,
  save: () => Promise<void>,
): Promise<void> {
  const { state, parentPageId } = options;
  const dataSourceIds = (): Partial<Record<SyncKind, string>> => {
    const out: Partial<Record<SyncKind, string>> = {};
    for (const kind of SYNC_KINDS) if (state.databases[kind]) out[kind] = state.databases[kind].dataSourceId;
    return out;
  };
  const remember = (kind: SyncKind, databaseId: string, ds: DataSourceInfo) => {
    const propertyIds: Record<string, string> = {};
    for (const spec of DATABASES[kind].properties) {
      const p =
        ds.properties.find((x) => x.name === spec.name) ??
        (spec.type === 'title' ? ds.properties.find((x) => x.type === 'title') : undefined);
      if (p) propertyIds[spec.name] = p.id;
    }
    state.databases[kind] = { databaseId, dataSourceId: ds.id, propertyIds };
  };

  const created: SyncKind[] = [];
  for (const op of plan.databases) {
    if (op.op !== 'create') continue;
    const spec = DATABASES[op.kind];
    const properties: Record<string, unknown> = {};
    for (const p of spec.properties) if (p.type !== 'relation') properties[p.name] = schemaConfig(p, {});
    const known = new Set(SYNC_KINDS.map((k) => state.databases[k]?.databaseId.replace(/-/g, '')).filter(Boolean));
    const recover = async () => {
      const children = await t.childDatabases(parentPageId);
      const child = children.find((c) => c.title === spec.title && !known.has(c.id.replace(/-/g, '')));
      return child ? t.database(child.id) : undefined;
    };
    const db = await t.createDatabase(
      {
        parent: { type: 'page_id', page_id: parentPageId },
        title: [{ type: 'text', text: { content: spec.title } }],
        description: [
          {
            type: 'text',
            text: {
              content: `Kept in step with the YAML by okra (${spec.marker}). Edits to okra's columns are overwritten or reported as conflicts on the next sync.`,
            },
          },
        ],
        icon: { type: 'emoji', emoji: spec.icon as never },
        initial_data_source: { properties: properties as never },
      },
      recover,
    );
    const ds = db.dataSourceIds[0] ? await t.dataSource(db.dataSourceIds[0]) : undefined;
    if (!ds) throw new Error(`Notion created the ${spec.title} database without a data source.`);
    remember(op.kind, db.id, ds);
    created.push(op.kind);
    result.databasesCreated++;
    await save();
  }

  // Relations of new databases, now that every target data source exists.
  for (const kind of created) {
    const relations: Record<string, unknown> = {};
    for (const p of DATABASES[kind].properties) if (p.type === 'relation') relations[p.name] = schemaConfig(p, dataSourceIds());
    const defined = Object.fromEntries(Object.entries(relations).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length === 0) continue;
    const db = state.databases[kind]!;
    remember(kind, db.databaseId, await t.updateDataSource(db.dataSourceId, defined));
    await save();
  }

  // Drift: rename columns back, re-create deleted ones, restore changed types.
  for (const op of plan.databases) {
    if (op.op !== 'repair') continue;
    const db = state.databases[op.kind];
    if (!db) continue;
    const patch: Record<string, unknown> = {};
    for (const d of op.drift) {
      const spec = DATABASES[op.kind].properties.find((p) => p.name === d.property);
      if (!spec) continue;
      if (d.problem === 'renamed' && d.propertyId) patch[d.propertyId] = { name: spec.name };
      else if (d.problem === 'retyped' && d.propertyId) patch[d.propertyId] = { name: spec.name, ...schemaConfig(spec, dataSourceIds()) };
      else patch[spec.name] = schemaConfig(spec, dataSourceIds());
    }
    remember(op.kind, db.databaseId, await t.updateDataSource(db.dataSourceId, patch));
    result.databasesRepaired++;
    await save();
  }
}

/** Runs `fn` over `items`, `n` at a time; a thrown error stops the others from starting more. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop && next < items.length) {
      signal?.throwIfAborted();
      const item = items[next++];
      try {
        await fn(item);
      } catch (error) {
        stop = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(n, items.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

export { KIND_NOUN };
