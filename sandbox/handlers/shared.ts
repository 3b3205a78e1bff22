import { archivedError, validationError } from '../model/errors';
import type { RequestContext } from './router';
import type { StoredPage } from '../model/types';
import { expectId, expectObject } from '../model/validate-body';

/**
 * Resolves a `{page_id}` parent the integration can write under. Workspace
 * parents are refused the way Notion refuses them for internal integrations.
 */
export function writablePageParent(ctx: RequestContext, raw: unknown, path: string): StoredPage {
  const parent = expectObject(raw, path);
  if (parent.workspace !== undefined || parent.type === 'workspace') {
    throw validationError(
      "Internal integrations aren't owned by a single user, so creating workspace-level private pages is not supported.",
    );
  }
  const page = ctx.store.requirePage(expectId(parent.page_id, `${path}.page_id`));
  if (page.in_trash) throw archivedError('page');
  return page;
}

/** The repeated `filter_properties` query parameter, or undefined when absent. */
export function filterProperties(ctx: RequestContext): string[] | undefined {
  const list = ctx.query.getAll('filter_properties');
  return list.length > 0 ? list : undefined;
}
