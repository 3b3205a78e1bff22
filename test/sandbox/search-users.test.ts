import assert from 'node:assert/strict';
import { APIResponseError, isFullDataSource, isFullPage, isFullUser } from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

describe('sandbox: search and users', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox({
      users: [
        { name: 'Ada Lovelace', email: 'ada@example.com', id: '11111111-1111-4111-8111-111111111111' },
        { name: 'Grace Hopper', email: 'grace@example.com' },
      ],
    });
    await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [{ text: { content: 'Quarterly objectives' } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    await t.client.pages.create({
      parent: { page_id: t.rootPageId },
      properties: { title: { title: [{ text: { content: 'Objectives review' } }] } },
    });
    const trashed = await t.client.pages.create({
      parent: { page_id: t.rootPageId },
      properties: { title: { title: [{ text: { content: 'Old objectives' } }] } },
    });
    await t.client.pages.update({ page_id: trashed.id, in_trash: true });
    t.sandbox.createRootPage('Secret objectives', { shared: false });
  });
  after(() => t.close());

  it('finds shared pages and data sources by title, without trashed or unshared ones', async () => {
    const res = await t.client.search({ query: 'objectives' });
    const titles = res.results.map((r) => {
      if (isFullDataSource(r)) return `ds:${r.title.map((x) => x.plain_text).join('')}`;
      if (isFullPage(r))
        return `page:${r.properties.title?.type === 'title' ? r.properties.title.title.map((x) => x.plain_text).join('') : ''}`;
      return '?';
    });
    assert.deepEqual(titles.sort(), ['ds:Quarterly objectives', 'page:Objectives review']);
    const onlyPages = await t.client.search({ query: 'objectives', filter: { property: 'object', value: 'page' } });
    assert.equal(onlyPages.results.length, 1);
  });

  it('lists the people and the bot, and answers me with the bot', async () => {
    const list = await t.client.users.list({});
    assert.deepEqual(
      list.results.map((u) => u.type),
      ['person', 'person', 'bot'],
    );
    const ada = list.results[0];
    assert.ok(isFullUser(ada) && ada.type === 'person');
    assert.equal(ada.person.email, 'ada@example.com');
    const me = await t.client.users.me({});
    assert.equal(me.type, 'bot');
    assert.equal(me.id, t.sandbox.botId());
    const byId = await t.client.users.retrieve({ user_id: '11111111111141118111111111111111' });
    assert.equal(byId.name, 'Ada Lovelace');
    await assert.rejects(
      t.client.users.retrieve({ user_id: '22222222-2222-4222-8222-222222222222' }),
      (e: unknown) => APIResponseError.isAPIResponseError(e) && e.status === 404,
    );
    const paged = await t.client.users.list({ page_size: 2 });
    assert.equal(paged.results.length, 2);
    assert.equal(paged.has_more, true);
  });
});
