import { isFullPage } from '@notionhq/client';
import type { PageObjectResponse } from '@notionhq/client';
import { DATABASES, OKRA_HASH, OKRA_ID, type PropertySpec } from '../databases';
import { rowHash } from '../hash';
import { fromRichText, toRichText } from '../rich-text';
import { rowKey, type DateValue, type LocalRow, type NormalValue, type RemoteRow, type SyncKind } from '../types';

/*
 * The one place that knows the SDK's page and property-value shapes. Everything outside the
 * mapper sees okra's normal values (types.ts).
 */

/** Request-form property values (`properties` of pages.create / pages.update). */
export type PropertyValues = Record<string, Record<string, unknown>>;

/** Notion's cap on people and relation items in one request value. */
const MAX_REFERENCES = 100;

/** One normal value in request form. */
export function toPropertyValue(spec: PropertySpec, value: NormalValue | undefined): Record<string, unknown> {
  switch (spec.type) {
    case 'title':
    case 'rich_text':
      return { [spec.type]: toRichText(typeof value === 'string' ? value : '') };
    case 'number':
      return { number: typeof value === 'number' && Number.isFinite(value) ? value : null };
    case 'select':
      return { select: typeof value === 'string' && value !== '' ? { name: value } : null };
    case 'multi_select':
      return { multi_select: (Array.isArray(value) ? value : []).map((name) => ({ name })) };
    case 'date': {
      const date = value as DateValue | null | undefined;
      return { date: date && typeof date === 'object' && 'start' in date ? { start: date.start, end: date.end } : null };
    }
    case 'people':
      return { people: (Array.isArray(value) ? value : []).slice(0, MAX_REFERENCES).map((id) => ({ id })) };
    case 'checkbox':
      return { checkbox: value === true };
    case 'relation':
      return { relation: (Array.isArray(value) ? value : []).slice(0, MAX_REFERENCES).map((id) => ({ id })) };
  }
}

/**
 * The request-form properties of a row: the named value properties (all when `only` is not
 * given), `okra id`, `okra hash` set to `hash`, and relations with their targets as Notion
 * page ids (`relationPageIds`, by property name; relations not given are left out).
 */
export function toProperties(
  row: LocalRow,
  options: { hash: string; relationPageIds?: Record<string, string[]>; only?: readonly string[] },
): PropertyValues {
  const out: PropertyValues = {};
  for (const spec of DATABASES[row.kind].properties) {
    if (spec.name === OKRA_ID) out[spec.name] = toPropertyValue(spec, row.okraId);
    else if (spec.name === OKRA_HASH) out[spec.name] = toPropertyValue(spec, options.hash);
    else if (spec.type === 'relation') {
      const ids = options.relationPageIds?.[spec.name];
      if (ids && (!options.only || options.only.includes(spec.name))) out[spec.name] = toPropertyValue(spec, ids);
    } else if (!options.only || options.only.includes(spec.name)) out[spec.name] = toPropertyValue(spec, row.values[spec.name]);
  }
  return out;
}

/** Builds a LocalRow: the values each kind's mapper computed, made safe for Notion, and its hash. */
export function makeRow(
  kind: SyncKind,
  okraId: string,
  values: Record<string, NormalValue>,
  relations: Record<string, string[]>,
): LocalRow {
  const normal: Record<string, NormalValue> = {};
  for (const spec of DATABASES[kind].properties) {
    if (spec.type === 'relation' || spec.name === OKRA_ID || spec.name === OKRA_HASH) continue;
    normal[spec.name] = normalize(spec, values[spec.name]);
  }
  const rel: Record<string, string[]> = {};
  for (const spec of DATABASES[kind].properties) {
    if (spec.type === 'relation') rel[spec.name] = [...new Set(relations[spec.name] ?? [])].sort().slice(0, MAX_REFERENCES);
  }
  return { kind, okraId, key: rowKey(kind, okraId), values: normal, relations: rel, hash: rowHash(kind, normal, rel) };
}

const MAX_OPTION_NAME = 100;

