import assert from 'node:assert/strict';
import { isFullDatabase, isFullPage, type PageObjectResponse } from '@notionhq/client';
import { startSandbox, type SandboxState, type SandboxStats } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

describe('sandbox: admin hooks over HTTP', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  const post = (action: string, body: unknown) =>
    fetch(`${t.sandbox.url}/__sandbox/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates shared and unshared root pages', async () => {
    const shared = (await (await post('root-pages', { title: 'Team OKRs' })).json()) as { id: string };
    const page = await t.client.pages.retrieve({ page_id: shared.id });
    assert.ok(isFullPage(page));
    const hidden = (await (await post('root-pages', { title: 'HR', shared: false })).json()) as { id: string };
    await assert.rejects(t.client.pages.retrieve({ page_id: hidden.id }));
  });

  it('simulates a user edit on a row and reports state and stats', async () => {
    const db = await t.client.databases.create({
      parent: { type: 'page_id', page_id: t.rootPageId },
      title: [],
      initial_data_source: { properties: { Name: { title: {} }, Score: { number: {} } } },
    });
    assert.ok(isFullDatabase(db));
    const row = await t.client.pages.create({
      parent: { data_source_id: db.data_sources[0].id },
      properties: { Name: { title: [{ text: { content: 'r' } }] } },
    });
    const person = t.sandbox.users()[1];
    const res = await post('user-edit', { page_id: row.id, user_id: person.id, properties: { Score: { number: 12 } } });
    assert.equal(res.status, 200);
    const edited = (await res.json()) as PageObjectResponse;
    assert.equal(edited.last_edited_by.id, person.id);
    assert.equal(edited.properties.Score.type === 'number' && edited.properties.Score.number, 12);
    const bad = await post('user-edit', { page_id: row.id, properties: { Score: { number: 'x' } } });
    assert.equal(bad.status, 400);
    const state = (await (await fetch(`${t.sandbox.url}/__sandbox/state`)).json()) as SandboxState;
    assert.ok(state.pages[row.id]);
    const stats = (await (await fetch(`${t.sandbox.url}/__sandbox/stats`)).json()) as SandboxStats;
    assert.ok(stats.requests >= 3 && stats.writes >= 2);
  });

  it('can trash a row as a user would', async () => {
    const page = await t.client.pages.create({ parent: { page_id: t.rootPageId }, properties: { title: { title: [] } } });
    const trashed = t.sandbox.simulateUserEdit({ pageId: page.id, inTrash: true });
    assert.equal(trashed.in_trash, true);
  });
});

describe('sandbox: seeds', () => {
  it('produces the same ids from the same seed', async () => {
    const ids = async () => {
      const s = await startSandbox({ seed: 42, rateLimit: false });
      try {
        return [s.botId(), s.createRootPage('a'), ...s.users().map((u) => u.id)];
      } finally {
        await s.close();
      }
    };
    const a = await ids();
    assert.deepEqual(await ids(), a);
    assert.equal(new Set(a).size, a.length);
    for (const id of a) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
