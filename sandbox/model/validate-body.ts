import { normalizeId } from './ids';
import { validationError, type NotionError } from './errors';

/**
 * Request validation with Notion's message style. Every check takes the dotted
 * path of the value (`body.children[3].paragraph.rich_text`), so the message names
 * the field the caller got wrong, e.g.
 * ``body failed validation: body.children.length should be ≤ `100`, instead was `131`.``
 */

/** A JSON object as parsed from a request. */
export type JsonObject = Record<string, unknown>;

/** Renders a value the way Notion quotes it in messages, kept short. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** Builds the validation error for `path` not meeting `expectation`. */
export function failed(path: string, expectation: string, actual: unknown): NotionError {
  const location = path.split(/[.[]/)[0];
  return validationError(`${location} failed validation: ${path} ${expectation}, instead was \`${showValue(actual)}\`.`);
}

/** Whether the value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Requires a value to be present (not `undefined`). */
export function expectDefined(value: unknown, path: string): void {
  if (value === undefined) throw failed(path, 'should be defined', value);
}

/** Requires an object. */
export function expectObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw failed(path, value === undefined ? 'should be defined' : 'should be an object', value);
  return value;
}

/** Requires an array of at most `max` elements. */
export function expectArray(value: unknown, path: string, max?: number): unknown[] {
  if (!Array.isArray(value)) throw failed(path, value === undefined ? 'should be defined' : 'should be an array', value);
  if (max !== undefined && value.length > max) throw failed(`${path}.length`, `should be ≤ \`${max}\``, value.length);
  return value;
}

/** Requires a string of at most `maxChars` characters. */
export function expectString(value: unknown, path: string, maxChars?: number): string {
  if (typeof value !== 'string') throw failed(path, value === undefined ? 'should be defined' : 'should be a string', value);
  if (maxChars !== undefined && value.length > maxChars) throw failed(`${path}.length`, `should be ≤ \`${maxChars}\``, value.length);
  return value;
}

/** A string, `null`, or absent. */
export function optionalString(value: unknown, path: string, maxChars?: number): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw failed(path, 'should be a string or `null`', value);
  return expectString(value, path, maxChars);
}

/** A boolean or absent. */
export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw failed(path, 'should be a boolean or `undefined`', value);
  return value;
}

/** A finite number or `null`. */
export function expectNumberOrNull(value: unknown, path: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw failed(path, 'should be a number or `null`', value);
  return value;
}

/** One of a fixed set of strings. */
export function expectOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw failed(path, `should be one of ${allowed.map((a) => `\`"${a}"\``).join(', ')}`, value);
  }
  return value as T;
}

/** A uuid with or without dashes, returned in dashed form. */
export function expectId(value: unknown, path: string): string {
  const id = normalizeId(value);
  if (!id) throw failed(path, value === undefined ? 'should be defined' : 'should be a valid uuid', value);
  return id;
}

/** Notion's page_size: an integer from 1 to 100, default 100. */
export function readPageSize(value: unknown, path: string): number {
  if (value === undefined) return 100;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw failed(path, 'should be an integer', value);
  if (n < 1) throw failed(path, 'should be ≥ `1`', n);
  if (n > 100) throw failed(path, 'should be ≤ `100`', n);
  return n;
}