/** A select option name Notion accepts: no commas, at most 100 characters, not blank. */
export function optionName(text: string): string {
  return text.replace(/,/g, ';').trim().slice(0, MAX_OPTION_NAME).trim();
}

/** A value in exactly the form Notion gives back, so that local and remote values compare equal. */
function normalize(spec: PropertySpec, value: NormalValue | undefined): NormalValue {
  switch (spec.type) {
    case 'title':
    case 'rich_text':
      return fromRichText(toRichText(typeof value === 'string' ? value : '').map((t) => ({ plain_text: t.text.content })));
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'select': {
      const name = typeof value === 'string' ? optionName(value) : '';
      return name === '' ? null : name;
    }
    case 'multi_select':
      return [...new Set((Array.isArray(value) ? value : []).map(optionName).filter((n) => n !== ''))];
    case 'date': {
      const date = value as DateValue | null | undefined;
      return date && typeof date === 'object' && 'start' in date && typeof date.start === 'string'
        ? { start: date.start, end: date.end ?? null }
        : null;
    }
    case 'people':
      return [...new Set(Array.isArray(value) ? value : [])].slice(0, MAX_REFERENCES);
    case 'checkbox':
      return value === true;
    case 'relation':
      return Array.isArray(value) ? value : [];
  }
}

type PagePropertyValue = PageObjectResponse['properties'][string];

/** One property value of a page response in normal form. */
function readValue(spec: PropertySpec, value: PagePropertyValue): NormalValue {
  switch (value.type) {
    case 'title':
      return fromRichText(value.title);
    case 'rich_text':
      return fromRichText(value.rich_text);
    case 'number':
      return value.number;
    case 'select':
      return value.select?.name ?? null;
    case 'multi_select':
      return value.multi_select.map((o) => o.name);
    case 'date':
      return value.date ? { start: value.date.start, end: value.date.end } : null;
    case 'people':
      return value.people.map((u) => u.id);
    case 'checkbox':
      return value.checkbox;
    case 'relation':
      return value.relation.map((r) => r.id);
    default:
      return spec.type === 'checkbox' ? false : null;
  }
}

/**
 * A page of one of okra's databases in okra's terms. Properties are found by id first
 * (`propertyIds`, from the data source schema, so a column renamed in Notion is still read),
 * then by name; ones that are missing or changed type are listed in `missing`.
 * Returns undefined for partial page objects.
 */
export function fromPage(page: unknown, kind: SyncKind, propertyIds: Readonly<Record<string, string>> = {}): RemoteRow | undefined {
  if (!isFullPage(page as PageObjectResponse)) return undefined;
  const full = page as PageObjectResponse;
  const byId = new Map<string, PagePropertyValue>();
  for (const value of Object.values(full.properties)) byId.set(value.id, value);
  const values: Record<string, NormalValue> = {};
  const relations: Record<string, string[]> = {};
  const missing: string[] = [];
  let okraId = '';
  let storedHash = '';
  for (const spec of DATABASES[kind].properties) {
    const id = propertyIds[spec.name];
    const value = (id !== undefined ? byId.get(id) : undefined) ?? full.properties[spec.name];
    if (!value || value.type !== spec.type) {
      missing.push(spec.name);
      continue;
    }
    const normal = readValue(spec, value);
    if (spec.name === OKRA_ID) okraId = typeof normal === 'string' ? normal.trim() : '';
    else if (spec.name === OKRA_HASH) storedHash = typeof normal === 'string' ? normal.trim() : '';
    else if (spec.type === 'relation') relations[spec.name] = Array.isArray(normal) ? (normal as string[]) : [];
    else values[spec.name] = normal;
  }
  return {
    kind,
    pageId: full.id,
    okraId,
    key: okraId ? rowKey(kind, okraId) : '',
    storedHash,
    values,
    relations,
    missing,
    lastEditedTime: full.last_edited_time,
    lastEditedBy: full.last_edited_by?.id,
    createdTime: full.created_time,
    createdBy: full.created_by.id,
    inTrash: full.in_trash,
  };
}
