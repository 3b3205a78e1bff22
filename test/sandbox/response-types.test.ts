import assert from 'node:assert/strict';
import {
  isFullBlock,
  isFullDataSource,
  isFullDatabase,
  isFullPage,
  isFullUser,
  type BlockObjectResponse,
  type DataSourceObjectResponse,
  type DatabaseObjectResponse,
  type GetBlockResponse,
  type GetDataSourceResponse,
  type GetDatabaseResponse,
  type GetPagePropertyResponse,
  type GetPageResponse,
  type GetUserResponse,
  type ListBlockChildrenResponse,
  type PageObjectResponse,
  type ParagraphBlockObjectResponse,
  type QueryDataSourceResponse,
  type UserObjectResponse,
} from '@notionhq/client';
import type { Serializer } from '../../sandbox/model/serialize';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { createKitchenSink } from './fixtures';

/*
 * Two checks that the sandbox speaks the SDK's types:
 * 1. At compile time, the serializers' return types must be assignable to the
 *    SDK's response types (sandbox/model/serialize.ts is typed with them, and the
 *    assertions below fail `tsc` if that ever loosens).
 * 2. At run time, the JSON on the wire carries every key the SDK's full-object
 *    types declare. The key lists are `Record<keyof T, true>`, so they stop
 *    compiling when the SDK adds or removes a field.
 */

type Assert<T extends true> = T;
type Extends<A, B> = [A] extends [B] ? true : false;
export type SerializerConformance = [
  Assert<Extends<ReturnType<Serializer['page']>, GetPageResponse>>,
  Assert<Extends<ReturnType<Serializer['database']>, GetDatabaseResponse>>,
  Assert<Extends<ReturnType<Serializer['dataSource']>, GetDataSourceResponse>>,
  Assert<Extends<ReturnType<Serializer['block']>, GetBlockResponse>>,
  Assert<Extends<ReturnType<Serializer['user']>, GetUserResponse>>,
  Assert<Extends<ReturnType<Serializer['propertyItems']>, GetPagePropertyResponse | GetPagePropertyResponse[]>>,
];

const PAGE_KEYS: Record<keyof PageObjectResponse, true> = {
  object: true,
  id: true,
  created_time: true,
  last_edited_time: true,
  in_trash: true,
  archived: true,
  is_archived: true,
  is_locked: true,
  url: true,
  public_url: true,
  parent: true,
  properties: true,
  icon: true,
  cover: true,
  created_by: true,
  last_edited_by: true,
};
const DATABASE_KEYS: Record<keyof DatabaseObjectResponse, true> = {
  object: true,
  id: true,
  title: true,
  description: true,
  parent: true,
  is_inline: true,
  in_trash: true,
  archived: true,
  is_locked: true,
  created_time: true,
  last_edited_time: true,
  data_sources: true,
  icon: true,
  cover: true,
  url: true,
  public_url: true,
};
const DATA_SOURCE_KEYS: Record<keyof DataSourceObjectResponse, true> = {
  object: true,
  id: true,
  title: true,
  description: true,
  parent: true,
  database_parent: true,
  is_inline: true,
  in_trash: true,
  archived: true,
  created_time: true,
  last_edited_time: true,
  created_by: true,
  last_edited_by: true,
  properties: true,
  icon: true,
  cover: true,
  url: true,
  public_url: true,
};
const BLOCK_KEYS: Record<keyof ParagraphBlockObjectResponse, true> = {
  type: true,
  paragraph: true,
  parent: true,
  object: true,
  id: true,
  created_time: true,
  created_by: true,
  last_edited_time: true,
  last_edited_by: true,
  has_children: true,
  in_trash: true,
  archived: true,
};
const QUERY_KEYS: Record<Exclude<keyof QueryDataSourceResponse, 'request_status'>, true> = {
  type: true,
  page_or_data_source: true,
  object: true,
  next_cursor: true,
  has_more: true,
  results: true,
};
const LIST_KEYS: Record<keyof ListBlockChildrenResponse, true> = {
  type: true,
  block: true,
  object: true,
  next_cursor: true,
  has_more: true,
  results: true,
};
const USER_KEYS: Record<'id' | 'object' | 'name' | 'avatar_url' | 'type', true> = {
  id: true,
  object: true,
  name: true,
  avatar_url: true,
  type: true,
};

function assertKeys(json: object, expected: Record<string, true>, what: string): void {
  const missing = Object.keys(expected).filter((k) => !(k in json));
  assert.deepEqual(missing, [], `${what} lacks keys the SDK type declares`);
}

describe('sandbox: responses match the SDK response types', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('sends every declared key for pages, databases, data sources, blocks, lists and users', async () => {
    const { databaseId, dataSourceId } = await createKitchenSink(t.client, t.rootPageId);
    const db = await t.client.databases.retrieve({ database_id: databaseId });
    assert.ok(isFullDatabase(db));
    assertKeys(db, DATABASE_KEYS, 'database');
    const ds = await t.client.dataSources.retrieve({ data_source_id: dataSourceId });
    assert.ok(isFullDataSource(ds));
    assertKeys(ds, DATA_SOURCE_KEYS, 'data source');
    for (const prop of Object.values(ds.properties))
      assert.ok(prop.type in prop, `schema property ${prop.name} carries its ${prop.type} config`);
    const page = await t.client.pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: [{ text: { content: 'Typed' } }] } },
    });
    assert.ok(isFullPage(page));
    assertKeys(page, PAGE_KEYS, 'page');
    for (const [name, value] of Object.entries(page.properties))
      assert.ok(value.type in value, `property ${name} carries its ${value.type} value`);
    const appended = await t.client.blocks.children.append({
      block_id: page.id,
      children: [{ paragraph: { rich_text: [{ text: { content: 'x' } }] } }],
    });
    const block = appended.results[0];
    assert.ok(isFullBlock(block));
    assertKeys(block, BLOCK_KEYS, 'block');
    assertKeys(appended, LIST_KEYS, 'append response');
    const query = await t.client.dataSources.query({ data_source_id: dataSourceId });
    assertKeys(query, QUERY_KEYS, 'query response');
    const users = await t.client.users.list({});
    for (const user of users.results) {
      assert.ok(isFullUser(user));
      assertKeys(user, USER_KEYS, 'user');
      assert.ok(user.type in user);
    }
  });

  it('serves the same JSON to raw fetch and to the SDK', async () => {
    const raw = await fetch(`${t.sandbox.url}/v1/pages/${t.rootPageId}`, {
      headers: { authorization: `Bearer ${t.sandbox.token}`, 'notion-version': '2025-09-03' },
    });
    const json = (await raw.json()) as GetPageResponse;
    const sdk: GetPageResponse = await t.client.pages.retrieve({ page_id: t.rootPageId });
    assert.deepEqual(json, sdk);
    const block = await t.client.blocks.retrieve({ block_id: t.rootPageId });
    assert.ok(isFullBlock(block));
    const typed: BlockObjectResponse = block;
    assert.equal(typed.type, 'child_page');
    const me: UserObjectResponse = await t.client.users.me({});
    assert.equal(me.type, 'bot');
  });
});
