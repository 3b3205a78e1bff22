import { DATABASES } from './databases';
import { checkSchema } from './drift';
import type { DataSourceInfo } from './mapper/objects';
import type { RemoteDatabase, RemoteSnapshot } from './plan';
import { SyncError } from './redact';
import type { SyncState } from './state';
import { isNotFound, type NotionTransport } from './transport';
import { SYNC_KINDS, type RemoteRow, type SyncKind } from './types';

/**
 * Finds okra's databases: by the ids in the state, else (state lost, or a database gone) among
 * the child databases of the parent page, by title, preferring the one whose description
 * carries okra's marker. Trashed databases count as gone.
 */
export async function findDatabases(
  t: NotionTransport,
  parentPageId: string,
  state: SyncState,
): Promise<Partial<Record<SyncKind, { databaseId: string; dataSource: DataSourceInfo }>>> {
  const found: Partial<Record<SyncKind, { databaseId: string; dataSource: DataSourceInfo }>> = {};
  const missing: SyncKind[] = [];
  for (const kind of SYNC_KINDS) {
    const known = state.databases[kind];
    const ds = known ? await t.dataSource(known.dataSourceId) : undefined;
    if (known && ds && !ds.inTrash) found[kind] = { databaseId: known.databaseId, dataSource: ds };
    else missing.push(kind);
  }
  if (missing.length === 0) return found;
  let children: Array<{ id: string; title: string }>;
  try {
    children = await t.childDatabases(parentPageId);
  } catch (error) {
    if (isNotFound(error))
      throw new SyncError(
        `Notion has no page ${parentPageId} shared with this integration. Open the page in Notion, choose ••• → Connections, and add the integration; or fix notion.parent_page in okra.config.yaml.`,
        '404',
      );
    throw error;
  }
  const taken = new Set(Object.values(found).map((f) => f.databaseId.replace(/-/g, '')));
  for (const kind of missing) {
    const spec = DATABASES[kind];
    let fallback: { databaseId: string; dataSource: DataSourceInfo } | undefined;
    for (const child of children.filter((c) => c.title === spec.title && !taken.has(c.id.replace(/-/g, '')))) {
      const db = await t.database(child.id);
      if (!db || db.inTrash || db.dataSourceIds.length === 0) continue;
      const ds = await t.dataSource(db.dataSourceIds[0]);
      if (!ds || ds.inTrash) continue;
      const candidate = { databaseId: db.id, dataSource: ds };
      if (db.description.includes(spec.marker)) {
        fallback = candidate;
        break;
      }
      fallback ??= candidate;
    }
    if (fallback) {
      found[kind] = fallback;
      taken.add(fallback.databaseId.replace(/-/g, ''));
    }
  }
  return found;
}

/** Every row of a data source, 100 per request (Notion's page size limit). */
export async function readAllRows(
  t: NotionTransport,
  kind: SyncKind,
  dataSourceId: string,
  propertyIds: Record<string, string>,
): Promise<RemoteRow[]> {
  const rows: RemoteRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.queryRows(kind, dataSourceId, propertyIds, cursor);
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/**
 * Reads what okra needs from Notion: its bot id, its databases with their schema drift, and
 * every row. When the state file was lost this is also how it is rebuilt: databases by title
 * and marker, rows by their `okra id`.
 */
export async function readRemote(t: NotionTransport, parentPageId: string, state: SyncState): Promise<RemoteSnapshot> {
  const botId = await t.botId();
  const found = await findDatabases(t, parentPageId, state);
  const dataSourceIds: Partial<Record<SyncKind, string>> = {};
  for (const kind of SYNC_KINDS) if (found[kind]) dataSourceIds[kind] = found[kind].dataSource.id;
  const databases: Partial<Record<SyncKind, RemoteDatabase>> = {};
  const rows: RemoteRow[] = [];
  for (const kind of SYNC_KINDS) {
    const f = found[kind];
    if (!f) continue;
    const known = state.databases[kind];
    const knownIds = known && known.dataSourceId.replace(/-/g, '') === f.dataSource.id.replace(/-/g, '') ? known.propertyIds : {};
    const check = checkSchema(kind, f.dataSource.properties, knownIds, dataSourceIds);
    databases[kind] = { kind, databaseId: f.databaseId, dataSourceId: f.dataSource.id, propertyIds: check.propertyIds, drift: check.drift };
    rows.push(...(await readAllRows(t, kind, f.dataSource.id, check.propertyIds)));
  }
  return { botId, databases, rows };
}
