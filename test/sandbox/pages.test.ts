import assert from 'node:assert/strict';
import {
  collectPaginatedAPI,
  isFullPage,
  type GetPagePropertyParameters,
  type PageObjectResponse,
  type PropertyItemListResponse,
} from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { createKitchenSink, title, isValidation } from './fixtures';

function full(page: unknown): PageObjectResponse {
  assert.ok(isFullPage(page as PageObjectResponse), 'expected a full page');
  return page as PageObjectResponse;
}

const START = Date.parse('2025-06-02T09:14:37.512Z');

describe('sandbox: pages', () => {
  let t: TestSandbox;
  let now = START;
  let dsId: string;
  let targetDsId: string;
  let objectiveIds: string[];
  let personId: string;

  before(async () => {
    t = await startTestSandbox({ clock: () => now });
    ({ dataSourceId: dsId, targetDataSourceId: targetDsId } = await createKitchenSink(t.client, t.rootPageId));
    objectiveIds = [];
    for (let i = 0; i < 101; i++) {
      const p = await t.client.pages.create({ parent: { data_source_id: targetDsId }, properties: title(`Objective ${i}`) });
      objectiveIds.push(p.id);
    }
    personId = t.sandbox.users()[0].id;
  });
  after(() => t.close());

  it('creates a row with every common property type and returns them normalised', async () => {
    const page = full(
      await t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: {
          Name: { title: [{ text: { content: 'Reduce backlog' }, annotations: { bold: true } }] },
          Notes: {
            rich_text: [
              { text: { content: 'see ', link: null } },
              { text: { content: 'wiki', link: { url: 'https://example.com/wiki' } } },
            ],
          },
          Progress: { number: 0.42 },
          Tier: { select: { name: 'T2' } },
          Tags: { multi_select: [{ name: 'support' }, { name: 'brand-new' }] },
          Status: { status: { name: 'In progress' } },
          Due: { date: { start: '2025-09-30' } },
          Done: { checkbox: true },
          Owner: { people: [{ id: personId }] },
          Link: { url: 'https://example.com' },
          Email: { email: 'ops@example.com' },
          Phone: { phone_number: '+1 555 0100' },
          Objective: { relation: [{ id: objectiveIds[0] }] },
        },
      }),
    );
    const p = page.properties;
    assert.deepEqual(p.Name.type === 'title' && [p.Name.title[0].plain_text, p.Name.title[0].annotations.bold], ['Reduce backlog', true]);
    assert.equal(p.Notes.type === 'rich_text' && p.Notes.rich_text[1].href, 'https://example.com/wiki');
    assert.equal(p.Progress.type === 'number' && p.Progress.number, 0.42);
    assert.deepEqual(p.Tier.type === 'select' && [p.Tier.select?.name, p.Tier.select?.color], ['T2', 'blue']);
    assert.deepEqual(p.Tags.type === 'multi_select' && p.Tags.multi_select.map((o) => o.name), ['support', 'brand-new']);
    assert.equal(p.Status.type === 'status' && p.Status.status?.name, 'In progress');
    assert.deepEqual(p.Due.type === 'date' && p.Due.date, { start: '2025-09-30', end: null, time_zone: null });
    assert.equal(p.Done.type === 'checkbox' && p.Done.checkbox, true);
    assert.equal(p.Owner.type === 'people' && p.Owner.people[0].id, personId);
    assert.equal(p.Link.type === 'url' && p.Link.url, 'https://example.com');
    assert.equal(p.Email.type === 'email' && p.Email.email, 'ops@example.com');
    assert.equal(p.Phone.type === 'phone_number' && p.Phone.phone_number, '+1 555 0100');
    assert.deepEqual(p.Objective.type === 'relation' && p.Objective.relation, [{ id: objectiveIds[0] }]);
    assert.equal(p.Key.type === 'unique_id' && p.Key.unique_id.prefix, 'KR');
    assert.equal(p.Created.type === 'created_time' && p.Created.created_time, '2025-06-02T09:14:00.000Z');
    assert.deepEqual(page.parent, {
      type: 'data_source_id',
      data_source_id: dsId,
      database_id: (page.parent as { database_id: string }).database_id,
    });
    // A select option named in a value is created on the fly, as in Notion.
    const ds = await t.client.dataSources.retrieve({ data_source_id: dsId });
    const tags = (ds as { properties: Record<string, { multi_select?: { options: Array<{ name: string }> } }> }).properties.Tags;
    assert.ok(tags.multi_select?.options.some((o) => o.name === 'brand-new'));
  });

  it('rounds created_time and last_edited_time down to the minute', async () => {
    now = Date.parse('2025-06-02T10:20:59.999Z');
    const page = full(await t.client.pages.create({ parent: { data_source_id: dsId }, properties: title('Timing') }));
    assert.equal(page.created_time, '2025-06-02T10:20:00.000Z');
    assert.equal(page.last_edited_time, '2025-06-02T10:20:00.000Z');
    now = Date.parse('2025-06-02T10:21:00.001Z');
    const edited = full(await t.client.pages.update({ page_id: page.id, properties: { Progress: { number: 1 } } }));
    assert.equal(edited.last_edited_time, '2025-06-02T10:21:00.000Z');
    assert.equal(edited.created_time, '2025-06-02T10:20:00.000Z');
    now = START;
  });

  it('rejects values for computed properties', async () => {
    for (const [name, value] of [
      ['Score', { formula: { string: 'x' } }],
      ['Key', { unique_id: { number: 5 } }],
      ['Created', { created_time: '2025-01-01T00:00:00.000Z' }],
      ['Edited', { last_edited_time: '2025-01-01T00:00:00.000Z' }],
    ] as const) {
      await assert.rejects(
        t.client.pages.create({ parent: { data_source_id: dsId }, properties: { [name]: value } as never }),
        isValidation(new RegExp(`^body failed validation: body\\.properties\\.${name}\\.\\w+ should be not present`)),
      );
    }
  });

  it('rejects unknown properties and mismatched types', async () => {
    await assert.rejects(
      t.client.pages.create({ parent: { data_source_id: dsId }, properties: { Nope: { rich_text: [] } } }),
      isValidation('Nope is not a property that exists.'),
    );
    await assert.rejects(
      t.client.pages.create({ parent: { data_source_id: dsId }, properties: { Progress: { rich_text: [] } } as never }),
      isValidation('Progress is expected to be number.'),
    );
    await assert.rejects(
      t.client.pages.create({ parent: { data_source_id: dsId }, properties: { Status: { status: { name: 'Nonexistent' } } } }),
      isValidation(/Status option "Nonexistent" does not exist/),
    );
  });

  it("rejects rich text over 2,000 characters with Notion's message", async () => {
    await assert.rejects(
      t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: { Notes: { rich_text: [{ text: { content: 'x'.repeat(2088) } }] } },
      }),
      isValidation(
        'body failed validation: body.properties.Notes.rich_text[0].text.content.length should be ≤ `2000`, instead was `2088`.',
      ),
    );
  });

  it('rejects more than 100 relation, multi-select or people items in one request', async () => {
    await assert.rejects(
      t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: { Objective: { relation: objectiveIds.map((id) => ({ id })) } },
      }),
      isValidation('body failed validation: body.properties.Objective.relation.length should be ≤ `100`, instead was `101`.'),
    );
    await assert.rejects(
      t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: { Tags: { multi_select: Array.from({ length: 101 }, (_, i) => ({ name: `t${i}` })) } },
      }),
      isValidation(/multi_select\.length should be ≤ `100`, instead was `101`/),
    );
    await assert.rejects(
      t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: { Owner: { people: Array.from({ length: 101 }, () => ({ id: personId })) } },
      }),
      isValidation(/people\.length should be ≤ `100`, instead was `101`/),
    );
  });

  it('rejects relation targets outside the related data source', async () => {
    const stranger = await t.client.pages.create({ parent: { data_source_id: dsId }, properties: title('Not an objective') });
    await assert.rejects(
      t.client.pages.create({ parent: { data_source_id: dsId }, properties: { Objective: { relation: [{ id: stranger.id }] } } }),
      isValidation(/is not one of its rows/),
    );
  });

  it('truncates a 100-item relation to 25 on the page and pages through all 100 via the property endpoint', async () => {
    const ids = objectiveIds.slice(0, 100);
    const page = full(
      await t.client.pages.create({
        parent: { data_source_id: dsId },
        properties: { ...title('Big'), Objective: { relation: ids.map((id) => ({ id })) } },
      }),
    );
    const rel = page.properties.Objective as { id: string; type: 'relation'; relation: Array<{ id: string }>; has_more?: boolean };
    assert.equal(rel.relation.length, 25);
    assert.equal(rel.has_more, true);
    const first = await t.client.pages.properties.retrieve({ page_id: page.id, property_id: rel.id, page_size: 40 });
    assert.equal(first.object, 'list');
    if (first.object === 'list') {
      assert.equal(first.results.length, 40);
      assert.equal(first.has_more, true);
      assert.equal(first.property_item.type, 'relation');
    }
    const listItems = async (args: GetPagePropertyParameters): Promise<PropertyItemListResponse> => {
      const res = await t.client.pages.properties.retrieve(args);
      assert.equal(res.object, 'list');
      return res as PropertyItemListResponse;
    };
    const all = await collectPaginatedAPI(listItems, { page_id: page.id, property_id: rel.id });
    assert.deepEqual(
      all.map((item) => (item.type === 'relation' ? item.relation.id : '')),
      ids,
    );
  });

  it('returns single-value properties from the property endpoint as one item', async () => {
    const page = full(
      await t.client.pages.create({ parent: { data_source_id: dsId }, properties: { ...title('One'), Progress: { number: 7 } } }),
    );
    const item = await t.client.pages.properties.retrieve({ page_id: page.id, property_id: page.properties.Progress.id });
    assert.deepEqual(item, { object: 'property_item', id: page.properties.Progress.id, type: 'number', number: 7 });
  });

  it('limits page responses to filter_properties', async () => {
    const page = full(
      await t.client.pages.create({ parent: { data_source_id: dsId }, properties: { ...title('Filtered'), Progress: { number: 3 } } }),
    );
    const slim = full(await t.client.pages.retrieve({ page_id: page.id, filter_properties: [page.properties.Progress.id] }));
    assert.deepEqual(Object.keys(slim.properties), ['Progress']);
  });

  it('moves pages to the trash, refuses edits there, and restores them', async () => {
    const page = await t.client.pages.create({ parent: { data_source_id: dsId }, properties: title('Doomed') });
    const trashed = full(await t.client.pages.update({ page_id: page.id, in_trash: true }));
    assert.equal(trashed.in_trash, true);
    assert.equal(trashed.archived, true);
    await assert.rejects(t.client.pages.update({ page_id: page.id, properties: { Progress: { number: 1 } } }), isValidation(/archived/));
    const restored = full(await t.client.pages.update({ page_id: page.id, in_trash: false }));
    assert.equal(restored.in_trash, false);
  });

  it('creates sub-pages under a page with only a title property', async () => {
    const child = full(
      await t.client.pages.create({
        parent: { page_id: t.rootPageId },
        properties: { title: { title: [{ text: { content: 'Review notes' } }] } },
      }),
    );
    assert.deepEqual(child.parent, { type: 'page_id', page_id: t.rootPageId });
    assert.equal(child.properties.title.type === 'title' && child.properties.title.title[0].plain_text, 'Review notes');
    // Notion's docs also show the bare-array form for sub-page titles.
    const legacy = full(
      await t.client.pages.create({ parent: { page_id: t.rootPageId }, properties: { title: [{ text: { content: 'Legacy' } }] } as never }),
    );
    assert.equal(legacy.properties.title.type === 'title' && legacy.properties.title.title[0].plain_text, 'Legacy');
    await assert.rejects(
      t.client.pages.create({ parent: { page_id: t.rootPageId }, properties: { Status: { status: { name: 'x' } } } }),
      isValidation('Status is not a property that exists.'),
    );
  });

  it('simulates a person editing in Notion with a newer last_edited_time and a different editor', async () => {
    const page = full(await t.client.pages.create({ parent: { data_source_id: dsId }, properties: title('Shared row') }));
    const edited = t.sandbox.simulateUserEdit({ pageId: page.id, properties: { Progress: { number: 0.9 } } });
    assert.ok(Date.parse(edited.last_edited_time) > Date.parse(page.last_edited_time));
    assert.notEqual(edited.last_edited_by.id, page.last_edited_by.id);
    assert.equal(edited.last_edited_by.id, personId);
    const seen = full(await t.client.pages.retrieve({ page_id: page.id }));
    assert.equal(seen.properties.Progress.type === 'number' && seen.properties.Progress.number, 0.9);
    assert.equal(seen.last_edited_time, edited.last_edited_time);
  });
});
