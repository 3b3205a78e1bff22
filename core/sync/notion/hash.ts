import { createHash } from 'node:crypto';
import type { NormalValue, SyncKind } from './types';

/** JSON with object keys sorted, so equal content always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Bumped when the mapping changes in a way that must rewrite every row. */
export const HASH_VERSION = 1;

/**
 * The content hash of a row: kind, values and relations (as okra ids, sorted), so a change in
 * any of them, including a relation target's id, changes the hash. 20 hex digits of SHA-256.
 */
export function rowHash(kind: SyncKind, values: Record<string, NormalValue>, relations: Record<string, readonly string[]>): string {
  const sortedRelations: Record<string, string[]> = {};
  for (const [name, ids] of Object.entries(relations)) sortedRelations[name] = [...ids].sort();
  const text = canonicalJson({ v: HASH_VERSION, kind, values, relations: sortedRelations });
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}
