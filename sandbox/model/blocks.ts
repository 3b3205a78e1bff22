import { API_COLORS, normalizeRichText, type MentionResolver } from './rich-text';
import { validationError } from './errors';
import { expectArray, expectObject, expectOneOf, expectString, failed, optionalBoolean, isObject, type JsonObject } from './validate-body';

/** A validated block from a request, ready to be stored. */
export interface BlockDraft {
  type: string;
  content: Record<string, unknown>;
  children: BlockDraft[];
}

/** Notion's limits for block arrays in one request. */
export const BLOCK_LIMITS = { perArray: 100, maxDepth: 2, perRequest: 1000 } as const;

const TEXT_BLOCKS = [
  'paragraph',
  'heading_1',
  'heading_2',
  'heading_3',
  'bulleted_list_item',
  'numbered_list_item',
  'quote',
  'to_do',
  'toggle',
  'callout',
] as const;
const MEDIA_BLOCKS = ['image', 'video', 'pdf', 'file', 'audio'] as const;
const URL_BLOCKS = ['bookmark', 'embed'] as const;
const EMPTY_BLOCKS = ['divider', 'breadcrumb', 'table_of_contents'] as const;

/** Block types the sandbox accepts in `children`. */
export const SUPPORTED_BLOCK_TYPES: readonly string[] = [
  ...TEXT_BLOCKS,
  'code',
  'equation',
  ...URL_BLOCKS,
  ...MEDIA_BLOCKS,
  ...EMPTY_BLOCKS,
  'table',
  'table_row',
];

// Headings only nest when toggleable; the rest of this list nests freely.
const NESTING_TYPES = new Set(['paragraph', 'bulleted_list_item', 'numbered_list_item', 'quote', 'to_do', 'toggle', 'callout', 'table']);

/**
 * Validates a `children` array (append or page create): at most 100 blocks per
 * array, two levels of nesting below the top level, 1,000 blocks overall.
 */
export function parseChildren(raw: unknown, path: string, resolver: MentionResolver): BlockDraft[] {
  const drafts = parseLevel(raw, path, resolver, 0);
  const total = countDrafts(drafts);
  if (total > BLOCK_LIMITS.perRequest)
    throw validationError(
      `body failed validation: the request contains ${total} blocks, more than the limit of ${BLOCK_LIMITS.perRequest}.`,
    );
  return drafts;
}

function countDrafts(drafts: BlockDraft[]): number {
  return drafts.reduce((n, d) => n + 1 + countDrafts(d.children), 0);
}

function parseLevel(raw: unknown, path: string, resolver: MentionResolver, depth: number): BlockDraft[] {
  const list = expectArray(raw, path, BLOCK_LIMITS.perArray);
  return list.map((item, i) => parseBlock(item, `${path}[${i}]`, resolver, depth));
}

function parseBlock(raw: unknown, path: string, resolver: MentionResolver, depth: number): BlockDraft {
  const block = expectObject(raw, path);
  const type =
    block.type !== undefined
      ? expectOneOf(block.type, `${path}.type`, SUPPORTED_BLOCK_TYPES)
      : SUPPORTED_BLOCK_TYPES.find((t) => t in block);
  if (!type) throw failed(`${path}.paragraph`, `should be defined (supported block types: ${SUPPORTED_BLOCK_TYPES.join(', ')})`, undefined);
  const body = expectObject(block[type], `${path}.${type}`);
  const content = normalizeContent(type, body, `${path}.${type}`, resolver);
  let children: BlockDraft[] = [];
  if (body.children !== undefined) {
    const childPath = `${path}.${type}.children`;
    const nests = NESTING_TYPES.has(type) || (type.startsWith('heading_') && content.is_toggleable === true);
    if (depth >= BLOCK_LIMITS.maxDepth || !nests) throw failed(childPath, 'should be not present', body.children);
    children = parseLevel(body.children, childPath, resolver, depth + 1);
    if (type === 'table' && children.some((c) => c.type !== 'table_row'))
      throw validationError(`${childPath} may only contain table_row blocks.`);
  }
  if (type === 'table') {
    const width = content.table_width as number;
    children.forEach((row, i) => {
      const cells = (row.content.cells as unknown[]).length;
      if (row.type === 'table_row' && cells !== width)
        throw validationError(`Number of cells in table row ${i} (${cells}) must match the table width (${width}).`);
    });
  }
  return { type, content, children };
}

