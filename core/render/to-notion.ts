import { markdownToBlocks } from '@tryfabric/martian';

/**
 * Markdown → Notion blocks (with @tryfabric/martian), made to fit Notion's request limits:
 * rich text items of at most 2,000 characters, at most 100 rich text items per block, children
 * nested at most two levels deep in one request, and block lists cut into appends of at most
 * 100 blocks.
 */

export const NOTION_LIMITS = Object.freeze({
  /** Characters in one rich text item's `text.content`. */
  richTextChars: 2000,
  /** Rich text items in one block's `rich_text`. */
  richTextItems: 100,
  /** Blocks in one "append block children" request. */
  blocksPerRequest: 100,
  /** Levels of `children` that one request may carry below the appended blocks. */
  nestingDepth: 2,
});

/** A Notion block as JSON: `{ object: 'block', type, [type]: { rich_text?, children?, … } }`. */
export interface NotionBlock {
  object?: 'block';
  type: string;
  [key: string]: unknown;
}

interface RichTextItem {
  type?: string;
  text?: { content: string; link?: unknown };
  [key: string]: unknown;
}

/** Cuts `text` into pieces of at most `max` UTF-16 units without splitting a surrogate pair. */
export function splitText(text: string, max: number = NOTION_LIMITS.richTextChars): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * A bare URL or e-mail address in text is linked by martian's GFM parser ("autolink literals"),
 * though markdown-it (the HTML output) leaves it as text. Text from the workspace must not
 * become a link in one format only, so such links are dropped; a link written as
 * `[text](url)` in a template is kept.
 */
function dropLiteralLink(item: RichTextItem): RichTextItem {
  const link = item.text?.link as { url?: unknown } | undefined;
  if (!item.text || !link || typeof link.url !== 'string') return item;
  const content = item.text.content;
  if (link.url !== content && link.url !== `mailto:${content}` && link.url !== `http://${content}`) return item;
  const { link: _link, ...text } = item.text;
  return { ...item, text };
}

/** Rich text items with every text item longer than the limit cut into several with the same annotations and link. */
export function splitRichText(items: readonly RichTextItem[]): RichTextItem[] {
  const out: RichTextItem[] = [];
  for (const raw of items) {
    const item = dropLiteralLink(raw);
    const content = item.type === 'text' || item.text ? item.text?.content : undefined;
    if (typeof content !== 'string' || content.length <= NOTION_LIMITS.richTextChars) {
      out.push(item);
      continue;
    }
    for (const piece of splitText(content)) out.push({ ...item, text: { ...item.text, content: piece } });
  }
  return out;
}

function bodyOf(block: NotionBlock): Record<string, unknown> | undefined {
  const body = block[block.type];
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
}

/**
 * One block, fitted: long rich text split; a block with more than 100 rich text items becomes
 * several consecutive blocks of the same type. Children are fitted recursively.
 */
function fitBlock(block: NotionBlock): NotionBlock[] {
  const body = bodyOf(block);
  if (!body) return [block];
  const fitted: Record<string, unknown> = { ...body };
  // An empty `children` list (martian writes one for an empty quote) is left out.
  if (Array.isArray(body.children) && body.children.length > 0) fitted.children = (body.children as NotionBlock[]).flatMap(fitBlock);
  else delete fitted.children;
  if (block.type === 'table_row' && Array.isArray(body.cells)) fitted.cells = (body.cells as RichTextItem[][]).map(splitRichText);
  if (!Array.isArray(body.rich_text)) return [{ ...block, [block.type]: fitted }];
  const items = splitRichText(body.rich_text as RichTextItem[]);
  if (items.length <= NOTION_LIMITS.richTextItems) return [{ ...block, [block.type]: { ...fitted, rich_text: items } }];
  const { children, ...withoutChildren } = fitted;
  const blocks: NotionBlock[] = [];
  for (let i = 0; i < items.length; i += NOTION_LIMITS.richTextItems) {
    blocks.push({ ...block, [block.type]: { ...withoutChildren, rich_text: items.slice(i, i + NOTION_LIMITS.richTextItems) } });
  }
  // Children belong after the whole text: they go on the last piece.
  if (children !== undefined) (bodyOf(blocks[blocks.length - 1]) as Record<string, unknown>).children = children;
  return blocks;
}

/**
 * Blocks nested deeper than `depth` levels below the top are lifted to be siblings following
 * their ancestor at the deepest allowed level, in order (a deep list flattens rather than
 * losing items). Tables keep their rows: rows are one level below the table.
 */
export function limitNesting(blocks: readonly NotionBlock[], depth: number = NOTION_LIMITS.nestingDepth): NotionBlock[] {
  const visit = (block: NotionBlock, level: number): NotionBlock[] => {
    const body = bodyOf(block);
    if (!body || !Array.isArray(body.children) || body.children.length === 0) return [block];
    const children = body.children as NotionBlock[];
    if (level >= depth) {
      const { children: _dropped, ...rest } = body;
      return [{ ...block, [block.type]: rest }, ...children.flatMap((c) => visit(c, level))];
    }
    return [{ ...block, [block.type]: { ...body, children: children.flatMap((c) => visit(c, level + 1)) } }];
  };
  return blocks.flatMap((b) => visit(b, 0));
}

/** The list cut into requests of at most `size` blocks. */
export function chunkBlocks<T>(blocks: readonly T[], size: number = NOTION_LIMITS.blocksPerRequest): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < blocks.length; i += size) chunks.push(blocks.slice(i, i + size));
  return chunks;
}

/** Markdown as Notion blocks that fit the limits (martian's own truncation is off: nothing is cut). */
export function toNotionBlocks(source: string): NotionBlock[] {
  const blocks = markdownToBlocks(source, { notionLimits: { truncate: false } }) as unknown as NotionBlock[];
  return limitNesting(blocks.flatMap(fitBlock));
}

/** Markdown as Notion blocks, in appends of at most 100 blocks each: what `okra render --format notion` writes. */
export function toNotionChunks(source: string): NotionBlock[][] {
  return chunkBlocks(toNotionBlocks(source));
}
