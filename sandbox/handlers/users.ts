import type { GetSelfResponse, GetUserResponse, ListUsersResponse } from '@notionhq/client';
import { notFound } from '../model/errors';
import { paginate } from '../model/query';
import { pathId, type RequestContext, type Route } from './router';
import { readPageSize } from '../model/validate-body';

/** GET /v1/users — people first, then the integration's bot. */
function listUsers(ctx: RequestContext): ListUsersResponse {
  const pageSize = readPageSize(ctx.query.get('page_size') ?? undefined, 'query.page_size');
  const users = [...ctx.store.state.users].sort((a, b) => (a.type === b.type ? 0 : a.type === 'person' ? -1 : 1));
  const slice = paginate(users, ctx.query.get('start_cursor') ?? undefined, pageSize);
  return {
    object: 'list',
    type: 'user',
    user: {},
    results: slice.results.map((u) => ctx.ser.user(u)),
    next_cursor: slice.next_cursor,
    has_more: slice.has_more,
  };
}

/** GET /v1/users/me — the integration's bot user. */
function me(ctx: RequestContext): GetSelfResponse {
  const bot = ctx.store.user(ctx.store.botId);
  if (!bot) throw notFound('user', ctx.store.botId);
  return ctx.ser.user(bot);
}

/** GET /v1/users/{id} */
function retrieveUser(ctx: RequestContext): GetUserResponse {
  const id = pathId(ctx, 'user_id');
  const user = ctx.store.user(id);
  if (!user) throw notFound('user', id);
  return ctx.ser.user(user);
}

/** User routes; `me` comes first so it is not read as an id. */
export const userRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/users', handler: listUsers, writes: false },
  { method: 'GET', pattern: '/v1/users/me', handler: me, writes: false },
  { method: 'GET', pattern: '/v1/users/:user_id', handler: retrieveUser, writes: false },
];
