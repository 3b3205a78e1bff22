import assert from 'node:assert/strict';
import { collectPaginatedAPI, isFullBlock, type BlockObjectRequest } from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { isValidation } from './fixtures';

const paragraph = (text: string, children?: BlockObjectRequest[]): BlockObjectRequest =>
  ({ paragraph: { rich_text: [{ text: { content: text } }], ...(children ? { children } : {}) } }) as BlockObjectRequest;

describe('sandbox: blocks', () => {
  let t: TestSandbox;
  let pageId: string;
  beforeEach(async () => {
    t = await startTestSandbox();
    pageId = (
      await t.client.pages.create({ parent: { page_id: t.rootPageId }, properties: { title: { title: [{ text: { content: 'Doc' } }] } } })
    ).id;
  });
  afterEach(() => t.close());

  it('appends up to 100 children and lists them back in order, paginated', async () => {
    const children = Array.from({ length: 100 }, (_, i) => paragraph(`p${i}`));
    const appended = await t.client.blocks.children.append({ block_id: pageId, children });
    assert.equal(appended.results.length, 100);
    await t.client.blocks.children.append({ block_id: pageId, children: [paragraph('p100')] });
    const first = await t.client.blocks.children.list({ block_id: pageId, page_size: 50 });
    assert.equal(first.results.length, 50);
    assert.equal(first.has_more, true);
    const all = await collectPaginatedAPI(t.client.blocks.children.list, { block_id: pageId });
    assert.deepEqual(
      all.map((b) => (isFullBlock(b) && b.type === 'paragraph' ? b.paragraph.rich_text[0].plain_text : '?')),
      Array.from({ length: 101 }, (_, i) => `p${i}`),
    );
  });

  it("rejects more than 100 children in one request with Notion's message", async () => {
    const children = Array.from({ length: 131 }, (_, i) => paragraph(`p${i}`));
    await assert.rejects(
      t.client.blocks.children.append({ block_id: pageId, children }),
      isValidation('body failed validation: body.children.length should be ≤ `100`, instead was `131`.'),
    );
    await assert.rejects(
      t.client.pages.create({ parent: { page_id: pageId }, properties: { title: { title: [] } }, children }),
      isValidation('body failed validation: body.children.length should be ≤ `100`, instead was `131`.'),
    );
  });

  it('accepts two levels of nesting and refuses a third', async () => {
    const ok = await t.client.blocks.children.append({
      block_id: pageId,
      children: [paragraph('top', [paragraph('child', [paragraph('grandchild')])])],
    });
    const top = ok.results[0];
    assert.ok(isFullBlock(top) && top.has_children);
    const level1 = await t.client.blocks.children.list({ block_id: top.id });
    const child = level1.results[0];
    assert.ok(isFullBlock(child) && child.has_children);
    const level2 = await t.client.blocks.children.list({ block_id: child.id });
    assert.equal(level2.results.length, 1);
    const tooDeep = [paragraph('top', [paragraph('child', [paragraph('grandchild', [paragraph('great')])])])];
    await assert.rejects(
      t.client.blocks.children.append({ block_id: pageId, children: tooDeep }),
      isValidation(
        /^body failed validation: body\.children\[0\]\.paragraph\.children\[0\]\.paragraph\.children\[0\]\.paragraph\.children should be not present/,
      ),
    );
  });

  it('rejects rich text over 2,000 characters inside blocks', async () => {
    await assert.rejects(
      t.client.blocks.children.append({ block_id: pageId, children: [paragraph('x'.repeat(2001))] }),
      isValidation(
        'body failed validation: body.children[0].paragraph.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`.',
      ),
    );
  });

  it('inserts after a given block with position', async () => {
    const res = await t.client.blocks.children.append({ block_id: pageId, children: [paragraph('a'), paragraph('c')] });
    await t.client.blocks.children.append({
      block_id: pageId,
      children: [paragraph('b')],
      position: { type: 'after_block', after_block: { id: res.results[0].id } },
    });
    await t.client.blocks.children.append({ block_id: pageId, children: [paragraph('start')], position: { type: 'start' } });
    const list = await t.client.blocks.children.list({ block_id: pageId });
    assert.deepEqual(
      list.results.map((b) => (isFullBlock(b) && b.type === 'paragraph' ? b.paragraph.rich_text[0].plain_text : '?')),
      ['start', 'a', 'b', 'c'],
    );
  });

  it('updates block content, deletes to the trash, and hides trashed blocks from listings', async () => {
    const res = await t.client.blocks.children.append({
      block_id: pageId,
      children: [{ to_do: { rich_text: [{ text: { content: 'ship it' } }] } }, paragraph('keep')],
    });
    const todo = res.results[0];
    const updated = await t.client.blocks.update({ block_id: todo.id, to_do: { checked: true } });
    assert.ok(isFullBlock(updated) && updated.type === 'to_do');
    assert.equal(updated.to_do.checked, true);
    assert.equal(updated.to_do.rich_text[0].plain_text, 'ship it');
    await assert.rejects(
      t.client.blocks.update({ block_id: todo.id, paragraph: { rich_text: [] } }),
      isValidation(/does not match the existing block type to_do/),
    );
    const deleted = await t.client.blocks.delete({ block_id: todo.id });
    assert.ok(isFullBlock(deleted) && deleted.in_trash);
    const list = await t.client.blocks.children.list({ block_id: pageId });
    assert.equal(list.results.length, 1);
    await assert.rejects(t.client.blocks.update({ block_id: todo.id, to_do: { checked: false } }), isValidation(/archived/));
  });

  it('retrieves a page as a child_page block', async () => {
    const block = await t.client.blocks.retrieve({ block_id: pageId });
    assert.ok(isFullBlock(block) && block.type === 'child_page');
    assert.equal(block.child_page.title, 'Doc');
  });
});
