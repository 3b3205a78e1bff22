import type { Range } from '../diagnostics';
import { isRecord } from '../util/is-record';

/**
 * Where each mapping key of a file is, read off its lines without a YAML parser: what places an
 * unknown key's diagnostic in a pasted file of 20,000 keys without composing a yaml Document of
 * it (most of a check's time). Only plain block YAML is read (`key: value`, `- key: value`,
 * `- value`, comments); a file with anything else (flow collections, quotes, anchors, tags,
 * block or multi-line scalars, tabs, CR) gives `undefined`, and so does one whose lines do not
 * describe exactly `data`'s keys in order: the caller then parses the file with positions.
 * Keys are `JSON.stringify(path)` of the key's data path.
 */
export function blockKeyRanges(text: string, data: unknown): Map<string, Range> | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const ranges = new Map<string, Range>();
  const containers: Container[] = [];
  const stack: Container[] = [];
  /** The key (or item) of the innermost container whose value is still to come on later lines. */
  let pending: { container: Container; segment: string | number } | undefined;
  const open = (type: Container['type'], indent: number): Container | undefined => {
    let path: Array<string | number>;
    if (stack.length === 0) {
      if (containers.length > 0) return undefined;
      path = [];
    } else {
      if (!pending || pending.container !== stack[stack.length - 1]) return undefined;
      path = [...pending.container.path, pending.segment];
    }
    const container: Container = { type, indent, path, keys: [], seen: new Set(), items: 0 };
    containers.push(container);
    stack.push(container);
    pending = undefined;
    return container;
  };
  /** A `key: value` at `column` of `line`, in the mapping at that column (opened when needed). */
  const entry = (line: number, column: number, rest: string): boolean => {
    const match = KEY.exec(rest);
    if (!match || NOT_STRING_KEYS.has(match[1])) return false;
    let map = stack[stack.length - 1];
    if (!map || map.indent !== column || map.type !== 'map') {
      if (map && map.indent >= column) return false;
      const opened = open('map', column);
      if (!opened) return false;
      map = opened;
    }
    const key = match[1];
    // A repeated key: the parser would report it, and the index could not say which one is meant.
    if (map.seen.has(key)) return false;
    map.seen.add(key);
    map.keys.push(key);
    ranges.set(JSON.stringify([...map.path, key]), { start: { line, character: column }, end: { line, character: column + key.length } });
    const value = rest.slice(match[0].length).trimStart();
    if (value === '' || value.startsWith('#')) pending = { container: map, segment: key };
    else if (!plainValue(value)) return false;
    else pending = undefined;
    return true;
  };

  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const raw = lines[line];
    const column = raw.length - raw.trimStart().length;
    const content = raw.slice(column);
    if (content === '' || content.startsWith('#')) continue;
    const isItem = content === '-' || content.startsWith('- ');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      // A sequence at its key's own column ends at the next key of that mapping.
      if (top.indent > column || (top.indent === column && top.type === 'seq' && !isItem)) {
        stack.pop();
        if (pending?.container === top) pending = undefined;
      } else break;
    }
    if (!isItem) {
      if (!entry(line, column, content)) return undefined;
      continue;
    }
    let seq = stack[stack.length - 1];
    if (!seq || seq.type !== 'seq' || seq.indent !== column) {
      const opened = open('seq', column);
      if (!opened) return undefined;
      seq = opened;
    }
    const index = seq.items++;
    const after = content.slice(1);
    const value = after.trimStart();
    if (value === '' || value.startsWith('#')) return undefined;
    const valueColumn = column + 1 + (after.length - value.length);
    if (KEY.test(value)) {
      pending = { container: seq, segment: index };
      if (!entry(line, valueColumn, value)) return undefined;
    } else if (!plainValue(value) || value.startsWith('- ') || value === '-') return undefined;
    else pending = undefined;
  }
  return containers.every((c) => describes(c, data)) ? ranges : undefined;
}

interface Container {
  type: 'map' | 'seq';
  /** The column of its keys, or of its dashes. */
  indent: number;
  path: Array<string | number>;
  keys: string[];
  seen: Set<string>;
  items: number;
}

/** `key:` followed by the end of the line or a space; keys that read as strings only. */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/;
/** Identifier-like keys YAML reads as something else than a string. */
const NOT_STRING_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** A one-line plain scalar: no indicator that starts a quote, flow collection, anchor, tag or block scalar. */
function plainValue(value: string): boolean {
  return !/^[[\]{}&*!|>'"%@`]/.test(value) && !/ #|: |:$/.test(value.replace(/ #.*$/, ''));
}

/** Whether a container the lines described holds exactly the keys (in order) or items of the data there. */
function describes(container: Container, data: unknown): boolean {
  let node = data;
  for (const segment of container.path) node = (node as Record<string | number, unknown> | undefined)?.[segment];
  if (container.type === 'seq') return Array.isArray(node) && node.length === container.items;
  if (!isRecord(node)) return false;
  const keys = Object.keys(node);
  return keys.length === container.keys.length && keys.every((k, i) => k === container.keys[i]);
}