/** Validates a block type's content object and returns it in response form. */
export function normalizeContent(
  type: string,
  body: JsonObject,
  path: string,
  resolver: MentionResolver,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  const prev = previous ?? {};
  const rich = (key: string, required: boolean) => {
    if (body[key] === undefined) {
      if (required && prev[key] === undefined) throw failed(`${path}.${key}`, 'should be defined', undefined);
      return prev[key] ?? [];
    }
    return normalizeRichText(body[key], `${path}.${key}`, resolver);
  };
  const color = () => (body.color === undefined ? (prev.color ?? 'default') : expectOneOf(body.color, `${path}.color`, API_COLORS));
  if ((TEXT_BLOCKS as readonly string[]).includes(type)) {
    const content: Record<string, unknown> = { rich_text: rich('rich_text', true), color: color() };
    if (type === 'to_do') content.checked = optionalBoolean(body.checked, `${path}.checked`) ?? prev.checked ?? false;
    if (type.startsWith('heading_'))
      content.is_toggleable = optionalBoolean(body.is_toggleable, `${path}.is_toggleable`) ?? prev.is_toggleable ?? false;
    if (type === 'callout')
      content.icon = body.icon === undefined ? (prev.icon ?? { type: 'emoji', emoji: '💡' }) : parseEmojiIcon(body.icon, `${path}.icon`);
    return content;
  }
  switch (type) {
    case 'code':
      return {
        rich_text: rich('rich_text', true),
        caption: rich('caption', false),
        language: body.language === undefined ? (prev.language ?? 'plain text') : expectString(body.language, `${path}.language`, 100),
      };
    case 'equation':
      return {
        expression:
          body.expression === undefined && prev.expression !== undefined
            ? prev.expression
            : expectString(body.expression, `${path}.expression`, 1000),
      };
    case 'bookmark':
    case 'embed':
      return {
        url: body.url === undefined && prev.url !== undefined ? prev.url : expectString(body.url, `${path}.url`, 2000),
        caption: rich('caption', false),
      };
    case 'image':
    case 'video':
    case 'pdf':
    case 'file':
    case 'audio': {
      const external =
        body.external === undefined && prev.external !== undefined
          ? (prev.external as JsonObject)
          : expectObject(body.external, `${path}.external`);
      const content: Record<string, unknown> = {
        type: 'external',
        external: { url: expectString(external.url, `${path}.external.url`, 2000) },
        caption: rich('caption', false),
      };
      if (type === 'file') content.name = body.name === undefined ? (prev.name ?? 'file') : expectString(body.name, `${path}.name`, 100);
      return content;
    }
    case 'divider':
    case 'breadcrumb':
      return {};
    case 'table_of_contents':
      return { color: color() };
    case 'table': {
      const width = body.table_width === undefined ? prev.table_width : body.table_width;
      if (typeof width !== 'number' || !Number.isInteger(width) || width < 1)
        throw failed(`${path}.table_width`, 'should be a positive integer', width);
      return {
        table_width: width,
        has_column_header: optionalBoolean(body.has_column_header, `${path}.has_column_header`) ?? prev.has_column_header ?? false,
        has_row_header: optionalBoolean(body.has_row_header, `${path}.has_row_header`) ?? prev.has_row_header ?? false,
      };
    }
    case 'table_row': {
      const cells = expectArray(body.cells ?? prev.cells, `${path}.cells`).map((c, i) =>
        Array.isArray(c) && isObject(c[0]) && 'plain_text' in c[0] ? c : normalizeRichText(c, `${path}.cells[${i}]`, resolver),
      );
      return { cells };
    }
    default:
      throw failed(`${path}`, 'should be a supported block type', type);
  }
}

function parseEmojiIcon(raw: unknown, path: string): Record<string, unknown> {
  const icon = expectObject(raw, path);
  if (icon.emoji !== undefined) return { type: 'emoji', emoji: expectString(icon.emoji, `${path}.emoji`, 20) };
  const external = expectObject(icon.external, `${path}.external`);
  return { type: 'external', external: { url: expectString(external.url, `${path}.external.url`, 2000) } };
}
