import type {
  Client,
  CreateDatabaseParameters,
  CreatePageParameters,
  UpdateDataSourceParameters,
  UpdatePageParameters,
} from '@notionhq/client';
import { fromPage, type PropertyValues } from './mapper/properties';
import {
  readBlockIds,
  readBlockOwner,
  readChildDatabase,
  readChildPage,
  readDatabase,
  readDataSource,
  readPerson,
  readUserId,
  type DatabaseInfo,
  type DataSourceInfo,
} from './mapper/objects';
import { RateLimiter, sleep as realSleep, type Sleep } from './rate-limiter';
import { classifyError, DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retry';
import type { RemoteRow, SyncKind } from './types';

/** Request counters of a sync, for the progress line and the summary. */
export interface SyncCounters {
  /** HTTP requests sent (retries included). */
  requests: number;
  /** Successful writes (creates, updates, archives, schema changes). */
  writes: number;
  /** Pages of data source queries read. */
  queryPages: number;
  /** Requests sent again after a failure. */
  retries: number;
  /** 429 responses okra received (pacing should keep this at 0). */
  rateLimited: number;
}

/** One retry, for logs and progress. */
export interface RetryEvent {
  label: string;
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface TransportOptions {
  limiter?: RateLimiter;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  onRetry?: (event: RetryEvent) => void;
  /** Called after every request (progress display). */
  onRequest?: (counters: SyncCounters) => void;
  sleep?: Sleep;
  random?: () => number;
}

/** One page of rows of a data source query. */
export interface RowPage {
  rows: RemoteRow[];
  nextCursor: string | null;
}

/**
 * The only code that calls the Notion client. Every request waits for a token of the rate
 * limiter, and failures that are safe to retry are retried with backoff (Retry-After wins).
 * A create whose response was lost is looked up (by the caller's `recover`) before it is sent
 * again, so a retry never makes a duplicate.
 */
export class NotionTransport {
  readonly counters: SyncCounters = { requests: 0, writes: 0, queryPages: 0, retries: 0, rateLimited: 0 };
  private readonly limiter: RateLimiter;
  private readonly retry: RetryPolicy;
  private readonly sleep: Sleep;

  constructor(
    private readonly client: Client,
    private readonly options: TransportOptions = {},
  ) {
    this.limiter = options.limiter ?? new RateLimiter();
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Sends one request with pacing and retries. `recover`, for non-idempotent writes, runs
   * before every retry: when it finds that the first attempt did land, its result is used.
   */
  async call<T>(label: string, write: boolean, send: () => Promise<T>, recover?: () => Promise<T | undefined>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1 && recover) {
        const found = await recover();
        if (found !== undefined) return found;
      }
      this.options.signal?.throwIfAborted();
      await this.limiter.acquire(this.options.signal);
      this.counters.requests++;
      try {
        const result = await send();
        if (write) this.counters.writes++;
        this.options.onRequest?.(this.counters);
        return result;
      } catch (error) {
        const decision = classifyError(error);
        if (decision.rateLimited) this.counters.rateLimited++;
        this.options.onRequest?.(this.counters);
        if (!decision.retry || attempt >= this.retry.maxAttempts || this.options.signal?.aborted) throw error;
        const delayMs = retryDelay(this.retry, attempt, decision, this.options.random);
        if (decision.rateLimited) this.limiter.pause(delayMs);
        this.counters.retries++;
        this.options.onRetry?.({ label, attempt, reason: decision.reason, delayMs });
        await this.sleep(delayMs, this.options.signal);
      }
    }
  }

  /** The integration's bot user id. */
  async botId(): Promise<string> {
    return readUserId(await this.call('users.me', false, () => this.client.users.me({})));
  }

  /** Notion user ids by lower-cased email, for people properties. */
  async usersByEmail(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const page = await this.call('users.list', false, () => this.client.users.list({ page_size: 100, start_cursor: cursor }));
      for (const user of page.results) {
        const person = readPerson(user);
        if (person) out.set(person.email.trim().toLowerCase(), person.id);
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** Child databases of a page (every page of its children). */
  async childDatabases(pageId: string): Promise<Array<{ id: string; title: string }>> {
    const out: Array<{ id: string; title: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.call('blocks.children.list', false, () =>
        this.client.blocks.children.list({ block_id: pageId, page_size: 100, start_cursor: cursor }),
      );
      for (const block of page.results) {
        const db = readChildDatabase(block);
        if (db) out.push(db);
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** Child pages of a page (every page of its children; trashed ones left out). */
  async childPages(pageId: string): Promise<Array<{ id: string; title: string; createdBy: string }>> {
    const out: Array<{ id: string; title: string; createdBy: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.call('blocks.children.list', false, () =>
        this.client.blocks.children.list({ block_id: pageId, page_size: 100, start_cursor: cursor }),
      );
      for (const block of page.results) {
        const child = readChildPage(block);
        if (child) out.push(child);
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** The top-level blocks of a page with their creators (every page of them). */
  async childBlocks(pageId: string): Promise<Array<{ id: string; createdBy: string }>> {
    const out: Array<{ id: string; createdBy: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.call('blocks.children.list', false, () =>
        this.client.blocks.children.list({ block_id: pageId, page_size: 100, start_cursor: cursor }),
      );
      for (const block of page.results) {
        const b = readBlockOwner(block);
        if (b) out.push(b);
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** Creates a page under a page, with a title and no content; `recover` finds it if a lost response left it created. */
  async createChildPage(
    parentPageId: string,
    title: string,
    icon: string | undefined,
    recover: () => Promise<string | undefined>,
  ): Promise<string> {
    const params = {
      parent: { type: 'page_id', page_id: parentPageId },
      properties: { title: { title: [{ type: 'text', text: { content: title.slice(0, 2000) } }] } },
      ...(icon ? { icon: { type: 'emoji', emoji: icon } } : {}),
    } as CreatePageParameters;
    return this.call('pages.create', true, async () => (await this.client.pages.create(params)).id, recover);
  }

  /** Renames a page (its `title` property). */
  async renamePage(pageId: string, title: string): Promise<void> {
    const params = {
      page_id: pageId,
      properties: { title: { title: [{ type: 'text', text: { content: title.slice(0, 2000) } }] } },
    } as UpdatePageParameters;
    await this.call('pages.update', true, () => this.client.pages.update(params));
  }

  /** Whether a page exists, is shared and is not in the trash. */
  async pageAlive(pageId: string): Promise<boolean> {
    try {
      const page = await this.call('pages.retrieve', false, () => this.client.pages.retrieve({ page_id: pageId }));
      return !(page as { in_trash?: boolean }).in_trash && !(page as { archived?: boolean }).archived;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Appends ≤ 100 blocks at the end of a block or page; returns the new top-level blocks' ids. */
  async appendBlocks(blockId: string, children: readonly unknown[]): Promise<string[]> {
    const params = { block_id: blockId, children: children as never };
    return readBlockIds(await this.call('blocks.children.append', true, () => this.client.blocks.children.append(params)));
  }

  /** Moves a block to the trash; one that is already gone is fine. */
  async deleteBlock(blockId: string): Promise<void> {
    try {
      await this.call('blocks.delete', true, () => this.client.blocks.delete({ block_id: blockId }));
    } catch (error) {
      if (!isNotFound(error) && !isArchived(error)) throw error;
    }
  }

  /** A database, or undefined when it is gone (404: deleted or no longer shared). */
  async database(id: string): Promise<DatabaseInfo | undefined> {
    try {
      return readDatabase(await this.call('databases.retrieve', false, () => this.client.databases.retrieve({ database_id: id })));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** A data source with its schema, or undefined when it is gone. */
  async dataSource(id: string): Promise<DataSourceInfo | undefined> {
    try {
      return readDataSource(await this.call('dataSources.retrieve', false, () => this.client.dataSources.retrieve({ data_source_id: id })));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** One page (≤ 100 rows) of a data source query, rows read with `fromPage`. */
  async queryRows(
    kind: SyncKind,
    dataSourceId: string,
    propertyIds: Record<string, string>,
    cursor?: string,
    filter?: Record<string, unknown>,
  ): Promise<RowPage> {
    const page = await this.call('dataSources.query', false, () =>
      this.client.dataSources.query({
        data_source_id: dataSourceId,
        page_size: 100,
        start_cursor: cursor,
        ...(filter ? { filter: filter as never } : {}),
      }),
    );
    this.counters.queryPages++;
    const rows: RemoteRow[] = [];
    for (const result of page.results) {
      const row = fromPage(result, kind, propertyIds);
      if (row) rows.push(row);
    }
    return { rows, nextCursor: page.has_more ? page.next_cursor : null };
  }

  /** Creates a database with its first data source; `recover` finds it if a lost response left it created. */
  async createDatabase(params: CreateDatabaseParameters, recover: () => Promise<DatabaseInfo | undefined>): Promise<DatabaseInfo> {
    const result = await this.call<DatabaseInfo | undefined>(
      'databases.create',
      true,
      async () => readDatabase(await this.client.databases.create(params)),
      recover,
    );
    if (!result) throw new Error('Notion returned a partial database object for a create.');
    return result;
  }

  /**
   * Changes a data source's schema; returns the new schema. Before a retry the schema is read
   * back: re-sending a two-way relation that did land would make Notion add a second mirror column.
   */
  async updateDataSource(id: string, properties: Record<string, unknown>): Promise<DataSourceInfo> {
    const params = { data_source_id: id, properties } as UpdateDataSourceParameters;
    const recover = async () => {
      const current = await this.dataSource(id);
      return current && schemaSatisfies(current, properties) ? current : undefined;
    };
    const result = await this.call<DataSourceInfo | undefined>(
      'dataSources.update',
      true,
      async () => readDataSource(await this.client.dataSources.update(params)),
      recover,
    );
    if (!result) throw new Error('Notion returned a partial data source object for a schema update.');
    return result;
  }

  /** Creates a row; `recover` looks the row up by okra id before a retry. */
  async createRow(
    kind: SyncKind,
    dataSourceId: string,
    properties: PropertyValues,
    propertyIds: Record<string, string>,
    recover: () => Promise<RemoteRow | undefined>,
  ): Promise<RemoteRow> {
    const params = { parent: { type: 'data_source_id', data_source_id: dataSourceId }, properties } as CreatePageParameters;
    const row = await this.call<RemoteRow | undefined>(
      'pages.create',
      true,
      async () => fromPage(await this.client.pages.create(params), kind, propertyIds),
      recover,
    );
    if (!row) throw new Error('Notion returned a partial page object for a create.');
    return row;
  }

  /** Updates a row's properties (idempotent: safe to retry). */
  async updateRow(
    kind: SyncKind,
    pageId: string,
    properties: PropertyValues,
    propertyIds: Record<string, string>,
  ): Promise<RemoteRow | undefined> {
    const params = { page_id: pageId, properties } as UpdatePageParameters;
    return fromPage(await this.call('pages.update', true, () => this.client.pages.update(params)), kind, propertyIds);
  }

  /** Moves a row to the trash (Notion keeps it 30 days; okra never deletes). */
  async archiveRow(pageId: string): Promise<void> {
    try {
      await this.call('pages.update', true, () => this.client.pages.update({ page_id: pageId, in_trash: true }));
    } catch (error) {
      // Already gone: nothing left to archive.
      if (!isNotFound(error)) throw error;
    }
  }
}

/** Whether a schema already has what a `properties` patch asks for (by name, type and relation target). */
export function schemaSatisfies(ds: DataSourceInfo, patch: Record<string, unknown>): boolean {
  return Object.entries(patch).every(([key, value]) => {
    if (value === null) return !ds.properties.some((p) => p.name === key || p.id === key);
    const config = value as Record<string, unknown>;
    const name = typeof config.name === 'string' ? config.name : key;
    const prop = ds.properties.find((p) => p.name === name);
    if (!prop) return false;
    const type = Object.keys(config).find((k) => k !== 'name' && k !== 'description');
    if (!type) return true;
    if (prop.type !== type) return false;
    const target = (config.relation as { data_source_id?: string } | undefined)?.data_source_id;
    return !target || prop.target?.replace(/-/g, '') === target.replace(/-/g, '');
  });
}

/** A 400 for a block or page already in the trash. */
export function isArchived(error: unknown): boolean {
  return (
    (error as { status?: unknown })?.status === 400 &&
    /archived|in_trash|trash/i.test(String((error as { message?: unknown })?.message ?? ''))
  );
}

/** A 404: the object does not exist or is not shared with the integration. */
export function isNotFound(error: unknown): boolean {
  return (error as { status?: unknown })?.status === 404;
}
