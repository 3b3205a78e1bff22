import { strict as assert } from 'node:assert';
import { chunkBlocks, limitNesting, NOTION_LIMITS, splitText, toNotionBlocks, toNotionChunks, type NotionBlock } from '../../core/render';

/** Block types Notion accepts in an append, with the body fields we rely on. */
const KNOWN_TYPES = new Set([
  'paragraph',
  'heading_1',
  'heading_2',
  'heading_3',
  'bulleted_list_item',
  'numbered_list_item',
  'to_do',
  'quote',
  'table',
  'table_row',
  'divider',
  'code',
]);

function walk(blocks: readonly NotionBlock[], visit: (block: NotionBlock, depth: number) => void, depth = 0): void {
  for (const block of blocks) {
    visit(block, depth);
    const body = block[block.type] as { children?: NotionBlock[] } | undefined;
    if (body?.children) walk(body.children, visit, depth + 1);
  }
}

function richTexts(block: NotionBlock): Array<{ text?: { content: string } }> {
  const body = block[block.type] as {
    rich_text?: Array<{ text?: { content: string } }>;
    cells?: Array<Array<{ text?: { content: string } }>>;
  };
  return [...(body.rich_text ?? []), ...(body.cells ?? []).flat()];
}

describe('render: Notion blocks', () => {
  it('splits a 5,000-character paragraph into rich text items of at most 2,000 characters, in order', () => {
    const text = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    const blocks = toNotionBlocks(`Intro\n\n${text}\n`);
    const paragraph = blocks.find((b) => richTexts(b).some((r) => (r.text?.content.length ?? 0) > 100))!;
    const items = richTexts(paragraph);
    assert.ok(items.length >= 3);
    for (const item of items) assert.ok(item.text!.content.length <= 2000, `${item.text!.content.length} characters`);
    assert.equal(items.map((i) => i.text!.content).join(''), text);
  });

  it('splits text without cutting a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(1500);
    const pieces = splitText(text, 2000);
    assert.equal(pieces.join(''), text);
    for (const piece of pieces) {
      assert.ok(piece.length <= 2000);
      assert.doesNotMatch(piece, /^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('keeps a long bold run bold in every piece', () => {
    const blocks = toNotionBlocks(`**${'b'.repeat(4500)}**`);
    const items = richTexts(blocks[0]) as Array<{ text: { content: string }; annotations: { bold: boolean } }>;
    assert.ok(items.length >= 3);
    assert.ok(items.every((i) => i.annotations.bold && i.text.content.length <= 2000));
  });

  it('cuts 250 blocks into requests of at most 100, losing none (martian would truncate)', () => {
    const markdown = Array.from({ length: 250 }, (_, i) => `- item ${i}`).join('\n');
    const chunks = toNotionChunks(markdown);
    assert.deepEqual(
      chunks.map((c) => c.length),
      [100, 100, 50],
    );
    const all = chunks.flat();
    assert.equal((richTexts(all[249])[0].text as { content: string }).content, 'item 249');
    assert.deepEqual(chunkBlocks([1, 2, 3], 2), [[1, 2], [3]]);
    assert.deepEqual(chunkBlocks([], 100), []);
  });

  it('nests children at most two levels deep, lifting deeper items in order', () => {
    const blocks = toNotionBlocks('- a\n  - b\n    - c\n      - d\n        - e\n');
    let deepest = 0;
    const order: string[] = [];
    walk(blocks, (block, depth) => {
      deepest = Math.max(deepest, depth);
      order.push(richTexts(block)[0].text!.content);
    });
    assert.ok(deepest <= NOTION_LIMITS.nestingDepth, `depth ${deepest}`);
    assert.deepEqual(order, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(limitNesting([]), []);
  });

  it('gives only block types Notion knows, with object "block" and a body of their type', () => {
    const markdown =
      '# H\n\n## H2\n\n### H3\n\ntext **b** _i_\n\n- x\n- [ ] todo\n\n1. one\n\n> quote\n\n>\n>\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n---\n';
    walk(toNotionBlocks(markdown), (block) => {
      assert.ok(KNOWN_TYPES.has(block.type), block.type);
      assert.equal(block.object, 'block');
      assert.equal(typeof block[block.type], 'object');
      const body = block[block.type] as { children?: unknown[] };
      assert.ok(body.children === undefined || body.children.length > 0, 'no empty children list');
    });
  });
});
