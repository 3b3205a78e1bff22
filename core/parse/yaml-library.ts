import type * as Yaml from 'yaml';
import type { Alias, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

let loaded: typeof Yaml | undefined;

/**
 * The yaml library, loaded on first use. Clean files are read by the fast reader and never need
 * it, and loading it was a tenth of a trivial `okra validate`'s start-up.
 */
export function yamlLibrary(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when a file needs positions
  return (loaded ??= require('yaml') as typeof Yaml);
}

export function isMap<K = unknown, V = unknown>(node: unknown): node is YAMLMap<K, V> {
  return yamlLibrary().isMap(node);
}

export function isSeq<T = unknown>(node: unknown): node is YAMLSeq<T> {
  return yamlLibrary().isSeq(node);
}

export function isScalar<T = unknown>(node: unknown): node is Scalar<T> {
  return yamlLibrary().isScalar(node);
}

export function isPair<K = unknown, V = unknown>(node: unknown): node is Pair<K, V> {
  return yamlLibrary().isPair(node);
}

export function isAlias(node: unknown): node is Alias {
  return yamlLibrary().isAlias(node);
}

export type { Node };
