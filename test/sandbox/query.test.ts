import assert from 'node:assert/strict';
import {
  APIErrorCode,
  APIResponseError,
  collectAllDataSourceRows,
  collectPaginatedAPI,
  isFullDatabase,
  isFullPage,
  iteratePaginatedAPI,
  type PageObjectResponse,
  type QueryDataSourceParameters,
} from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

const ROWS = 250;
const STATUSES = ['Not started', 'In progress', 'Done'];
const DAY = 86_400_000;
const dueOf = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * DAY).toISOString().slice(0, 10);

function titleOf(page: unknown): string {
  assert.ok(isFullPage(page as PageObjectResponse));
  const prop = (page as PageObjectResponse).properties.Name;
  return prop.type === 'title' ? prop.title.map((t) => t.plain_text).join('') : '';
}

describe('sandbox: data source queries', () => {
  let t: TestSandbox;
  let dsId: string;
  let objectiveId: string;
  const ids: string[] = [];

  const query = (args: Omit<QueryDataSourceParameters, 'data_source_id'> = {}) =>
    collectPaginatedAPI(t.client.dataSources.query, { data_source_id: dsId, ...args });

  before(async function () {
    this.timeout(60_000);
    t = await startTestSandbox();
    const objectives = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    assert.ok(isFullDatabase(objectives));
    objectiveId = (
      await t.client.pages.create({
        parent: { data_source_id: objectives.data_sources[0].id },
        properties: { Name: { title: [{ text: { content: 'O1' } }] } },
      })
    ).id;
    const db = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: 'Rows' } }],
      initial_data_source: {
        properties: {
          Name: { title: {} },
          Score: { number: {} },
          Tier: { select: { options: [{ name: 'T1' }, { name: 'T2' }] } },
          Status: { status: {} },
          Done: { checkbox: {} },
          Due: { date: {} },
          Objective: { relation: { data_source_id: objectives.data_sources[0].id, single_property: {} } },
        },
      },
    });
    assert.ok(isFullDatabase(db));
    dsId = db.data_sources[0].id;
    for (let i = 0; i < ROWS; i++) {
      const page = await t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: {
          Name: { title: [{ text: { content: `Row ${i}` } }] },
          Score: { number: i },
          Tier: { select: { name: i % 2 ? 'T1' : 'T2' } },
          Status: { status: { name: STATUSES[i % 3] } },
          Done: { checkbox: i % 5 === 0 },
          Due: { date: { start: dueOf(i) } },
          Objective: { relation: i % 10 === 0 ? [{ id: objectiveId }] : [] },
        },
      });
      ids.push(page.id);
    }
  });
  after(() => t.close());

  const expectCount = (predicate: (i: number) => boolean) => Array.from({ length: ROWS }, (_, i) => i).filter(predicate).length;

  it('pages through 250 rows 100 at a time with opaque cursors', async () => {
    const sizes: number[] = [];
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await t.client.dataSources.query({ data_source_id: dsId, page_size: 100, start_cursor: cursor });
      sizes.push(page.results.length);
      seen.push(...page.results.map((r) => r.id));
      assert.equal(page.has_more, page.next_cursor !== null);
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    assert.deepEqual(sizes, [100, 100, 50]);
    assert.deepEqual(seen, ids);
    let iterated = 0;
    for await (const _row of iteratePaginatedAPI(t.client.dataSources.query, { data_source_id: dsId, page_size: 100 })) iterated++;
    assert.equal(iterated, ROWS);
  });

  it('rejects page_size above 100 and foreign cursors', async () => {
    await assert.rejects(t.client.dataSources.query({ data_source_id: dsId, page_size: 101 }), (e: unknown) => {
      assert.ok(APIResponseError.isAPIResponseError(e));
      assert.equal(e.code, APIErrorCode.ValidationError);
      assert.equal(e.message, 'body failed validation: body.page_size should be ≤ `100`, instead was `101`.');
      return true;
    });
    await assert.rejects(
      t.client.dataSources.query({ data_source_id: dsId, start_cursor: 'garbage' }),
      (e: unknown) => APIResponseError.isAPIResponseError(e) && /start_cursor/.test(e.message),
    );
  });

  it('filters text, number, select, status, checkbox, date and relation properties', async () => {
    const cases: Array<[QueryDataSourceParameters['filter'], number]> = [
      [{ property: 'Name', title: { contains: 'row 1' } }, expectCount((i) => String(i).startsWith('1'))],
      [{ property: 'Name', title: { equals: 'Row 42' } }, 1],
      [{ property: 'Score', number: { greater_than: 240 } }, 9],
      [{ property: 'Score', number: { less_than_or_equal_to: 9 } }, 10],
      [{ property: 'Tier', select: { equals: 'T1' } }, expectCount((i) => i % 2 === 1)],
      [{ property: 'Status', status: { equals: 'Done' } }, expectCount((i) => i % 3 === 2)],
      [{ property: 'Status', status: { does_not_equal: 'Done' } }, expectCount((i) => i % 3 !== 2)],
      [{ property: 'Done', checkbox: { equals: true } }, expectCount((i) => i % 5 === 0)],
      [{ property: 'Due', date: { on_or_after: '2025-09-01' } }, expectCount((i) => dueOf(i) >= '2025-09-01')],
      [{ property: 'Due', date: { equals: '2025-01-03' } }, 1],
      [{ property: 'Objective', relation: { contains: objectiveId } }, expectCount((i) => i % 10 === 0)],
      [{ property: 'Objective', relation: { is_empty: true } }, expectCount((i) => i % 10 !== 0)],
    ];
    for (const [filter, expected] of cases) {
      const rows = await query({ filter });
      assert.equal(rows.length, expected, JSON.stringify(filter));
    }
  });

  it('combines filters with and / or', async () => {
    const and = await query({
      filter: {
        and: [
          { property: 'Score', number: { greater_than: 100 } },
          { property: 'Tier', select: { equals: 'T1' } },
        ],
      },
    });
    assert.equal(
      and.length,
      expectCount((i) => i > 100 && i % 2 === 1),
    );
    const or = await query({
      filter: {
        or: [
          { property: 'Score', number: { less_than: 5 } },
          {
            and: [
              { property: 'Score', number: { greater_than: 245 } },
              { property: 'Done', checkbox: { equals: false } },
            ],
          },
        ],
      },
    });
    assert.deepEqual(or.map(titleOf), ['Row 0', 'Row 1', 'Row 2', 'Row 3', 'Row 4', 'Row 246', 'Row 247', 'Row 248', 'Row 249']);
  });

  it('refuses compound filters nested deeper than two levels and unknown properties', async () => {
    const deep = { or: [{ and: [{ or: [{ property: 'Score', number: { equals: 1 } }] }] }] };
    await assert.rejects(
      t.client.dataSources.query({ data_source_id: dsId, filter: deep as never }),
      (e: unknown) =>
        APIResponseError.isAPIResponseError(e) && e.code === APIErrorCode.ValidationError && /nest at most two levels/.test(e.message),
    );
    await assert.rejects(
      t.client.dataSources.query({ data_source_id: dsId, filter: { property: 'Ghost', number: { equals: 1 } } }),
      (e: unknown) => APIResponseError.isAPIResponseError(e) && e.message === 'Could not find property with name or id: Ghost',
    );
  });

  it('sorts by properties and timestamps, earlier sorts first', async () => {
    const byScore = await t.client.dataSources.query({
      data_source_id: dsId,
      sorts: [{ property: 'Score', direction: 'descending' }],
      page_size: 3,
    });
    assert.deepEqual(byScore.results.map(titleOf), ['Row 249', 'Row 248', 'Row 247']);
    const twoKeys = await t.client.dataSources.query({
      data_source_id: dsId,
      sorts: [
        { property: 'Tier', direction: 'ascending' },
        { property: 'Score', direction: 'descending' },
      ],
      page_size: 2,
    });
    assert.deepEqual(twoKeys.results.map(titleOf), ['Row 249', 'Row 247'], 'T1 is the first option, so it sorts first');
    const byCreated = await t.client.dataSources.query({
      data_source_id: dsId,
      sorts: [{ timestamp: 'created_time', direction: 'ascending' }],
      page_size: 1,
    });
    assert.equal(titleOf(byCreated.results[0]), 'Row 0');
  });

  it('leaves trashed rows out of queries unless in_trash is asked for', async () => {
    await t.client.pages.update({ page_id: ids[0], in_trash: true });
    try {
      const rows = await query();
      assert.equal(rows.length, ROWS - 1);
      assert.ok(!rows.some((r) => r.id === ids[0]));
      const withTrash = await query({ in_trash: true });
      assert.equal(withTrash.length, ROWS);
    } finally {
      await t.client.pages.update({ page_id: ids[0], in_trash: false });
    }
  });

  it('answers 404 when a database id is passed as a data source id', async () => {
    const db = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    await assert.rejects(
      t.client.dataSources.query({ data_source_id: db.id }),
      (e: unknown) => APIResponseError.isAPIResponseError(e) && e.status === 404,
    );
  });
});

