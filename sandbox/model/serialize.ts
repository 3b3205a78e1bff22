import type {
  BlockObjectResponse,
  DataSourceObjectResponse,
  DatabaseObjectResponse,
  PageObjectResponse,
  PartialUserObjectResponse,
  PropertyItemObjectResponse,
  RichTextItemResponse,
  UserObjectResponse,
} from '@notionhq/client';
import { toIso } from './clock';
import { samePropertyId } from './ids';
import type { Store } from './store';
import type {
  StoredBlock,
  StoredDataSource,
  StoredDatabase,
  StoredDate,
  StoredFile,
  StoredOption,
  StoredPage,
  StoredPlace,
  StoredProperty,
  StoredUser,
  StoredValue,
} from './types';

/*
 * Every function here returns the SDK's own response types, so `tsc` checks the
 * sandbox's wire format against @notionhq/client: a field Notion sends and the
 * sandbox forgets, or a wrong literal, is a compile error.
 */

/** One property value inside `page.properties`. */
export type PagePropertyValue = PageObjectResponse['properties'][string];
/** One property inside `data_source.properties`. */
export type SchemaPropertyResponse = DataSourceObjectResponse['properties'][string];

/** Page responses carry at most this many references per property (Notion's limit). */
export const PAGE_REFERENCE_LIMIT = 25;

/** Turns stored objects into API responses. */
export class Serializer {
  constructor(private readonly store: Store) {}

  private partialUser(id: string): PartialUserObjectResponse {
    return { object: 'user', id };
  }

  /** A full user object. */
  user(u: StoredUser): UserObjectResponse {
    if (u.type === 'bot') {
      return {
        object: 'user',
        id: u.id,
        name: u.name,
        avatar_url: u.avatar_url,
        type: 'bot',
        bot: {
          owner: { type: 'workspace', workspace: true },
          workspace_id: this.store.state.workspace.id,
          workspace_name: this.store.state.workspace.name,
          workspace_limits: { max_file_upload_size_in_bytes: 5_368_709_120 },
        },
      };
    }
    return { object: 'user', id: u.id, name: u.name, avatar_url: u.avatar_url, type: 'person', person: u.email ? { email: u.email } : {} };
  }

  private userOrPartial(id: string): UserObjectResponse | PartialUserObjectResponse {
    const u = this.store.user(id);
    return u ? this.user(u) : this.partialUser(id);
  }

  /** A page, optionally limited to some properties (`filter_properties`). */
  page(page: StoredPage, filterProperties?: readonly string[]): PageObjectResponse {
    const parent: PageObjectResponse['parent'] =
      page.parent.type === 'data_source_id'
        ? {
            type: 'data_source_id',
            data_source_id: page.parent.data_source_id,
            database_id: this.store.state.data_sources[page.parent.data_source_id]?.database_id ?? '',
          }
        : page.parent.type === 'page_id'
          ? { type: 'page_id', page_id: page.parent.page_id }
          : page.parent.type === 'block_id'
            ? { type: 'block_id', block_id: page.parent.block_id }
            : { type: 'workspace', workspace: true };
    const properties: Record<string, PagePropertyValue> = {};
    for (const prop of this.schemaOf(page)) {
      if (filterProperties && !filterProperties.some((f) => f === prop.name || samePropertyId(f, prop.id))) continue;
      properties[prop.name] = this.propertyValue(page, prop);
    }
    return {
      object: 'page',
      id: page.id,
      created_time: toIso(page.created_time),
      last_edited_time: toIso(page.last_edited_time),
      created_by: this.partialUser(page.created_by),
      last_edited_by: this.partialUser(page.last_edited_by),
      cover: page.cover,
      icon: page.icon,
      parent,
      in_trash: page.in_trash,
      archived: page.in_trash,
      is_archived: page.in_trash,
      is_locked: page.is_locked,
      properties,
      url: this.store.url(page.id),
      public_url: null,
    };
  }

  /** The schema that applies to a page: its data source's, or a lone title. */
  schemaOf(page: StoredPage): StoredProperty[] {
    if (page.parent.type === 'data_source_id') return this.store.state.data_sources[page.parent.data_source_id]?.properties ?? [];
    return [{ id: 'title', name: 'title', description: null, config: { type: 'title' } }];
  }

