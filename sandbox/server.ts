import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PageObjectResponse } from '@notionhq/client';
import { handleAdmin } from './admin';
import { acceptsHost, hostNotAllowed, PUBLIC_SANDBOX_TOKEN } from './host-check';
import { renderBoard } from './board';
import type { Clock } from './model/clock';
import { invalidJson, invalidRequestUrl, missingVersion, NotionError, rateLimited, unauthorized, validationError } from './model/errors';
import { FaultInjector, type FaultKind, type FaultSpec, type QueuedFault } from './faults';
import { blockRoutes } from './handlers/blocks';
import { databaseRoutes } from './handlers/databases';
import { dataSourceRoutes } from './handlers/data-sources';
import { applyPageUpdate, pageRoutes } from './handlers/pages';
import { searchRoutes } from './handlers/search';
import { userRoutes } from './handlers/users';
import { IdSource, normalizeId } from './model/ids';
import { Persister } from './persist';
import { NOTION_RATE_LIMIT, TokenBucket, type RateLimitOptions } from './rate-limit';
import { matchRoute, type RequestContext, type Route } from './handlers/router';
import { Serializer } from './model/serialize';
import { Store, type SeedUser } from './model/store';
import type { SandboxState, StoredUser } from './model/types';
import { isObject, type JsonObject } from './model/validate-body';

/** Options for {@link startSandbox}. */
export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1: the sandbox is a local tool). */
  host?: string;
  /**
   * Host names (without port) whose requests are answered besides localhost, 127.0.0.1, [::1]
   * and `host`; a request addressed to any other name gets a 403 (see host-check.ts).
   */
  allowedHosts?: readonly string[];
  /** The integration token clients must send as `Authorization: Bearer …` (default `secret_sandbox`). */
  token?: string;
  /** State to start from (e.g. read back from `--data FILE`), as an object or its JSON. */
  initialState?: SandboxState | string;
  /** Called with the whole state as JSON after changes; the caller writes it atomically. */
  persist?: (json: string) => Promise<void>;
  /** Random fault injection from the start. */
  faults?: FaultSpec;
  /** Token-bucket limits, or `false` to disable rate limiting (default: Notion's 3 req/s, burst 10). */
  rateLimit?: RateLimitOptions | false;
  /** Seed for ids and fault draws, for reproducible runs. */
  seed?: number;
  /** Wall clock for timestamps (default `Date.now`); tests pass a controllable one. */
  clock?: Clock;
  /** People in a fresh workspace (default: three example users). */
  users?: readonly SeedUser[];
  /** Workspace name in a fresh state. */
  workspaceName?: string;
  /** Titles of root pages to share with the integration when starting from a fresh state. */
  rootPages?: readonly string[];
  /** Rows one query may return before `request_status` turns incomplete (Notion: 10,000). */
  queryResultLimit?: number;
  /** Receives unexpected server errors (default: ignored). */
  onError?: (error: unknown) => void;
}

/** Counters for tests and the CLI. */
export interface SandboxStats {
  /** API requests received under /v1. */
  requests: number;
  /** API responses by HTTP status ("dropped" for dropped connections). */
  byStatus: Record<string, number>;
  /** Requests refused by the rate limiter (not counting injected 429s). */
  rateLimited: number;
  /** Injected faults by kind. */
  faults: Partial<Record<FaultKind, number>>;
  /** Successful write requests. */
  writes: number;
  /** Failed calls of the persist callback. */
  persistErrors: number;
}

/** A simulated edit by a person in the Notion UI. */
export interface UserEdit {
  /** The page (row) to edit. */
  pageId: string;
  /** Property values in request form, as for `PATCH /v1/pages/{id}`. */
  properties?: Record<string, unknown>;
  /** Trash or restore the page. */
  inTrash?: boolean;
  /** The editing person (default: the first person user). */
  userId?: string;
  /** Edit time (default: now, but always at least a minute after the previous edit, so it reads as newer). */
  at?: Date | number;
}

/** A running sandbox. */
export interface SandboxHandle {
  /** Base URL for the SDK (`new Client({ baseUrl: url })`), e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** The board view. */
  boardUrl: string;
  port: number;
  /** The bearer token the sandbox accepts. */
  token: string;
  /** Stops listening, drops open connections and waits for pending persistence. */
  close(): Promise<void>;
  /** A deep copy of the current state. */
  state(): SandboxState;
  /** People in the workspace (the integration's bot excluded). */
  users(): StoredUser[];
  /** The integration's bot user id. */
  botId(): string;
  /** Creates a root page; `shared: true` (default) makes it visible to the integration. Returns its id. */
  createRootPage(title: string, options?: { shared?: boolean }): string;
  /** Applies an edit as a person would in Notion (newer last_edited_time, different last_edited_by). */
  simulateUserEdit(edit: UserEdit): PageObjectResponse;
  /** Replaces random fault injection; `null` turns it off. */
  setFaults(spec: FaultSpec | null): void;
  /** Makes the next `count` matching API requests fail with `kind`. */
  failNext(kind: FaultKind, options?: { count?: number; match?: string; afterWrite?: boolean }): void;
  /** Replaces the rate limit; `false` turns it off. */
  setRateLimit(options: RateLimitOptions | false): void;
  /** Request, fault and write counters. */
  stats(): SandboxStats;
  /** Resolves when every change so far has reached the persist callback. */
  flush(): Promise<void>;
}

