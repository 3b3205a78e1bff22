import { validationError, notFound } from './errors';
import type { IdSource } from './ids';
import { samePropertyId } from './ids';
import { normalizeRichText, type MentionResolver } from './rich-text';
import type {
  PropertyType,
  SelectColor,
  StoredDataSource,
  StoredDate,
  StoredFile,
  StoredOption,
  StoredPage,
  StoredProperty,
  StoredPropertyConfig,
  StoredStatusGroup,
  StoredValue,
} from './types';
import {
  expectArray,
  expectId,
  expectNumberOrNull,
  expectObject,
  expectOneOf,
  expectString,
  failed,
  isObject,
  optionalString,
  type JsonObject,
} from './validate-body';

/** Lookups the property code needs from the store; all of them respect the integration's access. */
export interface PropertyContext {
  ids: IdSource;
  resolver: MentionResolver;
  /** An accessible data source, or null. */
  dataSource(id: string): StoredDataSource | null;
  /** An accessible page, or null. */
  page(id: string): StoredPage | null;
  userExists(id: string): boolean;
}

/** Every schema property type the sandbox understands. */
export const PROPERTY_TYPES: readonly PropertyType[] = [
  'title',
  'rich_text',
  'number',
  'select',
  'multi_select',
  'status',
  'date',
  'people',
  'files',
  'checkbox',
  'url',
  'email',
  'phone_number',
  'relation',
  'formula',
  'rollup',
  'unique_id',
  'created_time',
  'created_by',
  'last_edited_time',
  'last_edited_by',
  'place',
];

/** Types whose values Notion computes; a request that sets one fails validation. */
export const COMPUTED_TYPES: ReadonlySet<PropertyType> = new Set<PropertyType>([
  'formula',
  'rollup',
  'unique_id',
  'created_time',
  'created_by',
  'last_edited_time',
  'last_edited_by',
]);

const SELECT_COLORS: readonly SelectColor[] = ['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red'];

