import { DATABASES, type SyncKind } from '../../core/sync/notion';

/** What Notion answers for a page created with `properties`: the response shapes of each type. */
export function fakePage(
  kind: SyncKind,
  pageId: string,
  properties: Record<string, Record<string, unknown>>,
  extra: { createdBy?: string; edited?: string } = {},
): unknown {
  const out: Record<string, unknown> = {};
  for (const spec of DATABASES[kind].properties) {
    const id = `id-${spec.name}`;
    const value = properties[spec.name]?.[spec.type];
    switch (spec.type) {
      case 'title':
      case 'rich_text':
        out[spec.name] = {
          id,
          type: spec.type,
          [spec.type]: ((value as Array<{ text: { content: string } }>) ?? []).map((t) => ({
            type: 'text',
            text: { content: t.text.content, link: null },
            plain_text: t.text.content,
            href: null,
            annotations: {},
          })),
        };
        break;
      case 'select':
        out[spec.name] = {
          id,
          type: 'select',
          select: value ? { id: 'o', name: (value as { name: string }).name, color: 'default' } : null,
        };
        break;
      case 'multi_select':
        out[spec.name] = {
          id,
          type: 'multi_select',
          multi_select: ((value as Array<{ name: string }>) ?? []).map((o) => ({ id: 'o', name: o.name, color: 'default' })),
        };
        break;
      case 'date':
        out[spec.name] = { id, type: 'date', date: value ? { ...(value as object), time_zone: null } : null };
        break;
      case 'people':
        out[spec.name] = {
          id,
          type: 'people',
          people: ((value as Array<{ id: string }>) ?? []).map((u) => ({ object: 'user', id: u.id })),
        };
        break;
      case 'relation':
        out[spec.name] = { id, type: 'relation', relation: (value as Array<{ id: string }>) ?? [], has_more: false };
        break;
      case 'checkbox':
        out[spec.name] = { id, type: 'checkbox', checkbox: value === true };
        break;
      default:
        out[spec.name] = { id, type: spec.type, [spec.type]: value ?? null };
    }
  }
  return {
    object: 'page',
    id: pageId,
    created_time: '2026-03-01T10:00:00.000Z',
    last_edited_time: extra.edited ?? '2026-03-01T10:00:00.000Z',
    created_by: { object: 'user', id: extra.createdBy ?? 'bot' },
    last_edited_by: { object: 'user', id: 'bot' },
    cover: null,
    icon: null,
    parent: { type: 'data_source_id', data_source_id: 'ds', database_id: 'db' },
    in_trash: false,
    archived: false,
    is_archived: false,
    is_locked: false,
    properties: out,
    url: `https://www.notion.so/${pageId}`,
    public_url: null,
  };
}
