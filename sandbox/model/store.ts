import type { RichTextItemResponse } from '@notionhq/client';
import { floorToMinute, type Clock } from './clock';
import { notFound } from './errors';
import { compactId, type IdSource } from './ids';
import type { BlockDraft } from './blocks';
import type { PropertyContext } from './properties';
import { plainText, textToRichText, type MentionResolver } from './rich-text';
import type { SandboxState, StoredBlock, StoredDataSource, StoredDatabase, StoredPage, StoredStamps, StoredUser } from './types';

/** A person to seed into the workspace. */
export interface SeedUser {
  name: string;
  email: string;
  /** Fixed id, so tests and fixtures can refer to the user. */
  id?: string;
}

/** The people a fresh sandbox has, unless the caller brings its own. */
export const DEFAULT_USERS: readonly SeedUser[] = [
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { name: 'Grace Hopper', email: 'grace@example.com' },
  { name: 'Alan Turing', email: 'alan@example.com' },
];

/** Options for a fresh or restored store. */
export interface StoreOptions {
  clock: Clock;
  ids: IdSource;
  initialState?: SandboxState;
  users?: readonly SeedUser[];
  workspaceName?: string;
  botName?: string;
}

const MAX_ANCESTRY = 64;

/**
 * The in-memory workspace: objects, ids, timestamps, trash, and access (an object
 * is visible to the integration only under one of its shared root pages). It
 * knows nothing about HTTP; handlers validate requests and call in here.
 */
export class Store {
  readonly state: SandboxState;
  /** Origin used in `url` fields; set once the server listens. */
  origin = 'http://127.0.0.1';
  private readonly onChangeListeners: Array<() => void> = [];

  constructor(private readonly options: StoreOptions) {
    this.state = options.initialState ? structuredClone(options.initialState) : this.freshState();
  }

  private freshState(): SandboxState {
    const ids = this.options.ids;
    const bot: StoredUser = { id: ids.uuid(), type: 'bot', name: this.options.botName ?? 'okra sandbox', avatar_url: null };
    const people: StoredUser[] = (this.options.users ?? DEFAULT_USERS).map((u) => ({
      id: u.id ?? ids.uuid(),
      type: 'person',
      name: u.name,
      email: u.email,
      avatar_url: null,
    }));
    return {
      version: 1,
      workspace: { id: ids.uuid(), name: this.options.workspaceName ?? 'Sandbox workspace' },
      bot_id: bot.id,
      users: [bot, ...people],
      pages: {},
      databases: {},
      data_sources: {},
      blocks: {},
      next_seq: 1,
    };
  }

  get ids(): IdSource {
    return this.options.ids;
  }

  get botId(): string {
    return this.state.bot_id;
  }

  /** The current time, truncated to the minute as Notion reports edit times. */
  now(): number {
    return floorToMinute(this.options.clock());
  }

  /** Registers a callback run after every committed change. */
  onChange(listener: () => void): void {
    this.onChangeListeners.push(listener);
  }

  /** Tells listeners (persistence) that the state changed. */
  changed(): void {
    for (const l of this.onChangeListeners) l();
  }

  /** Fresh created/edited stamps for a new object. */
  stamps(by: string = this.botId): StoredStamps {
    const now = this.now();
    return { created_time: now, last_edited_time: now, created_by: by, last_edited_by: by };
  }

  /** Marks an object edited by `by` at `at` (default: now). */
  touch(obj: StoredStamps, by: string = this.botId, at: number = this.now()): void {
    obj.last_edited_time = floorToMinute(at);
    obj.last_edited_by = by;
  }

  nextSeq(): number {
    return this.state.next_seq++;
  }

  // --- lookups -------------------------------------------------------------

  user(id: string): StoredUser | undefined {
    return this.state.users.find((u) => u.id === id);
  }

  /** A page the integration can see, or a 404. */
  requirePage(id: string): StoredPage {
    const page = this.state.pages[id];
    if (!page || !this.canSeePage(page)) throw notFound('page', id);
    return page;
  }

