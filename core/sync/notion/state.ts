import type { NormalValue, SyncKind } from './types';
import { SYNC_KINDS } from './types';

/** What okra remembers about one of its databases. */
export interface DatabaseState {
  databaseId: string;
  dataSourceId: string;
  /** Property ids by okra's property name, so a column renamed in Notion is recognised. */
  propertyIds: Record<string, string>;
}

/** What okra remembers about one row, by row key (`kind/okraId`). */
export interface RowState {
  pageId: string;
  /** Hash of what okra last wrote into the row. */
  hash: string;
  /** The row's `last_edited_time` after that write. */
  lastEditedTime: string;
  /**
   * What okra last wrote into the columns `--pull` brings back (`PULLED`), so that a pull can
   * tell, field by field, an edit in Notion from a change in the YAML.
   */
  values?: Record<string, NormalValue>;
}

/** A rendered document okra keeps as a page under the Documents page. */
export interface DocumentState {
  pageId: string;
  title: string;
  /** Hash of the document's Markdown: unchanged documents are not rewritten. */
  hash: string;
  /** Top-level blocks okra appended: the only ones it deletes when the document changes. */
  blockIds: string[];
}

/** The Documents page and its pages, by document key (`template/target`). */
export interface DocumentsState {
  pageId: string;
  pages: Record<string, DocumentState>;
}

/**
 * `.okra/notion-state.json`. Everything in it can be rebuilt from Notion (databases by their
 * marker under the parent page, rows by their `okra id`), so losing it costs requests, not
 * duplicates.
 */
export interface SyncState {
  version: 1;
  /** The parent page the databases live under; state for another page is ignored. */
  parentPageId: string;
  /** The integration's bot user: rows it created are okra's. */
  botId?: string;
  databases: Partial<Record<SyncKind, DatabaseState>>;
  rows: Record<string, RowState>;
  /**
   * Creates that were started but not confirmed (the run may have died with the request in
   * flight): before creating such a row again, okra looks it up by its okra id.
   */
  pending: Record<string, { since: string }>;
  /** Rendered documents as pages, once okra has made the Documents page. */
  documents?: DocumentsState;
}

export const STATE_VERSION = 1;

/** A fresh state for a parent page. */
export function emptyState(parentPageId: string): SyncState {
  return { version: STATE_VERSION, parentPageId, databases: {}, rows: {}, pending: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Canonical form of a Notion id (lower-case, no dashes), for comparing ids written either way. */
export function compactId(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

/**
 * Reads a state file's text. Anything unreadable, of another version or for another parent
 * page gives a fresh state: okra then rebuilds it from Notion, which is slower but safe.
 */
export function parseState(text: string | undefined, parentPageId: string): { state: SyncState; note?: string } {
  if (text === undefined) return { state: emptyState(parentPageId), note: 'no state file: rebuilding it from Notion' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: emptyState(parentPageId), note: 'state file is not valid JSON: rebuilding it from Notion' };
  }
  if (!isObject(raw) || raw.version !== STATE_VERSION)
    return { state: emptyState(parentPageId), note: 'state file has an unknown version: rebuilding it from Notion' };
  if (!isString(raw.parentPageId) || compactId(raw.parentPageId) !== compactId(parentPageId)) {
    return { state: emptyState(parentPageId), note: 'state file is for another parent page: rebuilding it from Notion' };
  }
  const state = emptyState(parentPageId);
  if (isString(raw.botId)) state.botId = raw.botId;
  if (isObject(raw.databases)) {
    for (const kind of SYNC_KINDS) {
      const db = raw.databases[kind];
      if (isObject(db) && isString(db.databaseId) && isString(db.dataSourceId)) {
        const propertyIds: Record<string, string> = {};
        if (isObject(db.propertyIds)) for (const [k, v] of Object.entries(db.propertyIds)) if (isString(v)) propertyIds[k] = v;
        state.databases[kind] = { databaseId: db.databaseId, dataSourceId: db.dataSourceId, propertyIds };
      }
    }
  }
  if (isObject(raw.rows)) {
    for (const [key, row] of Object.entries(raw.rows)) {
      if (isObject(row) && isString(row.pageId)) {
        state.rows[key] = {
          pageId: row.pageId,
          hash: typeof row.hash === 'string' ? row.hash : '',
          lastEditedTime: typeof row.lastEditedTime === 'string' ? row.lastEditedTime : '',
        };
        if (isObject(row.values)) state.rows[key].values = row.values as Record<string, NormalValue>;
      }
    }
  }
  if (isObject(raw.pending)) {
    for (const [key, p] of Object.entries(raw.pending)) if (isObject(p) && isString(p.since)) state.pending[key] = { since: p.since };
  }
  if (isObject(raw.documents) && isString(raw.documents.pageId)) {
    const pages: Record<string, DocumentState> = {};
    if (isObject(raw.documents.pages)) {
      for (const [key, d] of Object.entries(raw.documents.pages)) {
        if (!isObject(d) || !isString(d.pageId)) continue;
        const blockIds = Array.isArray(d.blockIds) ? d.blockIds.filter(isString) : [];
        pages[key] = {
          pageId: d.pageId,
          title: typeof d.title === 'string' ? d.title : '',
          hash: typeof d.hash === 'string' ? d.hash : '',
          blockIds,
        };
      }
    }
    state.documents = { pageId: raw.documents.pageId, pages };
  }
  return { state };
}

/** The state file's text: stable key order, so that the file diffs well and rewrites are cheap to compare. */
export function serializeState(state: SyncState): string {
  const rows: Record<string, RowState> = {};
  for (const key of Object.keys(state.rows).sort()) rows[key] = state.rows[key];
  const pending: Record<string, { since: string }> = {};
  for (const key of Object.keys(state.pending).sort()) pending[key] = state.pending[key];
  const databases: Partial<Record<SyncKind, DatabaseState>> = {};
  for (const kind of SYNC_KINDS) if (state.databases[kind]) databases[kind] = state.databases[kind];
  let documents: DocumentsState | undefined;
  if (state.documents) {
    const pages: Record<string, DocumentState> = {};
    for (const key of Object.keys(state.documents.pages).sort()) pages[key] = state.documents.pages[key];
    documents = { pageId: state.documents.pageId, pages };
  }
  return (
    JSON.stringify(
      { version: state.version, parentPageId: state.parentPageId, botId: state.botId, databases, rows, pending, documents },
      null,
      1,
    ) + '\n'
  );
}
