import type { DataSourceObjectResponse, QueryDataSourceResponse } from '@notionhq/client';
import { validationError } from '../model/errors';
import { parseIcon } from '../model/page-meta';
import { createSchema, updateSchema } from '../model/properties';
import { compileFilter, compileSorts, paginate } from '../model/query';
import { linkRelations } from '../model/relations';
import { normalizeRichText } from '../model/rich-text';
import { pathId, type RequestContext, type Route } from './router';
import type { StoredDataSource } from '../model/types';
import { expectId, expectObject, expectOneOf, optionalBoolean, readPageSize } from '../model/validate-body';
import { filterProperties } from './shared';

/** POST /v1/data_sources — another data source in an existing database. */
function createDataSource(ctx: RequestContext): DataSourceObjectResponse {
  const { body, store } = ctx;
  const parent = expectObject(body.parent, 'body.parent');
  if (parent.type !== undefined) expectOneOf(parent.type, 'body.parent.type', ['database_id'] as const);
  const db = store.requireDatabase(expectId(parent.database_id, 'body.parent.database_id'));
  if (db.in_trash) throw validationError("Can't edit database that is archived. You must unarchive the database before editing.");
  const id = store.ids.uuid();
  const title = body.title === undefined ? [] : normalizeRichText(body.title, 'body.title', store.resolver());
  const icon = body.icon === undefined ? null : parseIcon(body.icon, 'body.icon');
  const properties = createSchema(body.properties, 'body.properties', store.propertyContext(), id);
  const ds: StoredDataSource = {
    id,
    database_id: db.id,
    title,
    description: [],
    in_trash: false,
    icon,
    properties,
    next_unique_id: 1,
    ...store.stamps(),
  };
  store.state.data_sources[id] = ds;
  db.data_source_ids.push(id);
  store.touch(db);
  linkRelations(store, ds);
  return ctx.ser.dataSource(ds);
}

/** GET /v1/data_sources/{id} */
function retrieveDataSource(ctx: RequestContext): DataSourceObjectResponse {
  return ctx.ser.dataSource(ctx.store.requireDataSource(pathId(ctx, 'data_source_id')));
}

/** PATCH /v1/data_sources/{id} — title, icon, schema changes, trash. */
function updateDataSource(ctx: RequestContext): DataSourceObjectResponse {
  const { body, store } = ctx;
  const ds = store.requireDataSource(pathId(ctx, 'data_source_id'));
  const inTrash = optionalBoolean(body.in_trash, 'body.in_trash') ?? optionalBoolean(body.archived, 'body.archived');
  const title = body.title === undefined ? undefined : normalizeRichText(body.title, 'body.title', store.resolver());
  const icon = body.icon === undefined ? undefined : parseIcon(body.icon, 'body.icon');
  const properties =
    body.properties === undefined ? undefined : updateSchema(ds, body.properties, 'body.properties', store.propertyContext());
  if (title) ds.title = title;
  if (icon !== undefined) ds.icon = icon;
  if (properties) {
    ds.properties = properties;
    linkRelations(store, ds);
  }
  if (inTrash !== undefined) ds.in_trash = inTrash;
  store.touch(ds);
  return ctx.ser.dataSource(ds);
}

/**
 * POST /v1/data_sources/{id}/query — filter, sorts, pagination. Trashed rows are
 * left out unless `in_trash: true` asks for them too.
 */
function queryDataSource(ctx: RequestContext): QueryDataSourceResponse {
  const { body, store } = ctx;
  const ds = store.requireDataSource(pathId(ctx, 'data_source_id'));
  const pageSize = readPageSize(body.page_size, 'body.page_size');
  const includeTrash = optionalBoolean(body.in_trash, 'body.in_trash') ?? optionalBoolean(body.archived, 'body.archived') ?? false;
  const resultType =
    body.result_type === undefined ? 'page' : expectOneOf(body.result_type, 'body.result_type', ['page', 'data_source'] as const);
  const queryCtx = { now: ctx.store.now(), botId: store.botId };
  const predicate = body.filter === undefined ? () => true : compileFilter(body.filter, ds, queryCtx);
  const comparator = compileSorts(body.sorts, ds);
  // The sandbox has no wiki-style nested data sources, so a data_source result type is always empty.
  const rows =
    resultType === 'data_source'
      ? []
      : store
          .rowsOf(ds.id)
          .filter((p) => (includeTrash || !p.in_trash) && predicate(p))
          .sort(comparator);
  const slice = paginate(rows, body.start_cursor, pageSize, ctx.queryResultLimit);
  const filter = filterProperties(ctx);
  return {
    object: 'list',
    type: 'page_or_data_source',
    page_or_data_source: {},
    results: slice.results.map((p) => ctx.ser.page(p, filter)),
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
    request_status: slice.incomplete ? { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' } : { type: 'complete' },
  };
}

/** Data source routes. */
export const dataSourceRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/data_sources', handler: createDataSource, writes: true },
  { method: 'GET', pattern: '/v1/data_sources/:data_source_id', handler: retrieveDataSource, writes: false },
  { method: 'PATCH', pattern: '/v1/data_sources/:data_source_id', handler: updateDataSource, writes: true },
  { method: 'POST', pattern: '/v1/data_sources/:data_source_id/query', handler: queryDataSource, writes: false },
];
