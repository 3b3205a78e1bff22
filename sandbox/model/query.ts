import type { RichTextItemResponse } from '@notionhq/client';
import { validationError } from './errors';
import { normalizeId } from './ids';
import { findProperty } from './properties';
import { plainText } from './rich-text';
import type { StoredDataSource, StoredDate, StoredOption, StoredPage, StoredProperty, StoredValue } from './types';
import { expectArray, expectObject, expectOneOf, failed, isObject, type JsonObject } from './validate-body';

/** A compiled filter: true when a row matches. */
export type RowPredicate = (page: StoredPage) => boolean;
/** A compiled sort: negative when `a` comes first. */
export type RowComparator = (a: StoredPage, b: StoredPage) => number;

/** What a predicate may need besides the row. */
export interface QueryContext {
  /** Current time in ms, for relative dates (`today`, `past_week`). */
  now: number;
  /** The integration's user id, for `people.contains: "me"`. */
  botId: string;
}

const MAX_COMPOUND_DEPTH = 2;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------
// Filters

/**
 * Validates a data source query `filter` and compiles it. Property filters name
 * a property by name or id; compound filters nest at most two levels, as in Notion.
 */
export function compileFilter(raw: unknown, ds: StoredDataSource, ctx: QueryContext, path = 'body.filter', depth = 0): RowPredicate {
  const f = expectObject(raw, path);
  if ('and' in f || 'or' in f) {
    const op = 'and' in f ? 'and' : 'or';
    if (depth >= MAX_COMPOUND_DEPTH)
      throw failed(`${path}.${op}`, 'should be not present: compound filters nest at most two levels', f[op]);
    const parts = expectArray(f[op], `${path}.${op}`, 100).map((p, i) => compileFilter(p, ds, ctx, `${path}.${op}[${i}]`, depth + 1));
    return op === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
  }
  if (f.timestamp !== undefined) {
    const ts = expectOneOf(f.timestamp, `${path}.timestamp`, ['created_time', 'last_edited_time'] as const);
    const cond = expectObject(f[ts], `${path}.${ts}`);
    const test = compileDate(cond, `${path}.${ts}`, ctx);
    return (row) => test(isoDate(row[ts]));
  }
  if (f.property === undefined) throw failed(`${path}.property`, 'should be defined', undefined);
  if (typeof f.property !== 'string') throw failed(`${path}.property`, 'should be a string', f.property);
  const prop = findProperty(ds, f.property);
  if (!prop) throw validationError(`Could not find property with name or id: ${f.property}`);
  return compilePropertyFilter(prop, f, path, ctx);
}

function compilePropertyFilter(prop: StoredProperty, f: JsonObject, path: string, ctx: QueryContext): RowPredicate {
  const type = prop.config.type;
  // Notion lets text-like properties be filtered with any text condition key.
  const textKeys = ['title', 'rich_text', 'url', 'email', 'phone_number'];
  const key = (textKeys.includes(type) ? textKeys.find((k) => k in f) : undefined) ?? type;
  if (!isObject(f[key])) throw failed(`${path}.${type}`, 'should be defined', undefined);
  const cond = f[key] as JsonObject;
  const p = `${path}.${key}`;
  const value = (row: StoredPage): StoredValue | undefined => row.properties[prop.id];
  switch (prop.config.type) {
    case 'title':
    case 'rich_text':
    case 'url':
    case 'email':
    case 'phone_number': {
      const test = compileText(cond, p);
      return (row) => test(textOf(value(row)));
    }
    case 'number':
    case 'unique_id': {
      const test = compileNumber(cond, p);
      return (row) => test(typeof value(row) === 'number' ? (value(row) as number) : null);
    }
    case 'checkbox': {
      const [op, arg] = single(cond, p, ['equals', 'does_not_equal']);
      if (typeof arg !== 'boolean') throw failed(`${p}.${op}`, 'should be a boolean', arg);
      return (row) => ((value(row) === true) === arg) === (op === 'equals');
    }
    case 'select':
    case 'status': {
      const options = prop.config.options;
      const test = compileSelect(cond, p);
      return (row) => test(optionName(options, value(row)));
    }
    case 'multi_select': {
      const options = prop.config.options;
      const test = compileContains(cond, p, (v) => (typeof v === 'string' ? v : null));
      return (row) => test(asIds(value(row)).map((id) => optionName(options, id) ?? ''));
    }
    case 'people': {
      const test = compileContains(cond, p, (v) => (v === 'me' ? ctx.botId : normalizeId(v)));
      return (row) => test(asIds(value(row)));
    }
    case 'relation': {
      const test = compileContains(cond, p, (v) => normalizeId(v));
      return (row) => test(asIds(value(row)));
    }
    case 'date': {
      const test = compileDate(cond, p, ctx);
      return (row) => test((value(row) as StoredDate | null | undefined) ?? null);
    }
    case 'created_time':
    case 'last_edited_time': {
      const field = prop.config.type;
      const test = compileDate(cond, p, ctx);
      return (row) => test(isoDate(row[field]));
    }
    case 'created_by':
    case 'last_edited_by': {
      const field = prop.config.type;
      const test = compileContains(cond, p, (v) => (v === 'me' ? ctx.botId : normalizeId(v)));
      return (row) => test([row[field]]);
    }
    case 'files': {
      const [op] = single(cond, p, ['is_empty', 'is_not_empty']);
      return (row) => (asIds(value(row)).length === 0) === (op === 'is_empty');
    }
    default:
      throw validationError(`The sandbox cannot filter on ${prop.config.type} property ${prop.name}.`);
  }
}

