import { DATABASES, PULLED } from './databases';
import { lostProperties, type PropertyDrift } from './drift';
import { canonicalJson, rowHash } from './hash';
import type { SyncState } from './state';
import { KIND_NOUN, rowKey, SYNC_KINDS, type LocalRow, type NormalValue, type RemoteRow, type SyncKind } from './types';

/** One of okra's databases as found in Notion. */
export interface RemoteDatabase {
  kind: SyncKind;
  databaseId: string;
  dataSourceId: string;
  /** Property ids by okra's property name (see drift.ts). */
  propertyIds: Record<string, string>;
  drift: PropertyDrift[];
}

/** What okra found in Notion. */
export interface RemoteSnapshot {
  /** The integration's bot user: the creator of okra's rows. */
  botId: string;
  databases: Partial<Record<SyncKind, RemoteDatabase>>;
  /** Rows of okra's databases, trashed ones excluded. */
  rows: RemoteRow[];
}

export type DatabaseOp = { op: 'create'; kind: SyncKind } | { op: 'repair'; kind: SyncKind; drift: PropertyDrift[] };

interface RowOpBase {
  kind: SyncKind;
  okraId: string;
  key: string;
}

/** What to do with one row. */
export type RowOp =
  | (RowOpBase & { op: 'create'; row: LocalRow })
  | (RowOpBase & { op: 'update'; row: LocalRow; pageId: string; changed: string[]; remoteEdited?: boolean; remoteHash?: string })
  | (RowOpBase & { op: 'archive'; pageId: string; reason: 'removed' | 'duplicate' })
  | (RowOpBase & {
      op: 'unchanged';
      pageId: string;
      hash: string;
      lastEditedTime: string;
      remoteEdited: boolean;
      retained?: boolean;
      /** Hash of the row's content in Notion now (see `remoteHash` of Conflict). */
      remoteHash?: string;
      /** What okra last wrote into the pulled columns, as far as it knows (kept in the state). */
      base?: Record<string, NormalValue>;
    });

/** A row changed both in the YAML and in Notion since okra last wrote it: left alone and reported. */
export interface Conflict extends RowOpBase {
  pageId: string;
  /** Properties whose Notion value differs from the YAML's. */
  properties: string[];
  /**
   * Hash of the row's content in Notion now, computed the way okra hashes what it writes: a
   * pull that takes Notion's edits records it as written, so the next push sees no conflict.
   */
  remoteHash?: string;
}

/** The diff of the workspace and Notion: what `okra sync` will do. */
export interface SyncPlan {
  databases: DatabaseOp[];
  /** Creates (relation targets first), then updates, then archives; unchanged rows last. */
  rows: RowOp[];
  conflicts: Conflict[];
  /** Things worth telling the user that need no action from okra. */
  notes: string[];
  counts: { create: number; update: number; archive: number; unchanged: number; conflicts: number; remoteEdits: number };
}

export interface PlanOptions {
  /**
   * Rows okra created that left the workspace but should stay (past 1:1s that dropped out of
   * the calendar window). Default: none.
   */
  retain?: (row: RemoteRow) => boolean;
  /** Overwrite rows edited in Notion even when the YAML changed too (default: report them). */
  overwriteConflicts?: boolean;
}

