import type { PageObjectResponse, PropertyItemListResponse, PropertyItemObjectResponse } from '@notionhq/client';
import { parseChildren } from '../model/blocks';
import { archivedError, NotionError, validationError } from '../model/errors';
import { samePropertyId } from '../model/ids';
import { parseCover, parseIcon } from '../model/page-meta';
import { parseValues, type ParsedValues } from '../model/properties';
import { paginate } from '../model/query';
import { syncDualValues } from '../model/relations';
import { pathId, type RequestContext, type Route } from './router';
import type { Store } from '../model/store';
import type { StoredDataSource, StoredPage, StoredPageParent } from '../model/types';
import { expectId, expectObject, failed, optionalBoolean, readPageSize, type JsonObject } from '../model/validate-body';
import { filterProperties, writablePageParent } from './shared';

/** POST /v1/pages — a row of a data source or a sub-page, optionally with content. */
function createPage(ctx: RequestContext): PageObjectResponse {
  const { body, store } = ctx;
  for (const unsupported of ['markdown', 'template'] as const) {
    if (body[unsupported] !== undefined)
      throw failed(`body.${unsupported}`, 'should be not present (not emulated by the sandbox)', body[unsupported]);
  }
  const { parent, ds } = resolveParent(ctx, body.parent);
  const parsed = parseValues(ds, body.properties ?? {}, 'body.properties', store.propertyContext());
  const childrenKey = body.children !== undefined ? 'children' : 'content';
  const drafts = body[childrenKey] === undefined ? [] : parseChildren(body[childrenKey], `body.${childrenKey}`, store.resolver());
  const icon = body.icon === undefined ? null : parseIcon(body.icon, 'body.icon');
  const cover = body.cover === undefined ? null : parseCover(body.cover, 'body.cover');
  const page: StoredPage = {
    id: store.ids.uuid(),
    seq: store.nextSeq(),
    parent,
    properties: {},
    in_trash: false,
    is_locked: false,
    shared: false,
    icon,
    cover,
    child_ids: [],
    ...store.stamps(),
  };
  if (ds) {
    const uniqueId = ds.properties.find((p) => p.config.type === 'unique_id');
    if (uniqueId) page.properties[uniqueId.id] = ds.next_unique_id++;
    const title = ds.properties.find((p) => p.config.type === 'title');
    if (title) page.properties[title.id] = [];
  } else {
    page.properties.title = [];
  }
  commitValues(store, page, ds, parsed);
  store.insertPage(page);
  if (drafts.length > 0) store.appendBlocks(page.id, drafts);
  return ctx.ser.page(page);
}

function resolveParent(ctx: RequestContext, raw: unknown): { parent: StoredPageParent; ds: StoredDataSource | null } {
  const { store } = ctx;
  const parent = expectObject(raw, 'body.parent');
  if (parent.data_source_id !== undefined || parent.type === 'data_source_id') {
    const ds = store.requireDataSource(expectId(parent.data_source_id, 'body.parent.data_source_id'));
    if (ds.in_trash) throw validationError("Can't edit data source that is archived. You must unarchive the data source before editing.");
    return { parent: { type: 'data_source_id', data_source_id: ds.id }, ds };
  }
  if (parent.database_id !== undefined || parent.type === 'database_id') {
    const db = store.requireDatabase(expectId(parent.database_id, 'body.parent.database_id'));
    if (db.data_source_ids.length !== 1) {
      throw new NotionError(
        400,
        'validation_error',
        'Databases with multiple data sources are not supported in this API version.',
        {},
        {
          error_type: 'multiple_data_sources_for_database',
          child_data_source_ids: db.data_source_ids,
          minimum_api_version: '2025-09-03',
        },
      );
    }
    const ds = store.requireDataSource(db.data_source_ids[0]);
    return { parent: { type: 'data_source_id', data_source_id: ds.id }, ds };
  }
  const page = writablePageParent(ctx, parent, 'body.parent');
  return { parent: { type: 'page_id', page_id: page.id }, ds: null };
}

/** Writes parsed values, the select options they created, and the dual-relation mirror. */
function commitValues(store: Store, page: StoredPage, ds: StoredDataSource | null, parsed: ParsedValues): void {
  const before = { ...page.properties };
  Object.assign(page.properties, parsed.values);
  if (!ds) return;
  for (const { propertyId, option } of parsed.newOptions) {
    const prop = ds.properties.find((p) => p.id === propertyId);
    if (prop && (prop.config.type === 'select' || prop.config.type === 'multi_select')) prop.config.options.push(option);
  }
  syncDualValues(store, page, ds, before);
}