/** Exactly one condition key from `allowed`; returns it and its argument. */
function single(cond: JsonObject, path: string, allowed: readonly string[]): [string, unknown] {
  const keys = Object.keys(cond);
  if (keys.length !== 1 || !allowed.includes(keys[0]))
    throw failed(path, `should have exactly one of ${allowed.map((a) => `\`${a}\``).join(', ')}`, cond);
  const op = keys[0];
  if ((op === 'is_empty' || op === 'is_not_empty') && cond[op] !== true) throw failed(`${path}.${op}`, 'should be `true`', cond[op]);
  return [op, cond[op]];
}

function compileText(cond: JsonObject, path: string): (text: string) => boolean {
  const [op, arg] = single(cond, path, [
    'equals',
    'does_not_equal',
    'contains',
    'does_not_contain',
    'starts_with',
    'ends_with',
    'is_empty',
    'is_not_empty',
  ]);
  if (op === 'is_empty') return (t) => t === '';
  if (op === 'is_not_empty') return (t) => t !== '';
  if (typeof arg !== 'string') throw failed(`${path}.${op}`, 'should be a string', arg);
  const needle = arg.toLowerCase();
  switch (op) {
    case 'equals':
      return (t) => t === arg;
    case 'does_not_equal':
      return (t) => t !== arg;
    case 'contains':
      return (t) => t.toLowerCase().includes(needle);
    case 'does_not_contain':
      return (t) => !t.toLowerCase().includes(needle);
    case 'starts_with':
      return (t) => t.toLowerCase().startsWith(needle);
    default:
      return (t) => t.toLowerCase().endsWith(needle);
  }
}

function compileNumber(cond: JsonObject, path: string): (n: number | null) => boolean {
  const [op, arg] = single(cond, path, [
    'equals',
    'does_not_equal',
    'greater_than',
    'less_than',
    'greater_than_or_equal_to',
    'less_than_or_equal_to',
    'is_empty',
    'is_not_empty',
  ]);
  if (op === 'is_empty') return (n) => n === null;
  if (op === 'is_not_empty') return (n) => n !== null;
  if (typeof arg !== 'number') throw failed(`${path}.${op}`, 'should be a number', arg);
  const cmp: Record<string, (n: number) => boolean> = {
    equals: (n) => n === arg,
    does_not_equal: (n) => n !== arg,
    greater_than: (n) => n > arg,
    less_than: (n) => n < arg,
    greater_than_or_equal_to: (n) => n >= arg,
    less_than_or_equal_to: (n) => n <= arg,
  };
  // An empty number only matches does_not_equal, as in Notion's UI.
  return (n) => (n === null ? op === 'does_not_equal' : cmp[op](n));
}

function compileSelect(cond: JsonObject, path: string): (name: string | null) => boolean {
  const [op, arg] = single(cond, path, ['equals', 'does_not_equal', 'is_empty', 'is_not_empty']);
  if (op === 'is_empty') return (n) => n === null;
  if (op === 'is_not_empty') return (n) => n !== null;
  const names = Array.isArray(arg) ? arg : [arg];
  if (names.length === 0 || names.some((n) => typeof n !== 'string'))
    throw failed(`${path}.${op}`, 'should be a string or an array of strings', arg);
  return op === 'equals' ? (n) => n !== null && names.includes(n) : (n) => n === null || !names.includes(n);
}

function compileContains(cond: JsonObject, path: string, normalize: (v: unknown) => string | null): (values: string[]) => boolean {
  const [op, arg] = single(cond, path, ['contains', 'does_not_contain', 'is_empty', 'is_not_empty']);
  if (op === 'is_empty') return (vs) => vs.length === 0;
  if (op === 'is_not_empty') return (vs) => vs.length > 0;
  const needle = normalize(arg);
  if (needle === null) throw failed(`${path}.${op}`, 'should be a valid value', arg);
  return op === 'contains' ? (vs) => vs.includes(needle) : (vs) => !vs.includes(needle);
}

const RELATIVE_DAYS: Record<string, number> = {
  today: 0,
  tomorrow: 1,
  yesterday: -1,
  one_week_ago: -7,
  one_week_from_now: 7,
  one_month_ago: -30,
  one_month_from_now: 30,
};

/** Date conditions. A date-only argument compares whole UTC days; a date-time compares instants. */
function compileDate(cond: JsonObject, path: string, ctx: QueryContext): (d: StoredDate | null) => boolean {
  const ops = [
    'equals',
    'before',
    'after',
    'on_or_before',
    'on_or_after',
    'is_empty',
    'is_not_empty',
    'past_week',
    'past_month',
    'past_year',
    'this_week',
    'next_week',
    'next_month',
    'next_year',
  ];
  const [op, arg] = single(cond, path, ops);
  if (op === 'is_empty') return (d) => d === null;
  if (op === 'is_not_empty') return (d) => d !== null;
  const today = Math.floor(ctx.now / DAY) * DAY;
  const windows: Record<string, [number, number]> = {
    past_week: [today - 7 * DAY, today + DAY],
    past_month: [today - 30 * DAY, today + DAY],
    past_year: [today - 365 * DAY, today + DAY],
    this_week: [today - ((new Date(today).getUTCDay() + 6) % 7) * DAY, today - ((new Date(today).getUTCDay() + 6) % 7) * DAY + 7 * DAY],
    next_week: [today, today + 8 * DAY],
    next_month: [today, today + 31 * DAY],
    next_year: [today, today + 366 * DAY],
  };
  if (op in windows) {
    if (!isObject(arg) || Object.keys(arg).length > 0) throw failed(`${path}.${op}`, 'should be an empty object', arg);
    const [from, to] = windows[op];
    return (d) => d !== null && startMs(d) >= from && startMs(d) < to;
  }
  let bound: number;
  let dayOnly: boolean;
  if (typeof arg === 'string' && arg in RELATIVE_DAYS) {
    bound = today + RELATIVE_DAYS[arg] * DAY;
    dayOnly = true;
  } else {
    if (typeof arg !== 'string' || Number.isNaN(Date.parse(arg)))
      throw failed(`${path}.${op}`, 'should be a valid ISO 8601 date string', arg);
    dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(arg);
    bound = Date.parse(dayOnly ? `${arg}T00:00:00Z` : arg);
  }
  const at = (d: StoredDate) => (dayOnly ? Math.floor(startMs(d) / DAY) * DAY : startMs(d));
  const cmp: Record<string, (v: number) => boolean> = {
    equals: (v) => v === bound,
    before: (v) => v < bound,
    after: (v) => v > bound,
    on_or_before: (v) => v <= bound,
    on_or_after: (v) => v >= bound,
  };
  return (d) => d !== null && cmp[op](at(d));
}

function startMs(d: StoredDate): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(d.start) ? `${d.start}T00:00:00Z` : d.start);
}

function isoDate(ms: number): StoredDate {
  return { start: new Date(ms).toISOString(), end: null, time_zone: null };
}

function textOf(v: StoredValue | undefined): string {
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? plainText(v as RichTextItemResponse[]) : '';
}

function asIds(v: StoredValue | undefined): string[] {
  return Array.isArray(v) ? (v as string[]) : [];
}

function optionName(options: StoredOption[], v: StoredValue | undefined): string | null {
  return typeof v === 'string' ? (options.find((o) => o.id === v)?.name ?? null) : null;
}

// ---------------------------------------------------------------------------
// Sorts

/**
 * Validates `sorts` and compiles them. Earlier sorts win; empty values sort
 * last in either direction; creation order breaks the remaining ties.
 */
export function compileSorts(raw: unknown, ds: StoredDataSource): RowComparator {
  const list = raw === undefined ? [] : expectArray(raw, 'body.sorts', 100);
  const parts = list.map((s, i): RowComparator => {
    const path = `body.sorts[${i}]`;
    const sort = expectObject(s, path);
    const direction = expectOneOf(sort.direction, `${path}.direction`, ['ascending', 'descending'] as const) === 'ascending' ? 1 : -1;
    if (sort.timestamp !== undefined) {
      const ts = expectOneOf(sort.timestamp, `${path}.timestamp`, ['created_time', 'last_edited_time'] as const);
      return (a, b) => direction * (a[ts] - b[ts]);
    }
    if (typeof sort.property !== 'string') throw failed(`${path}.property`, 'should be defined', sort.property);
    const prop = findProperty(ds, sort.property);
    if (!prop) throw validationError(`Could not find sort property with name or id: ${sort.property}`);
    const key = sortKey(prop);
    return (a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
      return direction * (typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb)));
    };
  });
  return (a, b) => {
    for (const part of parts) {
      const c = part(a, b);
      if (c !== 0) return c;
    }
    return a.seq - b.seq;
  };
}

function sortKey(prop: StoredProperty): (row: StoredPage) => string | number | null {
  const c = prop.config;
  const v = (row: StoredPage) => row.properties[prop.id];
  switch (c.type) {
    case 'number':
    case 'unique_id':
      return (row) => (typeof v(row) === 'number' ? (v(row) as number) : null);
    case 'checkbox':
      return (row) => (v(row) === true ? 1 : 0);
    case 'select':
    case 'status':
      // Options sort in schema order, like Notion's board columns.
      return (row) => {
        const i = c.options.findIndex((o) => o.id === v(row));
        return i < 0 ? null : i;
      };
    case 'date':
      return (row) => (v(row) ? startMs(v(row) as StoredDate) : null);
    case 'created_time':
    case 'last_edited_time': {
      const field = c.type;
      return (row) => row[field];
    }
    default:
      return (row) => {
        const t = textOf(v(row));
        return t === '' ? null : t;
      };
  }
}

// ---------------------------------------------------------------------------
// Pagination

/** One page of results plus the cursor for the next. */
export interface PageSlice<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
  /** Set when a capped query stopped early (Notion's 10,000-row limit). */
  incomplete: boolean;
}

/**
 * Slices `items` from `startCursor`. Cursors are opaque strings encoding the
 * offset and the id expected there; when the list changed under the cursor the
 * id wins, so an insert or delete between calls neither repeats nor skips.
 */
export function paginate<T extends { id: string }>(items: T[], startCursor: unknown, pageSize: number, limit = Infinity): PageSlice<T> {
  let start = 0;
  if (startCursor !== undefined && startCursor !== null) {
    const decoded = decodeCursor(startCursor);
    if (!decoded) throw validationError(`The start_cursor provided is invalid: ${String(startCursor)}`);
    const byId = items.findIndex((i) => i.id === decoded.id);
    start = byId >= 0 ? byId : Math.min(decoded.offset, items.length);
  }
  const end = Math.min(start + pageSize, items.length, limit);
  const results = items.slice(start, end);
  const more = end < items.length;
  const capped = more && end >= limit;
  const next = more && !capped ? encodeCursor(end, items[end].id) : null;
  return { results, next_cursor: next, has_more: next !== null, incomplete: capped };
}

function encodeCursor(offset: number, id: string): string {
  return Buffer.from(JSON.stringify({ o: offset, i: id })).toString('base64url');
}

function decodeCursor(raw: unknown): { offset: number; id: string } | null {
  if (typeof raw !== 'string' || raw.length > 500) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (isObject(v) && typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 && typeof v.i === 'string')
      return { offset: v.o, id: v.i };
  } catch {
    return null;
  }
  return null;
}