/** Per-value limits from Notion's request-limits page. */
export const VALUE_LIMITS = {
  multiSelect: 100,
  relation: 100,
  people: 100,
  files: 100,
  url: 2000,
  email: 200,
  phone: 200,
  optionName: 100,
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Finds a schema property by name or by id (ids may arrive URL-decoded). */
export function findProperty(ds: StoredDataSource, key: string): StoredProperty | undefined {
  return ds.properties.find((p) => p.name === key) ?? ds.properties.find((p) => samePropertyId(p.id, key));
}

// ---------------------------------------------------------------------------
// Schema

/**
 * Validates `initial_data_source.properties` / `POST /v1/data_sources` `properties`
 * and returns the stored schema. Exactly one title property is required.
 */
export function createSchema(raw: unknown, path: string, ctx: PropertyContext, selfId: string): StoredProperty[] {
  const input = expectObject(raw, path);
  const props: StoredProperty[] = [];
  const taken = new Set<string>();
  for (const [name, value] of Object.entries(input)) {
    const p = `${path}.${name}`;
    const cfg = expectObject(value, p);
    const type = detectSchemaType(cfg, p);
    checkPropertyName(name, p);
    const id = type === 'title' ? 'title' : ctx.ids.propertyId(taken);
    taken.add(id);
    props.push({
      id,
      name,
      description: readDescription(cfg, p),
      config: parseConfig(type, cfg[type], `${p}.${type}`, ctx, selfId, props),
    });
  }
  const titles = props.filter((p) => p.config.type === 'title').length;
  if (titles !== 1) {
    throw validationError(
      titles === 0
        ? 'Title property missing. A data source must have exactly one title property.'
        : 'Multiple title properties provided. A data source must have exactly one title property.',
    );
  }
  return props;
}

/**
 * Applies a `PATCH /v1/data_sources/{id}` `properties` object to a copy of the
 * schema: add, rename (`{name}`), reconfigure, or delete (`null`). Keys are
 * property names or ids. Returns the new schema; the caller commits it.
 */
export function updateSchema(ds: StoredDataSource, raw: unknown, path: string, ctx: PropertyContext): StoredProperty[] {
  const input = expectObject(raw, path);
  const props: StoredProperty[] = ds.properties.map((p) => structuredClone(p));
  const taken = new Set(props.map((p) => p.id));
  for (const [key, value] of Object.entries(input)) {
    const p = `${path}.${key}`;
    const index = props.findIndex((x) => x.name === key || samePropertyId(x.id, key));
    const existing = index >= 0 ? props[index] : undefined;
    if (value === null) {
      if (!existing) throw validationError(`${key} is not a property that exists.`);
      if (existing.config.type === 'title') throw validationError('Cannot delete the title property.');
      props.splice(index, 1);
      continue;
    }
    const cfg = expectObject(value, p);
    const newName = cfg.name === undefined ? undefined : expectString(cfg.name, `${p}.name`);
    if (newName !== undefined) checkPropertyName(newName, `${p}.name`);
    const hasType = cfg.type !== undefined || PROPERTY_TYPES.some((t) => t in cfg);
    if (!existing) {
      if (!hasType) throw validationError(`${key} is not a property that exists.`);
      const type = detectSchemaType(cfg, p);
      if (type === 'title') throw validationError('Cannot create a second title property.');
      const id = ctx.ids.propertyId(taken);
      taken.add(id);
      props.push({
        id,
        name: newName ?? key,
        description: readDescription(cfg, p),
        config: parseConfig(type, cfg[type], `${p}.${type}`, ctx, ds.id, props),
      });
      continue;
    }
    if (newName !== undefined) existing.name = newName;
    if (cfg.description !== undefined) existing.description = readDescription(cfg, p);
    if (hasType) {
      const type = detectSchemaType(cfg, p);
      if (existing.config.type === 'title' && type !== 'title') throw validationError('Cannot change the type of the title property.');
      if (type === 'title' && existing.config.type !== 'title')
        throw validationError('Cannot change a property to title: a data source has exactly one title property.');
      existing.config = parseConfig(type, cfg[type], `${p}.${type}`, ctx, ds.id, props, existing.config);
    }
  }
  const names = new Set<string>();
  for (const prop of props) {
    if (names.has(prop.name)) throw validationError(`Property names must be unique: ${prop.name} is used twice.`);
    names.add(prop.name);
  }
  return props;
}

function checkPropertyName(name: string, path: string): void {
  if (name.trim() === '') throw failed(path, 'should be a non-empty string', name);
  if (name.length > 100) throw failed(`${path}.length`, 'should be ≤ `100`', name.length);
}

function readDescription(cfg: JsonObject, path: string): string | null {
  return optionalString(cfg.description, `${path}.description`, 280) ?? null;
}

function detectSchemaType(cfg: JsonObject, path: string): PropertyType {
  if (cfg.type !== undefined) {
    const type = expectOneOf(cfg.type, `${path}.type`, PROPERTY_TYPES);
    expectObject(cfg[type], `${path}.${type}`);
    return type;
  }
  const present = PROPERTY_TYPES.filter((t) => t in cfg);
  if (present.length !== 1) throw failed(path, 'should have exactly one property type key, e.g. `{"rich_text": {}}`', Object.keys(cfg));
  expectObject(cfg[present[0]], `${path}.${present[0]}`);
  return present[0];
}

function parseConfig(
  type: PropertyType,
  raw: unknown,
  path: string,
  ctx: PropertyContext,
  selfId: string,
  siblings: StoredProperty[],
  previous?: StoredPropertyConfig,
): StoredPropertyConfig {
  const cfg = expectObject(raw, path);
  switch (type) {
    case 'number':
      return { type, format: cfg.format === undefined ? 'number' : expectString(cfg.format, `${path}.format`, 100) };
    case 'select':
    case 'multi_select': {
      const before = previous?.type === type ? previous.options : [];
      return { type, options: parseOptions(cfg.options, `${path}.options`, before, ctx, true) };
    }
    case 'status':
      return parseStatus(cfg, path, previous?.type === 'status' ? previous : undefined, ctx);
    case 'relation':
      return parseRelation(cfg, path, ctx, selfId);
    case 'formula':
      return { type, expression: expectString(cfg.expression, `${path}.expression`) };
    case 'rollup':
      return parseRollup(cfg, path, ctx, siblings);
    case 'unique_id':
      return { type, prefix: optionalString(cfg.prefix, `${path}.prefix`, 20) ?? null };
    default:
      return { type } as StoredPropertyConfig;
  }
}

function parseOptions(raw: unknown, path: string, before: StoredOption[], ctx: PropertyContext, noCommas: boolean): StoredOption[] {
  if (raw === undefined) return before.map((o) => ({ ...o }));
  const list = expectArray(raw, path);
  const result: StoredOption[] = before.map((o) => ({ ...o }));
  const taken = new Set(result.map((o) => o.id));
  list.forEach((item, i) => {
    const p = `${path}[${i}]`;
    const o = expectObject(item, p);
    const byId = o.id === undefined ? undefined : result.find((x) => x.id === expectString(o.id, `${p}.id`));
    if (o.id !== undefined && !byId) throw failed(`${p}.id`, 'should be the id of an existing option', o.id);
    const name = o.name === undefined ? byId?.name : readOptionName(o.name, `${p}.name`, noCommas);
    if (name === undefined) throw failed(`${p}.name`, 'should be defined', undefined);
    const target = byId ?? result.find((x) => x.name === name);
    const color = o.color === undefined ? undefined : expectOneOf(o.color, `${p}.color`, SELECT_COLORS);
    const description = optionalString(o.description, `${p}.description`);
    if (target) {
      target.name = name;
      if (color) target.color = color;
      if (description !== undefined) target.description = description;
    } else {
      const id = ctx.ids.propertyId(taken);
      taken.add(id);
      result.push({ id, name, color: color ?? 'default', description: description ?? null });
    }
  });
  return result;
}

function readOptionName(raw: unknown, path: string, noCommas: boolean): string {
  const name = expectString(raw, path, VALUE_LIMITS.optionName);
  if (noCommas && name.includes(',')) throw validationError(`Invalid select option, commas not allowed: ${name}`);
  if (name.trim() === '') throw failed(path, 'should be a non-empty string', name);
  return name;
}

// Notion puts API-created status options into the To-do group; the sandbox places
// well-known names into the obvious group so the board view reads naturally.
const STATUS_GROUP_HINTS: Array<[RegExp, number]> = [
  [/done|complete|closed|achieved|resolved|shipped|finished|cancel/i, 2],
  [/progress|doing|active|review|track|risk|blocked|started/i, 1],
];

function parseStatus(
  cfg: JsonObject,
  path: string,
  previous: Extract<StoredPropertyConfig, { type: 'status' }> | undefined,
  ctx: PropertyContext,
): StoredPropertyConfig {
  const taken = new Set<string>();
  const groups: StoredStatusGroup[] = previous
    ? previous.groups.map((g) => ({ ...g, option_ids: [...g.option_ids] }))
    : [
        { id: ctx.ids.propertyId(taken), name: 'To-do', color: 'gray', option_ids: [] },
        { id: ctx.ids.propertyId(taken), name: 'In progress', color: 'blue', option_ids: [] },
        { id: ctx.ids.propertyId(taken), name: 'Complete', color: 'green', option_ids: [] },
      ];
  const defaults: StoredOption[] =
    previous || cfg.options !== undefined
      ? []
      : [
          { id: ctx.ids.propertyId(taken), name: 'Not started', color: 'default', description: null },
          { id: ctx.ids.propertyId(taken), name: 'In progress', color: 'blue', description: null },
          { id: ctx.ids.propertyId(taken), name: 'Done', color: 'green', description: null },
        ];
  const options = parseOptions(cfg.options, `${path}.options`, previous?.options ?? defaults, ctx, false);
  for (const option of options) {
    if (groups.some((g) => g.option_ids.includes(option.id))) continue;
    const hint = STATUS_GROUP_HINTS.find(([re]) => re.test(option.name));
    groups[hint ? hint[1] : 0].option_ids.push(option.id);
  }
  return { type: 'status', options, groups };
}

function parseRelation(cfg: JsonObject, path: string, ctx: PropertyContext, selfId: string): StoredPropertyConfig {
  if (cfg.data_source_id === undefined && cfg.database_id !== undefined) {
    // 2025-09-03 relations point at data sources; a database id alone is the classic migration mistake.
    throw failed(`${path}.data_source_id`, 'should be defined', undefined);
  }
  const dsId = expectId(cfg.data_source_id, `${path}.data_source_id`);
  const target = dsId === selfId ? null : ctx.dataSource(dsId);
  if (dsId !== selfId && !target) throw notFound('data_source', dsId);
  const databaseId = target?.database_id ?? '';
  const relType =
    cfg.type === undefined
      ? 'dual_property' in cfg
        ? 'dual_property'
        : 'single_property'
      : expectOneOf(cfg.type, `${path}.type`, ['single_property', 'dual_property'] as const);
  if (relType === 'single_property') {
    if (cfg.single_property !== undefined) expectObject(cfg.single_property, `${path}.single_property`);
    return { type: 'relation', data_source_id: dsId, database_id: databaseId, relation_type: 'single_property' };
  }
  const dual = cfg.dual_property === undefined ? {} : expectObject(cfg.dual_property, `${path}.dual_property`);
  const syncedName = optionalString(dual.synced_property_name, `${path}.dual_property.synced_property_name`, 100) ?? '';
  // The reverse property is created by the caller, which knows both data sources.
  return {
    type: 'relation',
    data_source_id: dsId,
    database_id: databaseId,
    relation_type: 'dual_property',
    synced_property_id: '',
    synced_property_name: syncedName,
  };
}

function parseRollup(cfg: JsonObject, path: string, ctx: PropertyContext, siblings: StoredProperty[]): StoredPropertyConfig {
  const fn = expectString(cfg.function, `${path}.function`);
  const relKey = cfg.relation_property_id ?? cfg.relation_property_name;
  const relation = siblings.find((p) => p.name === relKey || (typeof relKey === 'string' && samePropertyId(p.id, relKey)));
  if (!relation || relation.config.type !== 'relation')
    throw failed(`${path}.relation_property_name`, 'should name a relation property of this data source', relKey);
  const target = ctx.dataSource(relation.config.data_source_id);
  const rollKey = cfg.rollup_property_id ?? cfg.rollup_property_name;
  const rolled = target && typeof rollKey === 'string' ? findProperty(target, rollKey) : undefined;
  if (!rolled) throw failed(`${path}.rollup_property_name`, 'should name a property of the related data source', rollKey);
  return {
    type: 'rollup',
    function: fn,
    relation_property_id: relation.id,
    relation_property_name: relation.name,
    rollup_property_id: rolled.id,
    rollup_property_name: rolled.name,
  };
}

// ---------------------------------------------------------------------------
// Values

/** The outcome of validating a `properties` value object. */
export interface ParsedValues {
  /** New values by property id. */
  values: Record<string, StoredValue>;
  /** Select/multi-select options the request created by name; commit them with the values. */
  newOptions: Array<{ propertyId: string; option: StoredOption }>;
}

/**
 * Validates page property values for a row of `ds` (or, with `ds` null, a
 * free-standing page, which only has a title) and returns them in stored form.
 */
export function parseValues(ds: StoredDataSource | null, raw: unknown, path: string, ctx: PropertyContext): ParsedValues {
  const input = expectObject(raw, path);
  const out: ParsedValues = { values: {}, newOptions: [] };
  for (const [key, value] of Object.entries(input)) {
    const p = `${path}.${key}`;
    if (!ds) {
      if (key !== 'title') throw validationError(`${key} is not a property that exists.`);
      out.values.title = readTitleLike(value, 'title', p, key, ctx);
      continue;
    }
    const prop = findProperty(ds, key);
    if (!prop) throw validationError(`${key} is not a property that exists.`);
    const type = prop.config.type;
    if (COMPUTED_TYPES.has(type)) {
      throw failed(
        `${p}.${type}`,
        'should be not present: the value is computed by Notion and cannot be set',
        isObject(value) ? value[type] : value,
      );
    }
    out.values[prop.id] = parseValue(prop, value, p, ctx, out);
  }
  return out;
}

function readTitleLike(value: unknown, type: 'title' | 'rich_text', path: string, name: string, ctx: PropertyContext) {
  // Notion's own examples give a sub-page title as a bare rich-text array; accept that too.
  if (Array.isArray(value)) return normalizeRichText(value, path, ctx.resolver);
  const v = valueFor(value, type, path, name);
  return normalizeRichText(v, `${path}.${type}`, ctx.resolver);
}

/** Unwraps `{type?, <type>: value}`, insisting the type matches the schema. */
function valueFor(value: unknown, type: string, path: string, name: string): unknown {
  const obj = expectObject(value, path);
  if (obj.type !== undefined && obj.type !== type) throw validationError(`${name} is expected to be ${type}.`);
  if (!(type in obj)) throw validationError(`${name} is expected to be ${type}.`);
  return obj[type];
}

function parseValue(prop: StoredProperty, value: unknown, path: string, ctx: PropertyContext, out: ParsedValues): StoredValue {
  const config = prop.config;
  const type = config.type;
  const v = valueFor(value, type, path, prop.name);
  const p = `${path}.${type}`;
  switch (config.type) {
    case 'title':
    case 'rich_text':
      return normalizeRichText(v, p, ctx.resolver);
    case 'number':
      return expectNumberOrNull(v, p);
    case 'checkbox':
      if (typeof v !== 'boolean') throw failed(p, 'should be a boolean', v);
      return v;
    case 'url':
      return optionalString(v, p, VALUE_LIMITS.url) ?? null;
    case 'email':
      return optionalString(v, p, VALUE_LIMITS.email) ?? null;
    case 'phone_number':
      return optionalString(v, p, VALUE_LIMITS.phone) ?? null;
    case 'select':
      return v === null ? null : resolveOption(prop, config.options, v, p, ctx, out, true);
    case 'status':
      return v === null ? null : resolveOption(prop, config.options, v, p, ctx, out, false);
    case 'multi_select': {
      const ids = expectArray(v, p, VALUE_LIMITS.multiSelect).map((o, i) =>
        resolveOption(prop, config.options, o, `${p}[${i}]`, ctx, out, true),
      );
      return [...new Set(ids)];
    }
    case 'date':
      return v === null ? null : parseDate(v, p);
    case 'people': {
      const ids = expectArray(v, p, VALUE_LIMITS.people).map((u, i) => {
        const id = expectId(expectObject(u, `${p}[${i}]`).id, `${p}[${i}].id`);
        if (!ctx.userExists(id)) throw failed(`${p}[${i}].id`, 'should be the id of a user in the workspace', id);
        return id;
      });
      return [...new Set(ids)];
    }
    case 'relation': {
      const ids = expectArray(v, p, VALUE_LIMITS.relation).map((r, i) => {
        const id = expectId(expectObject(r, `${p}[${i}]`).id, `${p}[${i}].id`);
        const target = ctx.page(id);
        if (!target) throw notFound('page', id);
        if (target.parent.type !== 'data_source_id' || target.parent.data_source_id !== config.data_source_id) {
          throw validationError(
            `Relation ${prop.name} points at data source ${config.data_source_id}, but page ${id} is not one of its rows.`,
          );
        }
        return id;
      });
      return [...new Set(ids)];
    }
    case 'files':
      return expectArray(v, p, VALUE_LIMITS.files).map((f, i) => parseFile(f, `${p}[${i}]`));
    case 'place': {
      if (v === null) return null;
      const o = expectObject(v, p);
      const lat = expectNumberOrNull(o.lat, `${p}.lat`);
      const lon = expectNumberOrNull(o.lon, `${p}.lon`);
      if (lat === null || lon === null) throw failed(`${p}.lat`, 'should be a number', o.lat);
      return { lat, lon, name: optionalString(o.name, `${p}.name`) ?? null, address: optionalString(o.address, `${p}.address`) ?? null };
    }
    default:
      throw failed(p, 'should be not present', v);
  }
}

function resolveOption(
  prop: StoredProperty,
  options: StoredOption[],
  raw: unknown,
  path: string,
  ctx: PropertyContext,
  out: ParsedValues,
  create: boolean,
): string {
  const o = expectObject(raw, path);
  if (o.id !== undefined) {
    const id = expectString(o.id, `${path}.id`);
    const found = options.find((x) => x.id === id);
    if (!found) throw validationError(`Invalid ${prop.config.type} option id for ${prop.name}: ${id}`);
    return found.id;
  }
  const name = readOptionName(o.name, `${path}.name`, create);
  const found =
    options.find((x) => x.name === name) ?? out.newOptions.find((n) => n.propertyId === prop.id && n.option.name === name)?.option;
  if (found) return found.id;
  if (!create) throw validationError(`Invalid status option. Status option "${name}" does not exist on ${prop.name}.`);
  const taken = new Set([...options.map((x) => x.id), ...out.newOptions.map((n) => n.option.id)]);
  const color = o.color === undefined ? 'default' : expectOneOf(o.color, `${path}.color`, SELECT_COLORS);
  const option: StoredOption = { id: ctx.ids.propertyId(taken), name, color, description: null };
  out.newOptions.push({ propertyId: prop.id, option });
  return option.id;
}

/** Validates a `{start, end?, time_zone?}` date value. */
export function parseDate(raw: unknown, path: string): StoredDate {
  const o = expectObject(raw, path);
  const start = expectString(o.start, `${path}.start`);
  if (!ISO_DATE.test(start) || Number.isNaN(Date.parse(start)))
    throw failed(`${path}.start`, 'should be a valid ISO 8601 date string', start);
  const end = optionalString(o.end, `${path}.end`) ?? null;
  if (end !== null && (!ISO_DATE.test(end) || Number.isNaN(Date.parse(end))))
    throw failed(`${path}.end`, 'should be a valid ISO 8601 date string', end);
  const timeZone = optionalString(o.time_zone, `${path}.time_zone`) ?? null;
  return { start, end, time_zone: timeZone };
}

function parseFile(raw: unknown, path: string): StoredFile {
  const f = expectObject(raw, path);
  const name = expectString(f.name, `${path}.name`, 100);
  if (!isObject(f.external)) throw failed(`${path}.external`, 'should be defined (the sandbox stores external files only)', f.external);
  return { name, url: expectString(f.external.url, `${path}.external.url`, VALUE_LIMITS.url) };
}