  /** One property value as it appears on a page response (references truncated to 25). */
  propertyValue(page: StoredPage, prop: StoredProperty): PagePropertyValue {
    const raw = page.properties[prop.id];
    const id = prop.id;
    const config = prop.config;
    switch (config.type) {
      case 'title':
        return { id, type: 'title', title: truncateMentions(asRichText(raw)) };
      case 'rich_text':
        return { id, type: 'rich_text', rich_text: truncateMentions(asRichText(raw)) };
      case 'number':
        return { id, type: 'number', number: typeof raw === 'number' ? raw : null };
      case 'checkbox':
        return { id, type: 'checkbox', checkbox: raw === true };
      case 'url':
        return { id, type: 'url', url: typeof raw === 'string' ? raw : null };
      case 'email':
        return { id, type: 'email', email: typeof raw === 'string' ? raw : null };
      case 'phone_number':
        return { id, type: 'phone_number', phone_number: typeof raw === 'string' ? raw : null };
      case 'select':
        return { id, type: 'select', select: optionRef(config.options, raw) };
      case 'status':
        return { id, type: 'status', status: optionRef(config.options, raw) };
      case 'multi_select':
        return {
          id,
          type: 'multi_select',
          multi_select: asIds(raw)
            .map((o) => optionRef(config.options, o))
            .filter((o) => o !== null),
        };
      case 'date':
        return { id, type: 'date', date: (raw as StoredDate | null | undefined) ?? null };
      case 'people':
        return {
          id,
          type: 'people',
          people: asIds(raw)
            .slice(0, PAGE_REFERENCE_LIMIT)
            .map((u) => this.userOrPartial(u)),
        };
      case 'relation': {
        const ids = asIds(raw);
        // Notion adds `has_more` to relation values; the SDK type omits it, hence the widening.
        const value: PagePropertyValue & { has_more: boolean } = {
          id,
          type: 'relation',
          relation: ids.slice(0, PAGE_REFERENCE_LIMIT).map((r) => ({ id: r })),
          has_more: ids.length > PAGE_REFERENCE_LIMIT,
        };
        return value;
      }
      case 'files':
        return {
          id,
          type: 'files',
          files: ((raw as StoredFile[] | undefined) ?? []).map((f) => ({ name: f.name, type: 'external', external: { url: f.url } })),
        };
      case 'place':
        return { id, type: 'place', place: (raw as StoredPlace | null | undefined) ?? null };
      case 'formula':
        // Formulas are not evaluated; an empty string result keeps readers' type switches working.
        return { id, type: 'formula', formula: { type: 'string', string: null } };
      case 'rollup':
        return {
          id,
          type: 'rollup',
          rollup: {
            type: 'number',
            number: this.rollupNumber(page, config.function, config.relation_property_id),
            function: config.function as never,
          },
        };
      case 'unique_id':
        return { id, type: 'unique_id', unique_id: { prefix: config.prefix, number: typeof raw === 'number' ? raw : null } };
      case 'created_time':
        return { id, type: 'created_time', created_time: toIso(page.created_time) };
      case 'last_edited_time':
        return { id, type: 'last_edited_time', last_edited_time: toIso(page.last_edited_time) };
      case 'created_by':
        return { id, type: 'created_by', created_by: this.partialUser(page.created_by) };
      case 'last_edited_by':
        return { id, type: 'last_edited_by', last_edited_by: this.partialUser(page.last_edited_by) };
    }
  }

  private rollupNumber(page: StoredPage, fn: string, relationPropertyId: string): number | null {
    // Only counting is emulated; other rollup functions report null.
    return fn === 'count' || fn === 'count_values' ? asIds(page.properties[relationPropertyId]).length : null;
  }

  /**
   * The full value of a property as property items, for
   * `GET /v1/pages/{id}/properties/{property_id}`: a list for title, rich_text,
   * people and relation, a single item otherwise.
   */
  propertyItems(page: StoredPage, prop: StoredProperty): PropertyItemObjectResponse[] | PropertyItemObjectResponse {
    const raw = page.properties[prop.id];
    const base = { object: 'property_item' as const, id: prop.id };
    switch (prop.config.type) {
      case 'title':
        return asRichText(raw).map((t) => ({ ...base, type: 'title' as const, title: t }));
      case 'rich_text':
        return asRichText(raw).map((t) => ({ ...base, type: 'rich_text' as const, rich_text: t }));
      case 'people':
        return asIds(raw).map((u) => ({ ...base, type: 'people' as const, people: this.userOrPartial(u) }));
      case 'relation':
        return asIds(raw).map((r) => ({ ...base, type: 'relation' as const, relation: { id: r } }));
      default: {
        const value = this.propertyValue(page, prop);
        if (value.type === 'rollup') {
          const r = value.rollup;
          return {
            ...base,
            type: 'rollup',
            rollup: { type: 'number', number: r.type === 'number' ? r.number : null, function: r.function },
          };
        }
        if (value.type === 'multi_select') return { ...base, type: 'multi_select', multi_select: value.multi_select };
        // Remaining single-value types share their shape with the page value; only `object` differs.
        const { id: _id, ...rest } = value;
        return { ...base, ...rest } as PropertyItemObjectResponse;
      }
    }
  }

