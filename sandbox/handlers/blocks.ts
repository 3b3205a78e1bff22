import type { AppendBlockChildrenResponse, BlockObjectResponse, ListBlockChildrenResponse } from '@notionhq/client';
import { normalizeContent, parseChildren } from '../model/blocks';
import { archivedError, validationError } from '../model/errors';
import { paginate } from '../model/query';
import { pathId, type RequestContext, type Route } from './router';
import type { StoredBlock, StoredPage } from '../model/types';
import { expectId, expectObject, expectOneOf, optionalBoolean, readPageSize } from '../model/validate-body';

// Blocks whose children the API can append to; Notion refuses the rest.
const PARENT_TYPES = new Set([
  'paragraph',
  'bulleted_list_item',
  'numbered_list_item',
  'quote',
  'to_do',
  'toggle',
  'callout',
  'heading_1',
  'heading_2',
  'heading_3',
  'child_page',
]);

function isPage(b: StoredBlock | StoredPage): b is StoredPage {
  return !('type' in b);
}

/** GET /v1/blocks/{id} */
function retrieveBlock(ctx: RequestContext): BlockObjectResponse {
  return ctx.ser.block(ctx.store.requireBlock(pathId(ctx, 'block_id')));
}

/** PATCH /v1/blocks/{id} — content of the block's own type, or trash state. */
function updateBlock(ctx: RequestContext): BlockObjectResponse {
  const { body, store } = ctx;
  const target = store.requireBlock(pathId(ctx, 'block_id'));
  const inTrash = optionalBoolean(body.in_trash, 'body.in_trash') ?? optionalBoolean(body.archived, 'body.archived');
  if (isPage(target) || target.type === 'child_page' || target.type === 'child_database') {
    // A page seen as a block: only its trash state can change through the blocks API.
    const page = store.state.pages[target.id];
    const db = store.state.databases[target.id];
    if (inTrash === undefined)
      throw validationError('Child page and child database blocks can only be trashed or restored through the blocks API.');
    if (page) {
      page.in_trash = inTrash;
      store.touch(page);
    } else if (db) {
      db.in_trash = inTrash;
      store.touch(db);
    }
    return ctx.ser.block(target);
  }
  const contentKeys = Object.keys(body).filter((k) => k !== 'in_trash' && k !== 'archived' && k !== 'type');
  if (target.in_trash && inTrash !== false && contentKeys.length > 0) throw archivedError('block');
  for (const key of contentKeys) {
    if (key !== target.type) throw validationError(`Block type ${key} does not match the existing block type ${target.type}.`);
  }
  if (body[target.type] !== undefined) {
    target.content = normalizeContent(
      target.type,
      expectObject(body[target.type], `body.${target.type}`),
      `body.${target.type}`,
      store.resolver(),
      target.content,
    );
  }
  if (inTrash !== undefined) target.in_trash = inTrash;
  store.touch(target);
  return ctx.ser.block(target);
}

/** DELETE /v1/blocks/{id} — moves the block (or page) to the trash and returns it. */
function deleteBlock(ctx: RequestContext): BlockObjectResponse {
  const { store } = ctx;
  const target = store.requireBlock(pathId(ctx, 'block_id'));
  const page = store.state.pages[target.id];
  const db = store.state.databases[target.id];
  if (page) {
    page.in_trash = true;
    store.touch(page);
  } else if (db) {
    db.in_trash = true;
    store.touch(db);
  }
  if (!isPage(target)) {
    target.in_trash = true;
    store.touch(target);
  }
  return ctx.ser.block(target);
}

/** GET /v1/blocks/{id}/children — trashed children are left out. */
function listChildren(ctx: RequestContext): ListBlockChildrenResponse {
  const { store, ser } = ctx;
  const parent = store.requireBlock(pathId(ctx, 'block_id'));
  const pageSize = readPageSize(ctx.query.get('page_size') ?? undefined, 'query.page_size');
  const children = (store.childIds(parent.id) ?? [])
    .map((id) => store.state.blocks[id])
    .filter((b): b is StoredBlock => !!b && !ser.block(b).in_trash);
  const slice = paginate(children, ctx.query.get('start_cursor') ?? undefined, pageSize);
  return {
    object: 'list',
    type: 'block',
    block: {},
    results: slice.results.map((b) => ser.block(b)),
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
  };
}

/**
 * PATCH /v1/blocks/{id}/children — at most 100 blocks, two nesting levels;
 * `position` (or the deprecated `after`) picks where they go.
 */
function appendChildren(ctx: RequestContext): AppendBlockChildrenResponse {
  const { body, store, ser } = ctx;
  const parent = store.requireBlock(pathId(ctx, 'block_id'));
  if (parent.in_trash) throw archivedError(isPage(parent) ? 'page' : 'block');
  if (!isPage(parent) && !PARENT_TYPES.has(parent.type)) throw validationError(`Block type ${parent.type} does not support children.`);
  const drafts = parseChildren(body.children, 'body.children', store.resolver());
  const siblings = store.childIds(parent.id) ?? [];
  let after: string | 'start' | undefined;
  if (body.position !== undefined) {
    const position = expectObject(body.position, 'body.position');
    const type = expectOneOf(position.type, 'body.position.type', ['start', 'end', 'after_block'] as const);
    if (type === 'start') after = 'start';
    if (type === 'after_block')
      after = expectId(expectObject(position.after_block, 'body.position.after_block').id, 'body.position.after_block.id');
  } else if (body.after !== undefined) {
    after = expectId(body.after, 'body.after');
  }
  if (after && after !== 'start' && !siblings.includes(after)) throw validationError(`Block ${after} is not a child of ${parent.id}.`);
  const created = store.appendBlocks(parent.id, drafts, after);
  const top = created.filter((b) => (b.parent.type === 'page_id' ? b.parent.page_id === parent.id : b.parent.block_id === parent.id));
  store.touch(parent);
  return { object: 'list', type: 'block', block: {}, results: top.map((b) => ser.block(b)), next_cursor: null, has_more: false };
}

/** Block routes. */
export const blockRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/blocks/:block_id', handler: retrieveBlock, writes: false },
  { method: 'PATCH', pattern: '/v1/blocks/:block_id', handler: updateBlock, writes: true },
  { method: 'DELETE', pattern: '/v1/blocks/:block_id', handler: deleteBlock, writes: true },
  { method: 'GET', pattern: '/v1/blocks/:block_id/children', handler: listChildren, writes: false },
  { method: 'PATCH', pattern: '/v1/blocks/:block_id/children', handler: appendChildren, writes: true },
];
