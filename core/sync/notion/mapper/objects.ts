import { isFullBlock, isFullDatabase, isFullDataSource, isFullUser } from '@notionhq/client';
import type { BlockObjectResponse, DatabaseObjectResponse, DataSourceObjectResponse, UserObjectResponse } from '@notionhq/client';
import type { SchemaProperty } from '../drift';

/* Readers for the non-page objects okra needs, kept beside the page reader. */

/** A database in okra's terms. */
export interface DatabaseInfo {
  id: string;
  title: string;
  description: string;
  dataSourceIds: string[];
  inTrash: boolean;
}

/** A data source in okra's terms. */
export interface DataSourceInfo {
  id: string;
  databaseId: string;
  inTrash: boolean;
  properties: SchemaProperty[];
}

const plain = (items: ReadonlyArray<{ plain_text: string }>) => items.map((i) => i.plain_text).join('');

export function readDatabase(response: unknown): DatabaseInfo | undefined {
  if (!isFullDatabase(response as DatabaseObjectResponse)) return undefined;
  const db = response as DatabaseObjectResponse;
  return {
    id: db.id,
    title: plain(db.title),
    description: plain(db.description),
    dataSourceIds: db.data_sources.map((d) => d.id),
    inTrash: db.in_trash,
  };
}

export function readDataSource(response: unknown): DataSourceInfo | undefined {
  if (!isFullDataSource(response as DataSourceObjectResponse)) return undefined;
  const ds = response as DataSourceObjectResponse;
  const properties: SchemaProperty[] = Object.values(ds.properties).map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    target: p.type === 'relation' ? p.relation.data_source_id : undefined,
  }));
  const databaseId = ds.parent.type === 'database_id' ? ds.parent.database_id : '';
  return { id: ds.id, databaseId, inTrash: ds.in_trash, properties };
}

/** A person's Notion user id and email; bots and people without a visible email give undefined. */
export function readPerson(response: unknown): { id: string; email: string } | undefined {
  if (!isFullUser(response as UserObjectResponse)) return undefined;
  const user = response as UserObjectResponse;
  if (user.type !== 'person' || !user.person.email) return undefined;
  return { id: user.id, email: user.person.email };
}

/** The bot id of `users.me`. */
export function readUserId(response: unknown): string {
  return (response as { id?: unknown }).id && typeof (response as { id: unknown }).id === 'string' ? (response as { id: string }).id : '';
}

/** Child databases among a page's blocks: id and title. */
export function readChildDatabase(block: unknown): { id: string; title: string } | undefined {
  if (!isFullBlock(block as BlockObjectResponse)) return undefined;
  const b = block as BlockObjectResponse;
  if (b.type !== 'child_database' || b.in_trash) return undefined;
  return { id: b.id, title: b.child_database.title };
}

/** A child page block as `{ id, title }`; anything else (or a trashed page) gives undefined. */
export function readChildPage(block: unknown): { id: string; title: string; createdBy: string } | undefined {
  if (!isFullBlock(block as BlockObjectResponse)) return undefined;
  const b = block as BlockObjectResponse;
  if (b.type !== 'child_page' || b.in_trash) return undefined;
  return { id: b.id, title: b.child_page.title, createdBy: b.created_by.id };
}

/** A block's id and creator; undefined for partial or trashed blocks. */
export function readBlockOwner(block: unknown): { id: string; createdBy: string } | undefined {
  if (!isFullBlock(block as BlockObjectResponse)) return undefined;
  const b = block as BlockObjectResponse;
  return b.in_trash ? undefined : { id: b.id, createdBy: b.created_by.id };
}

/** Ids of the blocks an append response lists (the appended blocks, in order). */
export function readBlockIds(response: unknown): string[] {
  const results = (response as { results?: unknown }).results;
  return Array.isArray(results) ? results.map((b) => (b as { id?: unknown }).id).filter((id): id is string => typeof id === 'string') : [];
}