  /** A database (a container of data sources). */
  database(db: StoredDatabase): DatabaseObjectResponse {
    return {
      object: 'database',
      id: db.id,
      title: db.title,
      description: db.description,
      parent:
        db.parent.type === 'workspace'
          ? { type: 'workspace', workspace: true }
          : db.parent.type === 'page_id'
            ? { type: 'page_id', page_id: db.parent.page_id }
            : { type: 'block_id', block_id: db.parent.block_id },
      is_inline: db.is_inline,
      in_trash: db.in_trash,
      archived: db.in_trash,
      is_locked: db.is_locked,
      created_time: toIso(db.created_time),
      last_edited_time: toIso(db.last_edited_time),
      data_sources: db.data_source_ids.map((id) => ({ id, name: plain(this.store.state.data_sources[id]?.title ?? []) })),
      icon: db.icon,
      cover: db.cover,
      url: this.store.url(db.id),
      public_url: null,
    };
  }

  /** A data source with its schema. */
  dataSource(ds: StoredDataSource): DataSourceObjectResponse {
    const db = this.store.state.databases[ds.database_id];
    const properties: Record<string, SchemaPropertyResponse> = {};
    for (const prop of ds.properties) properties[prop.name] = this.schemaProperty(prop);
    return {
      object: 'data_source',
      id: ds.id,
      title: ds.title,
      description: ds.description,
      parent: { type: 'database_id', database_id: ds.database_id },
      database_parent: db ? this.database(db).parent : { type: 'workspace', workspace: true },
      is_inline: db?.is_inline ?? false,
      in_trash: ds.in_trash,
      archived: ds.in_trash,
      created_time: toIso(ds.created_time),
      last_edited_time: toIso(ds.last_edited_time),
      created_by: this.partialUser(ds.created_by),
      last_edited_by: this.partialUser(ds.last_edited_by),
      properties,
      icon: ds.icon,
      cover: null,
      url: this.store.url(ds.id),
      public_url: null,
    };
  }

  /** One schema property. */
  schemaProperty(prop: StoredProperty): SchemaPropertyResponse {
    const common = { id: prop.id, name: prop.name, description: prop.description };
    const c = prop.config;
    switch (c.type) {
      case 'number':
        return { ...common, type: 'number', number: { format: c.format } };
      case 'select':
        return { ...common, type: 'select', select: { options: c.options.map((o) => ({ ...o })) } };
      case 'multi_select':
        return { ...common, type: 'multi_select', multi_select: { options: c.options.map((o) => ({ ...o })) } };
      case 'status':
        return {
          ...common,
          type: 'status',
          status: { options: c.options.map((o) => ({ ...o })), groups: c.groups.map((g) => ({ ...g, option_ids: [...g.option_ids] })) },
        };
      case 'relation':
        return c.relation_type === 'single_property'
          ? {
              ...common,
              type: 'relation',
              relation: { database_id: c.database_id, data_source_id: c.data_source_id, type: 'single_property', single_property: {} },
            }
          : {
              ...common,
              type: 'relation',
              relation: {
                database_id: c.database_id,
                data_source_id: c.data_source_id,
                type: 'dual_property',
                dual_property: { synced_property_id: c.synced_property_id, synced_property_name: c.synced_property_name },
              },
            };
      case 'formula':
        return { ...common, type: 'formula', formula: { expression: c.expression } };
      case 'rollup':
        return {
          ...common,
          type: 'rollup',
          rollup: {
            function: c.function as never,
            relation_property_id: c.relation_property_id,
            relation_property_name: c.relation_property_name,
            rollup_property_id: c.rollup_property_id,
            rollup_property_name: c.rollup_property_name,
          },
        };
      case 'unique_id':
        return { ...common, type: 'unique_id', unique_id: { prefix: c.prefix } };
      case 'place':
        // The SDK's schema union has no `place` member yet; Notion still returns it.
        return { ...common, type: 'place', place: {} } as unknown as SchemaPropertyResponse;
      default:
        return { ...common, type: c.type, [c.type]: {} } as SchemaPropertyResponse;
    }
  }

