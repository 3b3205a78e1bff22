import type { RichTextItemResponse } from '@notionhq/client';
import { expectArray, expectObject, expectString, failed, isObject, expectId, optionalBoolean, expectOneOf } from './validate-body';

/** Looks up what a mention points at, so its plain text matches Notion's. */
export interface MentionResolver {
  userName(id: string): string | null;
  page(id: string): { title: string; url: string } | null;
}

/** Text and block colours the API accepts. */
export const API_COLORS = [
  'default',
  'gray',
  'brown',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'red',
  'default_background',
  'gray_background',
  'brown_background',
  'orange_background',
  'yellow_background',
  'green_background',
  'blue_background',
  'purple_background',
  'pink_background',
  'red_background',
] as const;

type Annotations = RichTextItemResponse['annotations'];

/** Limits from Notion's request-limits page. */
export const RICH_TEXT_LIMITS = { items: 100, content: 2000, url: 2000, equation: 1000 } as const;

/**
 * Validates a rich-text request array and returns it in response form
 * (plain_text, href and full annotations filled in).
 */
export function normalizeRichText(value: unknown, path: string, resolve: MentionResolver): RichTextItemResponse[] {
  const items = expectArray(value, path, RICH_TEXT_LIMITS.items);
  return items.map((item, i) => normalizeItem(item, `${path}[${i}]`, resolve));
}

function normalizeItem(raw: unknown, path: string, resolve: MentionResolver): RichTextItemResponse {
  const item = expectObject(raw, path);
  const annotations = normalizeAnnotations(item.annotations, `${path}.annotations`);
  const type = item.type ?? ('text' in item ? 'text' : 'mention' in item ? 'mention' : 'equation' in item ? 'equation' : undefined);
  if (type === 'text') {
    const text = expectObject(item.text, `${path}.text`);
    const content = expectString(text.content, `${path}.text.content`, RICH_TEXT_LIMITS.content);
    let link: { url: string } | null = null;
    if (text.link !== undefined && text.link !== null) {
      const l = expectObject(text.link, `${path}.text.link`);
      link = { url: expectString(l.url, `${path}.text.link.url`, RICH_TEXT_LIMITS.url) };
    }
    return { type: 'text', text: { content, link }, annotations, plain_text: content, href: link?.url ?? null };
  }
  if (type === 'equation') {
    const eq = expectObject(item.equation, `${path}.equation`);
    const expression = expectString(eq.expression, `${path}.equation.expression`, RICH_TEXT_LIMITS.equation);
    return { type: 'equation', equation: { expression }, annotations, plain_text: expression, href: null };
  }
  if (type === 'mention') return normalizeMention(expectObject(item.mention, `${path}.mention`), `${path}.mention`, annotations, resolve);
  throw failed(`${path}.text`, 'should be defined', undefined);
}

function normalizeMention(
  mention: Record<string, unknown>,
  path: string,
  annotations: Annotations,
  resolve: MentionResolver,
): RichTextItemResponse {
  if (isObject(mention.user)) {
    const id = expectId(mention.user.id, `${path}.user.id`);
    const name = resolve.userName(id);
    if (name === null) throw failed(`${path}.user.id`, 'should be the id of a user in the workspace', id);
    return { type: 'mention', mention: { type: 'user', user: { object: 'user', id } }, annotations, plain_text: `@${name}`, href: null };
  }
  if (isObject(mention.page)) {
    const id = expectId(mention.page.id, `${path}.page.id`);
    const page = resolve.page(id);
    return {
      type: 'mention',
      mention: { type: 'page', page: { id } },
      annotations,
      plain_text: page?.title ?? 'Untitled',
      href: page?.url ?? null,
    };
  }
  if (isObject(mention.date)) {
    const start = expectString(mention.date.start, `${path}.date.start`);
    const end = mention.date.end === undefined || mention.date.end === null ? null : expectString(mention.date.end, `${path}.date.end`);
    return {
      type: 'mention',
      mention: { type: 'date', date: { start, end, time_zone: null } },
      annotations,
      plain_text: end ? `${start} → ${end}` : start,
      href: null,
    };
  }
  throw failed(`${path}.user`, 'should be defined', undefined);
}

function normalizeAnnotations(raw: unknown, path: string): Annotations {
  const base: Annotations = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' };
  if (raw === undefined) return base;
  const a = expectObject(raw, path);
  for (const key of ['bold', 'italic', 'strikethrough', 'underline', 'code'] as const) {
    const v = optionalBoolean(a[key], `${path}.${key}`);
    if (v !== undefined) base[key] = v;
  }
  if (a.color !== undefined) base.color = expectOneOf(a.color, `${path}.color`, API_COLORS);
  return base;
}

/** The concatenated plain text of a rich-text array. */
export function plainText(items: readonly RichTextItemResponse[]): string {
  return items.map((i) => i.plain_text).join('');
}

/** A plain-text array as Notion would store it for `content`. */
export function textToRichText(content: string): RichTextItemResponse[] {
  if (content === '') return [];
  return [
    {
      type: 'text',
      text: { content, link: null },
      annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' },
      plain_text: content,
      href: null,
    },
  ];
}