describe('sandbox: the per-query row cap', () => {
  it('stops a capped query with request_status incomplete, like Notion at 10,000 rows', async () => {
    const t = await startTestSandbox({ queryResultLimit: 30 });
    try {
      const db = await t.client.databases.create({
        parent: { type: 'page_id', page_id: t.rootPageId },
        title: [],
        initial_data_source: { properties: { Name: { title: {} } } },
      });
      assert.ok(isFullDatabase(db));
      const dsId = db.data_sources[0].id;
      for (let i = 0; i < 45; i++)
        await t.client.pages.create({
          parent: { data_source_id: dsId },
          properties: { Name: { title: [{ text: { content: `r${i}` } }] } },
        });
      const first = await t.client.dataSources.query({ data_source_id: dsId, page_size: 20 });
      assert.equal(first.has_more, true);
      assert.deepEqual(first.request_status, { type: 'complete' });
      const second = await t.client.dataSources.query({
        data_source_id: dsId,
        page_size: 20,
        start_cursor: first.next_cursor ?? undefined,
      });
      assert.equal(second.results.length, 10);
      assert.equal(second.has_more, false);
      assert.equal(second.next_cursor, null);
      assert.deepEqual(second.request_status, { type: 'incomplete', incomplete_reason: 'query_result_limit_reached' });
    } finally {
      await t.close();
    }
  });

  it("lets the SDK's collectAllDataSourceRows get past the cap by created_time windows", async () => {
    let now = Date.parse('2025-03-01T08:00:00Z');
    const t = await startTestSandbox({ queryResultLimit: 10, clock: () => now });
    try {
      const db = await t.client.databases.create({
        parent: { type: 'page_id', page_id: t.rootPageId },
        title: [],
        initial_data_source: { properties: { Name: { title: {} } } },
      });
      assert.ok(isFullDatabase(db));
      const dsId = db.data_sources[0].id;
      // Six rows per minute: every minute fits in one capped window.
      for (let i = 0; i < 36; i++) {
        if (i % 6 === 0) now += 60_000;
        await t.client.pages.create({
          parent: { data_source_id: dsId },
          properties: { Name: { title: [{ text: { content: `r${i}` } }] } },
        });
      }
      const rows = await collectAllDataSourceRows(t.client, { data_source_id: dsId });
      assert.deepEqual(
        rows.map(titleOf),
        Array.from({ length: 36 }, (_, i) => `r${i}`),
      );
    } finally {
      await t.close();
    }
  });
});