/** API versions whose data-source model the sandbox emulates. */
export const SUPPORTED_VERSIONS: readonly string[] = ['2025-09-03', '2026-03-11'];

const MAX_BODY_BYTES = 500 * 1024;

const ROUTES: readonly Route[] = [...databaseRoutes, ...dataSourceRoutes, ...pageRoutes, ...blockRoutes, ...searchRoutes, ...userRoutes];

const BAD_GATEWAY_HTML = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>cloudflare</center>
</body>
</html>
`;

/**
 * Starts a strict local Notion API (2025-09-03) on `host:port`. The sandbox
 * keeps its state in memory and hands it to `persist` after changes.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const clock = options.clock ?? Date.now;
  const ids = new IdSource(options.seed);
  const initialState = typeof options.initialState === 'string' ? (JSON.parse(options.initialState) as SandboxState) : options.initialState;
  if (initialState && initialState.version !== 1) throw new Error(`Unsupported sandbox state version ${String(initialState.version)}.`);
  const store = new Store({ clock, ids, initialState, users: options.users, workspaceName: options.workspaceName });
  const ser = new Serializer(store);
  const token = options.token ?? PUBLIC_SANDBOX_TOKEN;
  const host = options.host ?? '127.0.0.1';
  const answersHost = acceptsHost(host, options.allowedHosts);
  const faults = new FaultInjector(options.faults, options.seed);
  let bucket: TokenBucket | null = options.rateLimit === false ? null : new TokenBucket(options.rateLimit ?? NOTION_RATE_LIMIT);
  const stats: SandboxStats = { requests: 0, byStatus: {}, rateLimited: 0, faults: {}, writes: 0, persistErrors: 0 };
  const persister = options.persist ? new Persister(options.persist, () => JSON.stringify(store.state)) : null;
  if (persister) store.onChange(() => persister.schedule());
  if (!initialState) for (const title of options.rootPages ?? []) store.createRootPage(title, true);

  const count = (status: number | 'dropped') => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const sendError = (res: ServerResponse, error: NotionError, requestId: string) => {
    sendJson(res, error.status, error.toBody(requestId), error.headers);
  };

  const injectFault = (kind: FaultKind, req: IncomingMessage, res: ServerResponse, requestId: string) => {
    stats.faults[kind] = (stats.faults[kind] ?? 0) + 1;
    const retryAfter = String(faults.retryAfterSeconds());
    switch (kind) {
      case 'drop':
        count('dropped');
        req.socket.destroy();
        return;
      case '502':
        count(502);
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end(BAD_GATEWAY_HTML);
        return;
      case '429':
        count(429);
        return sendError(res, rateLimited(Number(retryAfter)), requestId);
      case '409':
        count(409);
        return sendError(res, new NotionError(409, 'conflict_error', 'Conflict occurred while saving. Please try again.'), requestId);
      case '500':
        count(500);
        return sendError(res, new NotionError(500, 'internal_server_error', 'Unexpected error occurred.'), requestId);
      case '503':
        count(503);
        return sendError(res, new NotionError(503, 'service_unavailable', 'Notion is unavailable, please try again later.'), requestId);
      case '504':
        count(504);
        return sendError(
          res,
          new NotionError(504, 'gateway_timeout', 'Notion timed out while processing the request. Please try again later.'),
          requestId,
        );
      case '529':
        count(529);
        return sendError(
          res,
          new NotionError(529, 'service_overload', 'Notion is overloaded, please try again later.', { 'retry-after': retryAfter }),
          requestId,
        );
    }
  };

  const serveApi = async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, rawBody: string) => {
    stats.requests++;
    const method = req.method ?? 'GET';
    const match = matchRoute(ROUTES, method, url.pathname);
    const writes = match.route?.writes ?? false;
    const delay = faults.latency();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const fault = faults.decide(method, url.pathname, writes);
    if (fault && !fault.afterWrite) return injectFault(fault.kind, req, res, requestId);

    const auth = req.headers.authorization;
    if (auth !== `Bearer ${token}`) throw unauthorized();
    const version = req.headers['notion-version'];
    if (version === undefined || version === '') throw missingVersion();
    if (typeof version !== 'string' || !SUPPORTED_VERSIONS.includes(version)) {
      throw new NotionError(
        400,
        'validation_error',
        `Notion-Version header failed validation: the sandbox emulates ${SUPPORTED_VERSIONS.join(' and ')}, instead was \`${String(version)}\`.`,
      );
    }
    if (bucket) {
      const decision = bucket.take();
      if (!decision.allowed) {
        stats.rateLimited++;
        throw rateLimited(decision.retryAfterSeconds);
      }
    }
    if (!match.route) throw invalidRequestUrl();
    let body: JsonObject = {};
    if (method !== 'GET' && method !== 'DELETE' && rawBody.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        throw invalidJson();
      }
      if (!isObject(parsed))
        throw validationError(`body failed validation: body should be an object, instead was \`${JSON.stringify(parsed).slice(0, 100)}\`.`);
      body = parsed;
    }
    const ctx: RequestContext = {
      method,
      params: match.params,
      query: url.searchParams,
      body,
      store,
      ser,
      queryResultLimit: options.queryResultLimit ?? 10_000,
    };
    const result = match.route.handler(ctx);
    if (writes) {
      stats.writes++;
      store.changed();
    }
    if (fault?.afterWrite) return injectFault(fault.kind, req, res, requestId);
    count(200);
    sendJson(res, 200, result);
  };

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    res.setHeader('x-notion-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const work = async () => {
        if (!answersHost(req.headers.host)) throw hostNotAllowed(req.headers.host);
        if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
          res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
            'x-content-type-options': 'nosniff',
          });
          res.end(req.method === 'HEAD' ? undefined : renderBoard(store, ser));
          return;
        }
        if (url.pathname.startsWith('/__sandbox/')) {
          const out = await handleAdmin(
            handle,
            req.method ?? 'GET',
            url.pathname.slice('/__sandbox/'.length),
            req.headers['content-type'],
            rawBody,
          );
          sendJson(res, 200, out);
          return;
        }
        if (!url.pathname.startsWith('/v1/')) throw invalidRequestUrl();
        if (tooLarge) throw validationError(`body failed validation: the request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
        await serveApi(req, res, url, requestId, rawBody);
      };
      work().catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        if (error instanceof NotionError) {
          if (url.pathname.startsWith('/v1/')) count(error.status);
          sendError(res, error, requestId);
          return;
        }
        options.onError?.(error);
        count(500);
        sendError(res, new NotionError(500, 'internal_server_error', 'Unexpected error occurred.'), requestId);
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  store.origin = origin;

  const handle: SandboxHandle = {
    url: origin,
    boardUrl: `${origin}/`,
    port,
    token,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persister?.flush();
    },
    state: () => structuredClone(store.state),
    users: () => store.state.users.filter((u) => u.type === 'person').map((u) => ({ ...u })),
    botId: () => store.botId,
    createRootPage(title, opts) {
      return store.createRootPage(title, opts?.shared ?? true).id;
    },
    simulateUserEdit(edit) {
      const id = normalizeId(edit.pageId);
      const page = id ? store.state.pages[id] : undefined;
      if (!page) throw new Error(`No page with id ${edit.pageId}.`);
      const userId = edit.userId ?? store.state.users.find((u) => u.type === 'person')?.id;
      if (!userId || !store.user(userId)) throw new Error(`No user with id ${String(edit.userId)}.`);
      const requested = edit.at === undefined ? undefined : typeof edit.at === 'number' ? edit.at : edit.at.getTime();
      const at = requested ?? Math.max(clock(), page.last_edited_time + 60_000);
      const body: JsonObject = {};
      if (edit.properties) body.properties = edit.properties;
      if (edit.inTrash !== undefined) body.in_trash = edit.inTrash;
      applyPageUpdate(store, page, body, userId, at);
      store.changed();
      return ser.page(page);
    },
    setFaults(spec) {
      faults.configure(spec ?? {}, options.seed);
    },
    failNext(kind, opts) {
      const fault: QueuedFault = { kind, match: opts?.match, afterWrite: opts?.afterWrite };
      faults.enqueue(fault, opts?.count ?? 1);
    },
    setRateLimit(limits) {
      if (limits === false) bucket = null;
      else if (bucket) bucket.reconfigure(limits);
      else bucket = new TokenBucket(limits);
    },
    stats: () => ({ ...structuredClone(stats), persistErrors: persister?.errors.length ?? 0 }),
    flush: async () => {
      await persister?.flush();
    },
  };
  return handle;
}