const equal = (a: NormalValue | undefined, b: NormalValue | undefined) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Diffs the rows okra wants (`local`) with the rows in Notion (`remote`), keyed by okra id.
 *
 * - A row whose stored `okra hash` equals the local hash is unchanged: no request.
 * - A changed row is updated with just the properties that differ, unless its content in
 *   Notion no longer matches the hash okra last wrote (someone edited it) and differs from
 *   the YAML: then it is a conflict, reported and left alone.
 * - Rows okra created (recorded in the state, or created by okra's bot) that are no longer
 *   in the YAML are archived; a second row okra created for the same id is archived as a
 *   duplicate. Rows people made are never touched.
 * - A database that is missing is created; one whose columns drifted is repaired, and the
 *   values of deleted or retyped columns are rewritten.
 */
export function planSync(local: readonly LocalRow[], remote: RemoteSnapshot, state: SyncState, options: PlanOptions = {}): SyncPlan {
  const databases: DatabaseOp[] = [];
  for (const kind of SYNC_KINDS) {
    const db = remote.databases[kind];
    if (!db) databases.push({ op: 'create', kind });
    else if (db.drift.length > 0) databases.push({ op: 'repair', kind, drift: db.drift });
  }

  const statePageIds = new Map<string, string>();
  for (const [key, row] of Object.entries(state.rows)) statePageIds.set(compact(row.pageId), key);
  const okraIdOfPage = new Map<string, string>();
  const byKey = new Map<string, RemoteRow[]>();
  for (const row of remote.rows) {
    if (!row.okraId) continue;
    okraIdOfPage.set(compact(row.pageId), row.okraId);
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  const ours = (row: RemoteRow) => statePageIds.get(compact(row.pageId)) === row.key || row.createdBy === remote.botId;

  const creates: RowOp[] = [];
  const updates: RowOp[] = [];
  const archives: RowOp[] = [];
  const unchanged: RowOp[] = [];
  const conflicts: Conflict[] = [];
  const notes: string[] = [];
  const localKeys = new Set(local.map((r) => r.key));

  for (const row of local) {
    const base = { kind: row.kind, okraId: row.okraId, key: row.key };
    const candidates = remote.databases[row.kind] ? (byKey.get(row.key) ?? []) : [];
    const canonical = pickCanonical(candidates, state.rows[row.key]?.pageId, remote.botId);
    for (const extra of candidates) {
      if (extra === canonical) continue;
      if (ours(extra)) archives.push({ ...base, op: 'archive', pageId: extra.pageId, reason: 'duplicate' });
      else notes.push(`${KIND_NOUN[row.kind]} ${row.okraId}: a page okra did not create also carries this okra id; left alone`);
    }
    if (!canonical) {
      creates.push({ ...base, op: 'create', row });
      continue;
    }
    const lost = new Set([...lostProperties(remote.databases[row.kind]?.drift ?? []), ...canonical.missing]);
    const remoteRelations = relationOkraIds(canonical, okraIdOfPage);
    // What Notion holds now, with lost columns read as the YAML's values (they are rewritten anyway).
    const remoteValues: Record<string, NormalValue> = { ...canonical.values };
    const relations: Record<string, string[]> = { ...remoteRelations };
    for (const name of lost) {
      if (name in row.values) remoteValues[name] = row.values[name];
      if (name in row.relations) relations[name] = row.relations[name];
    }
    const contentHash = rowHash(row.kind, pick(remoteValues, Object.keys(row.values)), pick(relations, Object.keys(row.relations)));
    const pushed = new Set([canonical.storedHash, state.rows[row.key]?.hash].filter((h): h is string => !!h));
    const remoteEdited = !pushed.has(contentHash);
    const localChanged = row.hash !== canonical.storedHash || lost.size > 0;
    if (!localChanged) {
      // Unedited, Notion holds what okra wrote: the pulled columns' baseline is what is there.
      const pulled = PULLED[row.kind];
      const known = remoteEdited ? state.rows[row.key]?.values : pulled ? pick(canonical.values, pulled) : undefined;
      unchanged.push({
        ...base,
        op: 'unchanged',
        pageId: canonical.pageId,
        hash: canonical.storedHash,
        lastEditedTime: canonical.lastEditedTime,
        remoteEdited,
        remoteHash: contentHash,
        ...(known ? { base: known } : {}),
      });
      continue;
    }
    const changed = changedProperties(row, remoteValues, relations, canonical.relations);
    for (const name of lost) if (!changed.includes(name)) changed.push(name);
    if (remoteEdited && contentHash !== row.hash && !options.overwriteConflicts) {
      conflicts.push({ ...base, pageId: canonical.pageId, properties: changed, remoteHash: contentHash });
      continue;
    }
    updates.push({ ...base, op: 'update', row, pageId: canonical.pageId, changed, remoteEdited, remoteHash: contentHash });
  }

  for (const [key, rows] of byKey) {
    if (localKeys.has(key)) continue;
    for (const row of rows) {
      if (!ours(row)) continue;
      const base = { kind: row.kind, okraId: row.okraId, key };
      if (options.retain?.(row)) {
        unchanged.push({
          ...base,
          op: 'unchanged',
          pageId: row.pageId,
          hash: row.storedHash,
          lastEditedTime: row.lastEditedTime,
          remoteEdited: false,
          retained: true,
        });
      } else archives.push({ ...base, op: 'archive', pageId: row.pageId, reason: 'removed' });
    }
  }

  const ordered = [...orderCreates(creates), ...updates, ...archives, ...unchanged];
  const count = (op: RowOp['op']) => ordered.filter((o) => o.op === op).length;
  return {
    databases,
    rows: ordered,
    conflicts,
    notes,
    counts: {
      create: count('create'),
      update: count('update'),
      archive: count('archive'),
      unchanged: count('unchanged'),
      conflicts: conflicts.length,
      remoteEdits: ordered.filter((o) => o.op === 'unchanged' && o.remoteEdited).length,
    },
  };
}

function compact(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

/** The row okra keeps for an id: the one in the state, else the oldest its bot created, else the oldest. */
function pickCanonical(candidates: readonly RemoteRow[], statePageId: string | undefined, botId: string): RemoteRow | undefined {
  if (candidates.length === 0) return undefined;
  const known = statePageId ? candidates.find((r) => compact(r.pageId) === compact(statePageId)) : undefined;
  if (known) return known;
  const oldest = (rows: readonly RemoteRow[]) =>
    [...rows].sort((a, b) => a.createdTime.localeCompare(b.createdTime) || a.pageId.localeCompare(b.pageId))[0];
  const byBot = candidates.filter((r) => r.createdBy === botId);
  return byBot.length > 0 ? oldest(byBot) : oldest(candidates);
}

/** Relation values as okra ids (pages okra does not know stay as `?<page id>`, so they count as a difference). */
function relationOkraIds(row: RemoteRow, okraIdOfPage: ReadonlyMap<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, ids] of Object.entries(row.relations)) out[name] = ids.map((id) => okraIdOfPage.get(compact(id)) ?? `?${id}`).sort();
  return out;
}

function pick<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) if (k in record) out[k] = record[k];
  return out;
}

