import type { Serializer } from '../model/serialize';
import type { Store } from '../model/store';
import { expectId, type JsonObject } from '../model/validate-body';

/** Everything a route handler gets. */
export interface RequestContext {
  method: string;
  /** Raw path segments captured by `:name` in the route pattern. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, `{}` when none was sent. */
  body: JsonObject;
  store: Store;
  ser: Serializer;
  /** Rows one query may return before `request_status` turns incomplete (Notion: 10,000). */
  queryResultLimit: number;
}

/** A handler validates the request, changes the store, and returns the JSON response body. */
export type Handler = (ctx: RequestContext) => unknown;

/** One API route. */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** e.g. `/v1/pages/:page_id/properties/:property_id` */
  pattern: string;
  handler: Handler;
  /** Whether the handler may change state (drives persistence and after-write faults). */
  writes: boolean;
}

/** The result of matching a request path. */
export type RouteMatch = { route: Route; params: Record<string, string> } | { route: null; pathKnown: boolean };

/** Finds the route for a method and path; `pathKnown` tells a wrong method from a wrong URL. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const segments = pathname.split('/').filter((s) => s !== '');
  let pathKnown = false;
  for (const route of routes) {
    const parts = route.pattern.split('/').filter((s) => s !== '');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i];
        return true;
      }
      return part === segments[i];
    });
    if (!ok) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  return { route: null, pathKnown };
}

/** A uuid path parameter, validated with Notion's `path failed validation` message. */
export function pathId(ctx: RequestContext, name: string): string {
  return expectId(ctx.params[name], `path.${name}`);
}
