/**
 * Readers for raw file data. The model keeps whatever a file holds, and schema errors are
 * reported by another layer, so rules look at every field through these and skip what is not
 * the expected type instead of throwing.
 */

import { isRecord } from '../../../util/is-record';

export type Obj = Record<string, unknown>;

/** A mapping (not a list, not null). */
export const isObj = isRecord;

/** The value as a record, or an empty one. */
export function obj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** A non-empty string, or `undefined`. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A finite number, or `undefined`. */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Items of a list that are mappings, with their index (the index keeps data paths right). */
export function* records(value: unknown): Generator<[Obj, number]> {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (isObj(item)) yield [item, i];
  }
}

/** Strings of a list, with their index. */
export function* strings(value: unknown): Generator<[string, number]> {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === 'string' && item.length > 0) yield [item, i];
  }
}

/** A number for a message: no floating-point noise such as 0.30000000000000004. */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** A share as a percentage for a message: 0.845 → "84.5%". */
export function formatPercent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}
