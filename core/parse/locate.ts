import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from './yaml-library';
import type { DataPath, Position, Range } from '../diagnostics';

/** Where in a node a diagnostic belongs: the value itself, or the key that holds it. */
export type LocateTarget = 'value' | 'key';

interface Found {
  node: Node | null;
  /** The pair whose value is `node`, when it sits in a mapping. */
  pair?: Pair<unknown, unknown>;
  /** How many path segments were found; fewer than the path's length means a parent. */
  depth: number;
}

/** Mappings longer than this get an index: a linear search per key is quadratic over many keys. */
const INDEXED_FROM = 16;
const mapIndexes = new WeakMap<YAMLMap, { size: number; pairs: Map<string, Pair<unknown, unknown>> }>();

function keyIndex(node: YAMLMap): Map<string, Pair<unknown, unknown>> {
  const cached = mapIndexes.get(node);
  if (cached && cached.size === node.items.length) return cached.pairs;
  const pairs = new Map<string, Pair<unknown, unknown>>();
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    // The first of duplicate keys wins, as a search from the top would find it.
    if (isScalar(pair.key) && !pairs.has(String(pair.key.value))) pairs.set(String(pair.key.value), pair);
  }
  mapIndexes.set(node, { size: node.items.length, pairs });
  return pairs;
}

function findInMap(node: Node, key: string | number): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  if (node.items.length >= INDEXED_FROM) return keyIndex(node).get(String(key));
  return node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key)) as Pair<unknown, unknown> | undefined;
}

/** Walks `path` as far as the document goes. */
export function findNode(doc: Document, path: DataPath): Found {
  let node = doc.contents as Node | null;
  let pair: Pair<unknown, unknown> | undefined;
  let depth = 0;
  for (const segment of path) {
    if (node === null) break;
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) break;
      node = item;
      pair = undefined;
    } else {
      const found = findInMap(node, segment);
      if (found === undefined) break;
      pair = found;
      node = (found.value as Node | null) ?? null;
      if (node === null) {
        depth++;
        break;
      }
    }
    depth++;
  }
  return { node, pair, depth };
}

function nodeRange(node: { range?: [number, number, number] | null } | null | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/**
 * A collection spans many lines; a squiggle over all of them helps nobody. Point at the key
 * that names it, else at its `id` pair, else at its first key.
 */
function collectionHead(node: Node): [number, number] | undefined {
  if (isMap(node)) {
    const idPair = findInMap(node, 'id');
    if (idPair && isScalar(idPair.key)) {
      const start = nodeRange(idPair.key as Node)?.[0];
      const end = nodeRange(idPair.value as Node)?.[1] ?? nodeRange(idPair.key as Node)?.[1];
      if (start !== undefined && end !== undefined) return [start, end];
    }
    const first = node.items[0];
    if (first && isPair(first)) return nodeRange(first.key as Node);
  }
  if (isSeq(node)) {
    const first = node.items[0] as Node | undefined;
    if (first) return isMap(first) || isSeq(first) ? collectionHead(first) : nodeRange(first);
  }
  return nodeRange(node);
}

/**
 * Offsets of the text a diagnostic about `path` should cover. When the path does not exist,
 * falls back to the nearest existing parent (a missing key is reported on its mapping).
 */
export function locateOffsets(doc: Document, path: DataPath, target: LocateTarget = 'value'): [number, number] {
  const { node, pair, depth } = findNode(doc, path);
  const complete = depth === path.length;
  if (complete && target === 'key' && pair?.key) {
    const keyRange = nodeRange(pair.key as Node);
    if (keyRange) return keyRange;
  }
  if (complete && node !== null && !isMap(node) && !isSeq(node)) {
    const r = nodeRange(node);
    if (r) return r;
  }
  if (complete && node === null && pair?.key) {
    const keyRange = nodeRange(pair.key as Node);
    if (keyRange) return keyRange;
  }
  if (pair?.key && node !== null && (isMap(node) || isSeq(node)) && complete && typeof path[path.length - 1] === 'string') {
    const keyRange = nodeRange(pair.key as Node);
    if (keyRange) return keyRange;
  }
  if (node !== null) {
    const head = collectionHead(node);
    if (head) return head;
  }
  return [0, 0];
}

export function offsetToPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

export function offsetsToRange(lineCounter: LineCounter, [start, end]: [number, number]): Range {
  return { start: offsetToPosition(lineCounter, start), end: offsetToPosition(lineCounter, Math.max(start, end)) };
}
