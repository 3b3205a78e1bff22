import type { DataPath } from '../diagnostics';

/**
 * Turns an ajv `instancePath` (a JSON pointer) into a data path. A segment is a number only
 * where the data holds a list, so a mapping key such as `"2026"` stays a string.
 */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return path;
}

/** The value at `path` in plain data, or `undefined`. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** The location pattern used by the generated `allowedKeys` table: list indexes become `[]`. */
export function locationPattern(path: DataPath): string {
  return path.map((segment) => (typeof segment === 'number' ? '/[]' : `/${segment}`)).join('');
}

/** A YAML mapping as plain data: an object that is not a list. */
import { isRecord } from '../util/is-record';

export { isRecord };