  /** A block; pages and databases seen through the blocks API become child_page / child_database blocks. */
  block(b: StoredBlock | StoredPage): BlockObjectResponse {
    if (!('type' in b)) return this.pageAsBlock(b);
    const stamps = {
      object: 'block' as const,
      id: b.id,
      parent:
        b.parent.type === 'page_id'
          ? { type: 'page_id' as const, page_id: b.parent.page_id }
          : { type: 'block_id' as const, block_id: b.parent.block_id },
      created_time: toIso(b.created_time),
      created_by: this.partialUser(b.created_by),
      last_edited_time: toIso(b.last_edited_time),
      last_edited_by: this.partialUser(b.last_edited_by),
      in_trash: b.in_trash,
      archived: b.in_trash,
    };
    if (b.type === 'child_page') {
      const page = this.store.state.pages[b.id];
      return {
        ...stamps,
        has_children: (page?.child_ids.length ?? 0) > 0,
        in_trash: page?.in_trash ?? b.in_trash,
        archived: page?.in_trash ?? b.in_trash,
        type: 'child_page',
        child_page: { title: page ? this.store.pageTitle(page) : '' },
      };
    }
    if (b.type === 'child_database') {
      const db = this.store.state.databases[b.id];
      return {
        ...stamps,
        has_children: false,
        in_trash: db?.in_trash ?? b.in_trash,
        archived: db?.in_trash ?? b.in_trash,
        type: 'child_database',
        child_database: { title: plain(db?.title ?? []) },
      };
    }
    const visibleChildren = b.child_ids.some((id) => !this.store.state.blocks[id]?.in_trash);
    // Block contents are validated into response form by blocks.ts; the union of 30+ block
    // shapes is not worth re-deriving per type here.
    return { ...stamps, has_children: visibleChildren, type: b.type, [b.type]: b.content } as unknown as BlockObjectResponse;
  }

  private pageAsBlock(page: StoredPage): BlockObjectResponse {
    const parent: BlockObjectResponse['parent'] =
      page.parent.type === 'page_id'
        ? { type: 'page_id', page_id: page.parent.page_id }
        : page.parent.type === 'block_id'
          ? { type: 'block_id', block_id: page.parent.block_id }
          : page.parent.type === 'data_source_id'
            ? {
                type: 'data_source_id',
                data_source_id: page.parent.data_source_id,
                database_id: this.store.state.data_sources[page.parent.data_source_id]?.database_id ?? '',
              }
            : { type: 'workspace', workspace: true };
    return {
      object: 'block',
      id: page.id,
      parent,
      created_time: toIso(page.created_time),
      created_by: this.partialUser(page.created_by),
      last_edited_time: toIso(page.last_edited_time),
      last_edited_by: this.partialUser(page.last_edited_by),
      in_trash: page.in_trash,
      archived: page.in_trash,
      has_children: page.child_ids.length > 0,
      type: 'child_page',
      child_page: { title: this.store.pageTitle(page) },
    };
  }
}

function asRichText(value: StoredValue | undefined): RichTextItemResponse[] {
  return Array.isArray(value) ? (value as RichTextItemResponse[]) : [];
}

function asIds(value: StoredValue | undefined): string[] {
  return Array.isArray(value) ? (value as string[]) : [];
}

function optionRef(
  options: StoredOption[],
  raw: StoredValue | undefined,
): { id: string; name: string; color: StoredOption['color'] } | null {
  const option = typeof raw === 'string' ? options.find((o) => o.id === raw) : undefined;
  return option ? { id: option.id, name: option.name, color: option.color } : null;
}

/** Keeps rich text up to its 25th mention, as Notion's page responses do. */
function truncateMentions(items: RichTextItemResponse[]): RichTextItemResponse[] {
  let mentions = 0;
  const out: RichTextItemResponse[] = [];
  for (const item of items) {
    if (item.type === 'mention' && ++mentions > PAGE_REFERENCE_LIMIT) break;
    out.push(item);
  }
  return out;
}

function plain(items: RichTextItemResponse[]): string {
  return items.map((i) => i.plain_text).join('');
}