  requireDatabase(id: string): StoredDatabase {
    const db = this.state.databases[id];
    if (!db || !this.canSeeDatabase(db)) throw notFound('database', id);
    return db;
  }

  requireDataSource(id: string): StoredDataSource {
    const ds = this.state.data_sources[id];
    if (!ds || !this.canSeeDataSource(ds)) throw notFound('data_source', id);
    return ds;
  }

  /** A block (or a page or database seen as a block) the integration can see, or a 404. */
  requireBlock(id: string): StoredBlock | StoredPage {
    const block = this.state.blocks[id];
    if (block && this.canSeeBlock(block)) return block;
    const page = this.state.pages[id];
    if (page && this.canSeePage(page)) return page;
    throw notFound('block', id);
  }

  // --- access --------------------------------------------------------------

  canSeePage(page: StoredPage, depth = 0): boolean {
    if (page.shared) return true;
    if (depth > MAX_ANCESTRY) return false;
    const parent = page.parent;
    switch (parent.type) {
      case 'page_id':
        return this.canSeeId('page', parent.page_id, depth);
      case 'data_source_id':
        return this.canSeeId('data_source', parent.data_source_id, depth);
      case 'block_id':
        return this.canSeeId('block', parent.block_id, depth);
      default:
        return false;
    }
  }

  canSeeDatabase(db: StoredDatabase, depth = 0): boolean {
    if (db.parent.type === 'page_id') return this.canSeeId('page', db.parent.page_id, depth);
    if (db.parent.type === 'block_id') return this.canSeeId('block', db.parent.block_id, depth);
    return false;
  }

  canSeeDataSource(ds: StoredDataSource, depth = 0): boolean {
    return this.canSeeId('database', ds.database_id, depth);
  }

  canSeeBlock(block: StoredBlock, depth = 0): boolean {
    return block.parent.type === 'page_id'
      ? this.canSeeId('page', block.parent.page_id, depth)
      : this.canSeeId('block', block.parent.block_id, depth);
  }

  private canSeeId(kind: 'page' | 'database' | 'data_source' | 'block', id: string, depth: number): boolean {
    const next = depth + 1;
    if (kind === 'page') {
      const p = this.state.pages[id];
      return !!p && this.canSeePage(p, next);
    }
    if (kind === 'database') {
      const d = this.state.databases[id];
      return !!d && this.canSeeDatabase(d, next);
    }
    if (kind === 'data_source') {
      const s = this.state.data_sources[id];
      return !!s && this.canSeeDataSource(s, next);
    }
    const b = this.state.blocks[id];
    if (b) return this.canSeeBlock(b, next);
    const p = this.state.pages[id];
    return !!p && this.canSeePage(p, next);
  }

  // --- pages ---------------------------------------------------------------

  /** The plain-text title of a page (the value of its title property). */
  pageTitle(page: StoredPage): string {
    const titleId = this.titlePropertyId(page);
    const value = titleId ? page.properties[titleId] : undefined;
    return Array.isArray(value) ? plainText(value as RichTextItemResponse[]) : '';
  }

  private titlePropertyId(page: StoredPage): string | undefined {
    if (page.parent.type !== 'data_source_id') return 'title';
    const ds = this.state.data_sources[page.parent.data_source_id];
    return ds?.properties.find((p) => p.config.type === 'title')?.id;
  }

  /** A URL for an object: the board view, anchored at the object. */
  url(id: string): string {
    return `${this.origin}/#${compactId(id)}`;
  }

  /**
   * Creates a page at workspace level. `shared` pages are the integration's
   * roots (what a user shares with the integration in Notion); unshared ones
   * exist but answer 404, like pages the integration was never given.
   */
  createRootPage(title: string, shared: boolean, by?: string): StoredPage {
    const page: StoredPage = {
      id: this.ids.uuid(),
      seq: this.nextSeq(),
      parent: { type: 'workspace' },
      properties: { title: textToRichText(title) },
      in_trash: false,
      is_locked: false,
      shared,
      icon: null,
      cover: null,
      child_ids: [],
      ...this.stamps(by ?? this.state.users.find((u) => u.type === 'person')?.id ?? this.botId),
    };
    this.state.pages[page.id] = page;
    this.changed();
    return page;
  }

