import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { DataPath } from '../diagnostics';
import type { ParsedFile } from '../parse/parse-file';

/** What is under the cursor in a file's data. */
export interface PathAt {
  /** The data path of the key or value under the cursor, e.g. `['objectives', 0, 'key_results', 1, 'kpi']`. */
  path: DataPath;
  /** On a mapping's key, or on a value (a mapping's value or a list item). */
  on: 'key' | 'value';
  /**
   * Offsets of the scalar's text under the cursor, quotes excluded. For a value not typed yet
   * (`kpi: ` with nothing after it) both are the cursor's offset.
   */
  start: number;
  end: number;
  /** The scalar's text between `start` and `end`, as written ('' when there is none yet). */
  text: string;
}

type Range3 = readonly [number, number, number] | null | undefined;

/** The scalar's text span, without the quotes of a quoted scalar. */
export function scalarSpan(node: Scalar | Node, text: string): [number, number] | undefined {
  const range = (node as { range?: Range3 }).range;
  if (!range) return undefined;
  let [start, end] = [range[0], range[1]];
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
    const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
    if (text[start] === quote) start++;
    // An unclosed quote (the user is typing) has no closing character to drop.
    if (end > start && text[end - 1] === quote) end--;
  }
  return [start, Math.max(start, end)];
}

const inside = (span: [number, number] | undefined, offset: number): span is [number, number] =>
  span !== undefined && span[0] <= offset && offset <= span[1];

function hit(path: DataPath, on: 'key' | 'value', [start, end]: [number, number], text: string): PathAt {
  return { path, on, start, end, text: text.slice(start, end) };
}

/** A value not typed yet: `kpi:` or `kpi: ` with the cursor after the colon, on the key's line. */
function emptyValueAt(pair: Pair<unknown, unknown>, offset: number, text: string): boolean {
  const value = pair.value as Node | null;
  if (value !== null && !(isScalar(value) && value.value === null && value.range && value.range[0] === value.range[1])) return false;
  const keyEnd = (pair.key as { range?: Range3 } | null)?.range?.[1];
  if (keyEnd === undefined || offset <= keyEnd) return false;
  return /^[ \t]*:[ \t]*$/.test(text.slice(keyEnd, offset));
}

function keyName(key: unknown): string | undefined {
  if (isScalar(key) && key.value !== null && typeof key.value !== 'object') return String(key.value);
  return undefined;
}

function inCollection(node: Node, path: DataPath, offset: number, text: string): PathAt | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyName(pair.key);
      if (name === undefined) continue;
      const keySpan = scalarSpan(pair.key as Scalar, text);
      if (inside(keySpan, offset)) return hit([...path, name], 'key', keySpan, text);
      const value = pair.value as Node | null;
      const here = [...path, name];
      if (value !== null && (isMap(value) || isSeq(value))) {
        const found = inCollection(value, here, offset, text);
        if (found) return found;
      } else if (value !== null && (isScalar(value) || isAlias(value))) {
        const span = scalarSpan(value, text);
        if (inside(span, offset)) return hit(here, 'value', span, text);
      }
      if (emptyValueAt(pair as Pair<unknown, unknown>, offset, text)) return hit(here, 'value', [offset, offset], text);
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node | null;
      if (item === null) continue;
      if (isMap(item) || isSeq(item)) {
        const found = inCollection(item, [...path, i], offset, text);
        if (found) return found;
      } else {
        const span = scalarSpan(item, text);
        if (inside(span, offset)) return hit([...path, i], 'value', span, text);
      }
    }
    // Between the items of a flow list (`[tomas-novak, |]`): the item about to be typed.
    const range = node.range;
    if (node.flow && range && range[0] < offset && offset < range[1]) {
      const index = node.items.filter((item) => ((item as { range?: Range3 } | null)?.range?.[0] ?? Infinity) < offset).length;
      const before = text.slice(range[0], offset);
      if (/[[,][ \t]*$/.test(before)) return hit([...path, index], 'value', [offset, offset], text);
    }
  }
  return undefined;
}

/**
 * The data path at `offset` in `file` and whether the cursor is on a key or a value. Works on
 * incomplete YAML: a line `    kpi: ` with nothing after it gives the `kpi` path and an empty
 * value at the cursor; so does a new `- ` item of a list. `undefined` when the cursor is on no
 * key or value (a comment, blank space, a key being typed).
 */
export function pathAt(file: ParsedFile, offset: number): PathAt | undefined {
  const doc = file.document();
  const contents = doc?.contents as Node | null | undefined;
  if (!contents) return undefined;
  if (isMap(contents) || isSeq(contents)) return inCollection(contents, [], offset, file.text);
  const span = scalarSpan(contents, file.text);
  return inside(span, offset) ? hit([], 'value', span, file.text) : undefined;
}
