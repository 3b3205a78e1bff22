import type { DatabaseObjectResponse } from '@notionhq/client';
import { validationError } from '../model/errors';
import { parseCover, parseIcon } from '../model/page-meta';
import { createSchema } from '../model/properties';
import { linkRelations } from '../model/relations';
import { normalizeRichText } from '../model/rich-text';
import { pathId, type RequestContext, type Route } from './router';
import type { StoredDataSource, StoredDatabase, StoredProperty } from '../model/types';
import { expectObject, optionalBoolean } from '../model/validate-body';
import { writablePageParent } from './shared';

/** POST /v1/databases — a database and its first data source. */
function createDatabase(ctx: RequestContext): DatabaseObjectResponse {
  const { body, store } = ctx;
  const parentPage = writablePageParent(ctx, body.parent, 'body.parent');
  const resolver = store.resolver();
  const title = body.title === undefined ? [] : normalizeRichText(body.title, 'body.title', resolver);
  const description = body.description === undefined ? [] : normalizeRichText(body.description, 'body.description', resolver);
  const initial = body.initial_data_source === undefined ? undefined : expectObject(body.initial_data_source, 'body.initial_data_source');
  const dbId = store.ids.uuid();
  const dsId = store.ids.uuid();
  // Without a schema Notion starts a database with a single "Name" title column.
  const properties: StoredProperty[] =
    initial?.properties === undefined
      ? [{ id: 'title', name: 'Name', description: null, config: { type: 'title' } }]
      : createSchema(initial.properties, 'body.initial_data_source.properties', store.propertyContext(), dsId);
  const stamps = store.stamps();
  const db: StoredDatabase = {
    id: dbId,
    parent: { type: 'page_id', page_id: parentPage.id },
    title,
    description,
    is_inline: optionalBoolean(body.is_inline, 'body.is_inline') ?? false,
    in_trash: false,
    is_locked: false,
    icon: body.icon === undefined ? null : parseIcon(body.icon, 'body.icon'),
    cover: body.cover === undefined ? null : parseCover(body.cover, 'body.cover'),
    data_source_ids: [dsId],
    ...stamps,
  };
  const ds: StoredDataSource = {
    id: dsId,
    database_id: dbId,
    title,
    description: [],
    in_trash: false,
    icon: null,
    properties,
    next_unique_id: 1,
    ...stamps,
  };
  store.insertDatabase(db);
  store.state.data_sources[dsId] = ds;
  linkRelations(store, ds);
  return ctx.ser.database(db);
}

/** GET /v1/databases/{id} */
function retrieveDatabase(ctx: RequestContext): DatabaseObjectResponse {
  return ctx.ser.database(ctx.store.requireDatabase(pathId(ctx, 'database_id')));
}

/** PATCH /v1/databases/{id} — title, description, icon, cover, inline, lock, trash, move. */
function updateDatabase(ctx: RequestContext): DatabaseObjectResponse {
  const { body, store } = ctx;
  const db = store.requireDatabase(pathId(ctx, 'database_id'));
  const resolver = store.resolver();
  const inTrash = optionalBoolean(body.in_trash, 'body.in_trash');
  if (db.in_trash && inTrash !== false && Object.keys(body).some((k) => k !== 'in_trash')) {
    throw validationError("Can't edit database that is archived. You must unarchive the database before editing.");
  }
  // Parse everything before changing anything, so a bad field leaves the database untouched.
  const title = body.title === undefined ? undefined : normalizeRichText(body.title, 'body.title', resolver);
  const description = body.description === undefined ? undefined : normalizeRichText(body.description, 'body.description', resolver);
  const icon = body.icon === undefined ? undefined : parseIcon(body.icon, 'body.icon');
  const cover = body.cover === undefined ? undefined : parseCover(body.cover, 'body.cover');
  const isInline = optionalBoolean(body.is_inline, 'body.is_inline');
  const isLocked = optionalBoolean(body.is_locked, 'body.is_locked');
  const target = body.parent === undefined ? undefined : writablePageParent(ctx, body.parent, 'body.parent');
  if (title) db.title = title;
  if (description) db.description = description;
  if (icon !== undefined) db.icon = icon;
  if (cover !== undefined) db.cover = cover;
  if (isInline !== undefined) db.is_inline = isInline;
  if (isLocked !== undefined) db.is_locked = isLocked;
  if (target) moveDatabase(ctx, db, target.id);
  if (inTrash !== undefined) {
    db.in_trash = inTrash;
    for (const id of db.data_source_ids) {
      const ds = store.state.data_sources[id];
      if (ds) ds.in_trash = inTrash;
    }
  }
  store.touch(db);
  return ctx.ser.database(db);
}

function moveDatabase(ctx: RequestContext, db: StoredDatabase, pageId: string): void {
  const { store } = ctx;
  if (db.parent.type === 'page_id') {
    const old = store.childIds(db.parent.page_id);
    if (old) old.splice(old.indexOf(db.id), 1);
  }
  db.parent = { type: 'page_id', page_id: pageId };
  const block = store.state.blocks[db.id];
  if (block) block.parent = { type: 'page_id', page_id: pageId };
  store.childIds(pageId)?.push(db.id);
}

/** Database routes. */
export const databaseRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/databases', handler: createDatabase, writes: true },
  { method: 'GET', pattern: '/v1/databases/:database_id', handler: retrieveDatabase, writes: false },
  { method: 'PATCH', pattern: '/v1/databases/:database_id', handler: updateDatabase, writes: true },
];
