import type { SearchResponse } from '@notionhq/client';
import { paginate } from '../model/query';
import { plainText } from '../model/rich-text';
import type { RequestContext, Route } from './router';
import type { StoredDataSource, StoredPage } from '../model/types';
import { expectObject, expectOneOf, optionalString, readPageSize } from '../model/validate-body';

type Hit =
  | { id: string; kind: 'page'; page: StoredPage; edited: number }
  | { id: string; kind: 'data_source'; ds: StoredDataSource; edited: number };

/**
 * POST /v1/search — pages and data sources shared with the integration whose
 * title contains `query` (case-insensitive). Unlike Notion's index, the sandbox
 * is immediately consistent.
 */
function search(ctx: RequestContext): SearchResponse {
  const { body, store, ser } = ctx;
  const query = (optionalString(body.query, 'body.query') ?? '').toLowerCase();
  const pageSize = readPageSize(body.page_size, 'body.page_size');
  let only: 'page' | 'data_source' | undefined;
  if (body.filter !== undefined) {
    const filter = expectObject(body.filter, 'body.filter');
    expectOneOf(filter.property, 'body.filter.property', ['object'] as const);
    only = expectOneOf(filter.value, 'body.filter.value', ['page', 'data_source'] as const);
  }
  let direction = -1;
  if (body.sort !== undefined) {
    const sort = expectObject(body.sort, 'body.sort');
    expectOneOf(sort.timestamp, 'body.sort.timestamp', ['last_edited_time'] as const);
    direction = expectOneOf(sort.direction, 'body.sort.direction', ['ascending', 'descending'] as const) === 'ascending' ? 1 : -1;
  }
  const hits: Hit[] = [];
  if (only !== 'data_source') {
    for (const page of Object.values(store.state.pages)) {
      if (!page.in_trash && store.canSeePage(page) && store.pageTitle(page).toLowerCase().includes(query))
        hits.push({ id: page.id, kind: 'page', page, edited: page.last_edited_time });
    }
  }
  if (only !== 'page') {
    for (const ds of Object.values(store.state.data_sources)) {
      if (!ds.in_trash && store.canSeeDataSource(ds) && plainText(ds.title).toLowerCase().includes(query))
        hits.push({ id: ds.id, kind: 'data_source', ds, edited: ds.last_edited_time });
    }
  }
  hits.sort((a, b) => direction * (a.edited - b.edited) || a.id.localeCompare(b.id));
  const slice = paginate(hits, body.start_cursor, pageSize);
  return {
    object: 'list',
    type: 'page_or_data_source',
    page_or_data_source: {},
    results: slice.results.map((h) => (h.kind === 'page' ? ser.page(h.page) : ser.dataSource(h.ds))),
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
  };
}

/** Search route. */
export const searchRoutes: Route[] = [{ method: 'POST', pattern: '/v1/search', handler: search, writes: false }];