function changedProperties(
  row: LocalRow,
  remoteValues: Record<string, NormalValue>,
  remoteRelations: Record<string, string[]>,
  rawRelations: Record<string, string[]>,
): string[] {
  const changed: string[] = [];
  for (const spec of DATABASES[row.kind].properties) {
    if (spec.type === 'relation') {
      // Page responses list at most 25 related pages; a longer list is compared by length only.
      const local = row.relations[spec.name] ?? [];
      const remote = remoteRelations[spec.name] ?? [];
      if (local.length > 25 && (rawRelations[spec.name]?.length ?? 0) >= 25) continue;
      if (!equal(local, remote)) changed.push(spec.name);
    } else if (spec.name in row.values && !equal(row.values[spec.name], remoteValues[spec.name])) changed.push(spec.name);
  }
  return changed;
}

/**
 * Creates in database order (relation targets' databases first), and within a self-related
 * database (aligned objectives, escalation tiers) targets before the rows pointing at them,
 * so that most relations can be set in the create itself.
 */
function orderCreates(creates: RowOp[]): RowOp[] {
  const out: RowOp[] = [];
  for (const kind of SYNC_KINDS) {
    const ofKind = creates.filter((c): c is Extract<RowOp, { op: 'create' }> => c.op === 'create' && c.kind === kind);
    const selfRelations = DATABASES[kind].properties.filter((p) => p.type === 'relation' && p.target === kind).map((p) => p.name);
    if (selfRelations.length === 0) {
      out.push(...ofKind);
      continue;
    }
    const byKey = new Map(ofKind.map((c) => [c.key, c]));
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (c: Extract<RowOp, { op: 'create' }>) => {
      if (done.has(c.key) || visiting.has(c.key)) return;
      visiting.add(c.key);
      for (const name of selfRelations) {
        for (const target of c.row.relations[name] ?? []) {
          const dep = byKey.get(rowKey(kind, target));
          if (dep) visit(dep);
        }
      }
      visiting.delete(c.key);
      done.add(c.key);
      out.push(c);
    };
    for (const c of ofKind) visit(c);
  }
  return out;
}