/**
 * Applies a page update (properties, icon, cover, lock, trash) as `actor` at
 * `at`. Shared by `PATCH /v1/pages/{id}` and the admin hook that simulates a
 * person editing in Notion. Validates everything before changing anything.
 */
export function applyPageUpdate(store: Store, page: StoredPage, body: JsonObject, actor: string = store.botId, at?: number): void {
  const inTrash =
    optionalBoolean(body.in_trash, 'body.in_trash') ??
    optionalBoolean(body.archived, 'body.archived') ??
    optionalBoolean(body.is_archived, 'body.is_archived');
  const edits = Object.keys(body).some((k) => !['in_trash', 'archived', 'is_archived'].includes(k));
  if (page.in_trash && inTrash !== false && edits) throw archivedError('page');
  const ds = page.parent.type === 'data_source_id' ? (store.state.data_sources[page.parent.data_source_id] ?? null) : null;
  const parsed = body.properties === undefined ? undefined : parseValues(ds, body.properties, 'body.properties', store.propertyContext());
  const icon = body.icon === undefined ? undefined : parseIcon(body.icon, 'body.icon');
  const cover = body.cover === undefined ? undefined : parseCover(body.cover, 'body.cover');
  const isLocked = optionalBoolean(body.is_locked, 'body.is_locked');
  const erase = optionalBoolean(body.erase_content, 'body.erase_content');
  if (body.template !== undefined) throw failed('body.template', 'should be not present (not emulated by the sandbox)', body.template);
  if (parsed) commitValues(store, page, ds, parsed);
  if (icon !== undefined) page.icon = icon;
  if (cover !== undefined) page.cover = cover;
  if (isLocked !== undefined) page.is_locked = isLocked;
  if (erase) {
    for (const id of page.child_ids) {
      const block = store.state.blocks[id];
      if (block && block.type !== 'child_page' && block.type !== 'child_database') block.in_trash = true;
    }
  }
  if (inTrash !== undefined) page.in_trash = inTrash;
  store.touch(page, actor, at);
}

/** GET /v1/pages/{id} */
function retrievePage(ctx: RequestContext): PageObjectResponse {
  return ctx.ser.page(ctx.store.requirePage(pathId(ctx, 'page_id')), filterProperties(ctx));
}

/** PATCH /v1/pages/{id} */
function updatePage(ctx: RequestContext): PageObjectResponse {
  const page = ctx.store.requirePage(pathId(ctx, 'page_id'));
  applyPageUpdate(ctx.store, page, ctx.body);
  return ctx.ser.page(page);
}

/**
 * GET /v1/pages/{id}/properties/{property_id} — the untruncated value; title,
 * rich_text, people and relation come back as a paginated list of items.
 */
function retrievePageProperty(ctx: RequestContext): PropertyItemObjectResponse | PropertyItemListResponse {
  const { store, ser } = ctx;
  const page = store.requirePage(pathId(ctx, 'page_id'));
  const key = ctx.params.property_id;
  const prop = ser.schemaOf(page).find((p) => samePropertyId(p.id, key));
  if (!prop) throw new NotionError(404, 'object_not_found', `Could not find property with ID: ${key}.`);
  const items = ser.propertyItems(page, prop);
  if (!Array.isArray(items)) return items;
  const pageSize = readPageSize(ctx.query.get('page_size') ?? undefined, 'query.page_size');
  const keyed = items.map((item, i) => ({ id: String(i), item }));
  const slice = paginate(keyed, ctx.query.get('start_cursor') ?? undefined, pageSize);
  const type = prop.config.type as 'title' | 'rich_text' | 'people' | 'relation';
  const nextUrl = slice.next_cursor ? `${store.origin}/v1/pages/${page.id}/properties/${prop.id}?start_cursor=${slice.next_cursor}` : null;
  const info = {
    title: { type: 'title', title: {} },
    rich_text: { type: 'rich_text', rich_text: {} },
    people: { type: 'people', people: {} },
    relation: { type: 'relation', relation: {} },
  } as const;
  return {
    object: 'list',
    type: 'property_item',
    property_item: { ...info[type], next_url: nextUrl, id: prop.id },
    results: slice.results.map((k) => k.item),
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
  };
}

/** Page routes. */
export const pageRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/pages', handler: createPage, writes: true },
  { method: 'GET', pattern: '/v1/pages/:page_id', handler: retrievePage, writes: false },
  { method: 'PATCH', pattern: '/v1/pages/:page_id', handler: updatePage, writes: true },
  { method: 'GET', pattern: '/v1/pages/:page_id/properties/:property_id', handler: retrievePageProperty, writes: false },
];