  /** Adds a page; under a page it also becomes a `child_page` block of that page. */
  insertPage(page: StoredPage): void {
    this.state.pages[page.id] = page;
    if (page.parent.type === 'page_id' || page.parent.type === 'block_id') {
      this.linkChild(page.parent, { id: page.id, type: 'child_page', content: {} }, page);
    }
  }

  /** Adds a database; under a page it also becomes a `child_database` block. */
  insertDatabase(db: StoredDatabase): void {
    this.state.databases[db.id] = db;
    if (db.parent.type === 'page_id' || db.parent.type === 'block_id') {
      this.linkChild(db.parent, { id: db.id, type: 'child_database', content: {} }, db);
    }
  }

  private linkChild(
    parent: { type: 'page_id'; page_id: string } | { type: 'block_id'; block_id: string },
    block: { id: string; type: string; content: Record<string, unknown> },
    stamps: StoredStamps,
  ): void {
    const stored: StoredBlock = {
      id: block.id,
      parent,
      type: block.type,
      content: block.content,
      in_trash: false,
      child_ids: [],
      created_time: stamps.created_time,
      last_edited_time: stamps.last_edited_time,
      created_by: stamps.created_by,
      last_edited_by: stamps.last_edited_by,
    };
    this.state.blocks[stored.id] = stored;
    this.childIds(parent.type === 'page_id' ? parent.page_id : parent.block_id)?.push(stored.id);
  }

  /** The ordered child ids of a page or block (a child page's children live on the page). */
  childIds(id: string): string[] | undefined {
    const page = this.state.pages[id];
    if (page) return page.child_ids;
    return this.state.blocks[id]?.child_ids;
  }

  /** Stores validated block drafts under a page or block, after `afterId` or at the end. */
  appendBlocks(parentId: string, drafts: BlockDraft[], afterId?: string | 'start', by: string = this.botId): StoredBlock[] {
    const created: StoredBlock[] = [];
    const parent = this.state.pages[parentId]
      ? ({ type: 'page_id', page_id: parentId } as const)
      : ({ type: 'block_id', block_id: parentId } as const);
    const ids = drafts.map((draft) => {
      const block: StoredBlock = {
        id: this.ids.uuid(),
        parent,
        type: draft.type,
        content: draft.content,
        in_trash: false,
        child_ids: [],
        ...this.stamps(by),
      };
      this.state.blocks[block.id] = block;
      created.push(block);
      if (draft.children.length > 0) this.appendBlocks(block.id, draft.children, undefined, by);
      return block.id;
    });
    const siblings = this.childIds(parentId);
    if (!siblings) return created;
    const at = afterId === 'start' ? 0 : afterId ? siblings.indexOf(afterId) + 1 : siblings.length;
    siblings.splice(at, 0, ...ids);
    return created;
  }

  /** Rows of a data source in creation order. */
  rowsOf(dataSourceId: string): StoredPage[] {
    return Object.values(this.state.pages)
      .filter((p) => p.parent.type === 'data_source_id' && p.parent.data_source_id === dataSourceId)
      .sort((a, b) => a.seq - b.seq);
  }

  // --- adapters for the validation modules ----------------------------------

  /** Resolves mentions for rich-text normalisation. */
  resolver(): MentionResolver {
    return {
      userName: (id) => this.user(id)?.name ?? null,
      page: (id) => {
        const page = this.state.pages[id];
        return page && this.canSeePage(page) ? { title: this.pageTitle(page), url: this.url(id) } : null;
      },
    };
  }

  /** Access-aware lookups for property validation. */
  propertyContext(): PropertyContext {
    return {
      ids: this.ids,
      resolver: this.resolver(),
      dataSource: (id) => {
        const ds = this.state.data_sources[id];
        return ds && this.canSeeDataSource(ds) ? ds : null;
      },
      page: (id) => {
        const page = this.state.pages[id];
        return page && this.canSeePage(page) ? page : null;
      },
      userExists: (id) => this.user(id) !== undefined,
    };
  }
}
