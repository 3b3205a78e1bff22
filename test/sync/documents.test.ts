import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@notionhq/client';
import { toNotionBlocks } from '../../core/render';
import {
  applyDocuments,
  createNotionClient,
  emptyState,
  NotionTransport,
  planDocuments,
  RateLimiter,
  readRemoteDocuments,
  type DocumentPage,
} from '../../core/sync/notion';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { baseData, countingFetch, NO_PACING, sync, tempDir, writeWorkspace, type WorkspaceData } from './helpers';

interface ChildPage {
  id: string;
  title: string;
}

async function childPages(client: Client, pageId: string): Promise<ChildPage[]> {
  const out: ChildPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.blocks.children.list({ block_id: pageId, start_cursor: cursor });
    for (const b of page.results as Array<{ id: string; type: string; child_page?: { title: string } }>)
      if (b.type === 'child_page') out.push({ id: b.id, title: b.child_page!.title });
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

async function blockCount(client: Client, pageId: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await client.blocks.children.list({ block_id: pageId, start_cursor: cursor });
    n += page.results.length;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return n;
}

describe('rendered documents as Notion pages', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  let dir: string;
  let data: WorkspaceData;

  beforeEach(async () => {
    t = await startTestSandbox();
    dir = tempDir('documents');
    data = baseData();
    writeWorkspace(dir, t.rootPageId, data);
  });
  afterEach(() => t.close());

  const state = () =>
    JSON.parse(readFileSync(join(dir, '.okra', 'notion-state.json'), 'utf8')) as {
      documents?: { pageId: string; pages: Record<string, { pageId: string; blockIds: string[]; hash: string }> };
    };
  const setDocumentsConfig = (documents: Record<string, boolean>) => {
    const path = join(dir, 'okra.config.yaml');
    const text = readFileSync(path, 'utf8').replace(/ {2}documents: .*\n/, '');
    writeFileSync(
      path,
      text.replace(/notion:\n {2}parent_page: (.*)\n/, `notion:\n  parent_page: $1\n  documents: ${JSON.stringify(documents)}\n`),
    );
  };

  it('first sync makes a Documents page with one page per document; reviews stay out by default', async () => {
    const run = await sync(dir, t.sandbox, { documents: true });
    assert.equal(run.exitCode, 0, run.output);
    const roots = await childPages(t.client, t.rootPageId);
    assert.deepEqual(
      roots.map((p) => p.title),
      ['Documents'],
    );
    const s = state();
    assert.equal(s.documents!.pageId.replace(/-/g, ''), roots[0].id.replace(/-/g, ''));
    const pages = await childPages(t.client, roots[0].id);
    const keys = Object.keys(s.documents!.pages).sort();
    assert.ok(keys.includes('one-on-one/grace') && keys.includes('one-on-one/linus'), keys.join());
    assert.ok(!keys.some((k) => k.startsWith('growwise-review/')), keys.join());
    assert.equal(pages.length, keys.length);
    // Titles come from the documents' first heading; content is every block of the Markdown.
    for (const key of keys) {
      const page = s.documents!.pages[key];
      const count = await blockCount(t.client, page.pageId);
      assert.equal(count, page.blockIds.length, key);
      assert.ok(count > 10, `${key}: ${count} blocks`);
    }
    assert.match(run.output, /\+ create page Documents\n\+ create document one-on-one\/grace \(\d+ blocks\)/);
  });

  it('a re-sync with nothing changed rewrites nothing', async () => {
    await sync(dir, t.sandbox, { documents: true });
    const writes = t.sandbox.stats().writes;
    const counter = countingFetch();
    const run = await sync(dir, t.sandbox, { documents: true, fetch: counter.fetch });
    assert.equal(t.sandbox.stats().writes, writes, run.output);
    assert.equal(counter.writes(), 0);
    assert.match(run.output, /Documents: 0 to create, 0 to replace, 0 to archive, \d+ unchanged\./);
  });

  it('a changed document is replaced in place: okra deletes only its own blocks, then appends the new ones', async () => {
    await sync(dir, t.sandbox, { documents: true });
    const before = state().documents!.pages['one-on-one/grace'];
    // A block a person added to the page: never deleted.
    const added = await t.client.blocks.children.append({
      block_id: before.pageId,
      children: [{ paragraph: { rich_text: [{ text: { content: 'my own notes' } }] } }],
    });
    data.objectives[1].key_results[0].title = 'First-contact resolution from 68 % to 78 %';
    writeWorkspace(dir, t.rootPageId, data);
    const run = await sync(dir, t.sandbox, { documents: true });
    assert.match(run.output, /~ replace document one-on-one\/grace/);
    const after = state().documents!.pages['one-on-one/grace'];
    assert.equal(after.pageId, before.pageId);
    assert.notEqual(after.hash, before.hash);
    const blocks = t.sandbox.state().blocks;
    assert.ok(
      before.blockIds.every((id) => blocks[id.replace(/-/g, '')]?.in_trash ?? blocks[id]?.in_trash),
      'old blocks are in the trash',
    );
    const ownId = added.results[0].id;
    assert.equal((blocks[ownId.replace(/-/g, '')] ?? blocks[ownId]).in_trash, false);
    assert.equal(await blockCount(t.client, after.pageId), after.blockIds.length + 1);
    const text = JSON.stringify(Object.values(blocks).filter((b) => !b.in_trash));
    assert.match(text, /68 % to 78 %/);
  });

  it('reviews become pages only when notion.documents.reviews is true; a document no longer rendered is archived', async () => {
    setDocumentsConfig({ reviews: true });
    await sync(dir, t.sandbox, { documents: true });
    const keys = Object.keys(state().documents!.pages);
    assert.ok(
      keys.some((k) => k.startsWith('growwise-review/growwise-h1/')),
      keys.join(),
    );
    setDocumentsConfig({ reviews: false });
    const run = await sync(dir, t.sandbox, { documents: true });
    assert.match(run.output, /- archive document growwise-review\/growwise-h1\/grace/);
    assert.ok(!Object.keys(state().documents!.pages).some((k) => k.startsWith('growwise-review/')));
    const live = await childPages(t.client, state().documents!.pageId);
    assert.equal(live.length, Object.keys(state().documents!.pages).length);
  });

  it('appends a document of more than 100 blocks in requests of at most 100', async () => {
    const counter = countingFetch();
    const client = createNotionClient({ token: t.sandbox.token, baseUrl: t.sandbox.url, fetch: counter.fetch });
    const transport = new NotionTransport(client, { limiter: new RateLimiter(NO_PACING) });
    const s = emptyState(t.rootPageId);
    const markdown = `# A long document\n\n${Array.from({ length: 249 }, (_, i) => `Paragraph ${i}.`).join('\n\n')}\n`;
    const docs: DocumentPage[] = [{ key: 'long/one', kind: 'person', markdown }];
    assert.equal(toNotionBlocks(markdown).length, 250);
    const plan = planDocuments(docs, s, await readRemoteDocuments(transport, t.rootPageId, s));
    const result = await applyDocuments(transport, plan, { parentPageId: t.rootPageId, state: s, save: async () => {} });
    assert.equal(result.appends, 3);
    assert.equal(counter.counts.get('PATCH /v1/blocks/:id/children'), 3);
    const page = s.documents!.pages['long/one'];
    assert.equal(page.title, 'A long document');
    assert.equal(page.blockIds.length, 250);
    assert.equal(await blockCount(t.client, page.pageId), 250);
  });
});
