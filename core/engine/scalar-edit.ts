import type { Document, Node } from 'yaml';
import { isMap, isScalar, isSeq } from '../parse/yaml-library';
import type { DataPath, Range } from '../diagnostics';
import type { LocateTarget } from '../parse/locate';
import { fastData } from '../parse/fast-data';

/**
 * The lines of a file that hold one plain scalar as a mapping's value (`current: 72.5`), with
 * its data path: what lets the editor apply the most common edit, a number or word changed on
 * one line, without reading the whole file again. Built once from a file's yaml Document and
 * still valid after such an edit, which moves no line.
 */
export interface ScalarLines {
  /** The text the lines were read from, or last patched into. */
  text: string;
  byLine: Map<number, DataPath>;
  /** The same, the other way round: `JSON.stringify(path)` → line. */
  lineOfPath: Map<string, number>;
}

/** `indent key: value`, the value plain and unremarkable (no quotes, flow, comment, anchor, tag or sequence dash). */
const PLAIN_PAIR = /^( *)([A-Za-z_][A-Za-z0-9_]*): (-?[0-9.][0-9A-Za-z_.+-]*|[A-Za-z_][A-Za-z0-9_.+/ -]*[A-Za-z0-9_.+/-]|[A-Za-z_])$/;

export function scalarLinesOf(document: Document.Parsed, text: string): ScalarLines {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const byLine = new Map<number, DataPath>();
  const lineOfPath = new Map<string, number>();
  const walk = (node: Node | null | undefined, path: DataPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || typeof key.value !== 'string') continue;
        const value = pair.value as Node | null;
        if (isScalar(value) && value.type === 'PLAIN' && value.range && key.range && lineOf(key.range[0]) === lineOf(value.range[0])) {
          const line = lineOf(value.range[0]);
          byLine.set(line, [...path, key.value]);
          lineOfPath.set(JSON.stringify([...path, key.value]), line);
        } else {
          walk(value, [...path, key.value]);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, [...path, i]));
    }
  };
  walk(document.contents as Node | null, []);
  return { text, byLine, lineOfPath };
}

/**
 * Where a value (or its key) of one of the lines is in `lines.text`, read off the line itself,
 * or `undefined`: the caller then parses the file for positions. What a diagnostic on a KR's
 * `kpi:` needs while its value is being typed, without parsing 60 KB for each keystroke.
 */
export function scalarRange(lines: ScalarLines, path: DataPath, target: LocateTarget = 'value'): Range | undefined {
  const line = lines.lineOfPath.get(JSON.stringify(path));
  if (line === undefined) return undefined;
  const { text } = lines;
  let start = 0;
  for (let n = 0; n < line; n++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const pair = PLAIN_PAIR.exec(text.slice(start, lineEndOf(text, start)));
  if (!pair) return undefined;
  const indent = pair[1].length;
  const keyEnd = indent + pair[2].length;
  if (target === 'key') return { start: { line, character: indent }, end: { line, character: keyEnd } };
  return { start: { line, character: keyEnd + 2 }, end: { line, character: keyEnd + 2 + pair[3].length } };
}

/** What one plain scalar reads as, exactly as the whole file's parse would read it. */
function scalarValue(source: string): { value: unknown } | undefined {
  const data = fastData(`v: ${source}\n`);
  return data && Object.keys(data).length === 1 ? { value: data.v } : undefined;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

/** `data` with the value at `path` replaced, sharing everything off the path (the old data is left as it was). */
function withValueAt(data: unknown, path: DataPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const copy = (Array.isArray(data) ? [...data] : { ...(data as object) }) as Record<string | number, unknown>;
  copy[key] = withValueAt(copy[key], rest, value);
  return copy;
}

/**
 * The data of `newText` when it differs from `lines.text` only in one plain scalar value of
 * one line that `lines` knows (a mapping's value, same key, same indentation), else
 * `undefined`: the caller then parses the file whole. `oldData` is the data of `lines.text`.
 */
export function applyScalarEdit(lines: ScalarLines, oldData: unknown, newText: string): unknown {
  const oldText = lines.text;
  let start = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  if (start === oldText.length && start === newText.length) return oldData;
  const lineStart = oldText.lastIndexOf('\n', start - 1) + 1;
  const oldEnd = lineEndOf(oldText, lineStart);
  const newEnd = lineEndOf(newText, lineStart);
  // Everything after the line must be the same: one line changed, no line added or removed.
  if (oldText.length - oldEnd !== newText.length - newEnd || oldText.slice(oldEnd) !== newText.slice(newEnd)) return undefined;
  const before = PLAIN_PAIR.exec(oldText.slice(lineStart, oldEnd));
  const after = PLAIN_PAIR.exec(newText.slice(lineStart, newEnd));
  if (!before || !after || before[1] !== after[1] || before[2] !== after[2]) return undefined;
  let line = 0;
  for (let i = oldText.indexOf('\n'); i >= 0 && i < lineStart; i = oldText.indexOf('\n', i + 1)) line++;
  const path = lines.byLine.get(line);
  if (!path || path[path.length - 1] !== before[2]) return undefined;
  const was = scalarValue(before[3]);
  const now = scalarValue(after[3]);
  // The old value must be where the map says: a check that the lines still describe the data.
  if (!was || !now || !Object.is(valueAt(oldData, path), was.value)) return undefined;
  return withValueAt(oldData, path, now.value);
}

function lineEndOf(text: string, lineStart: number): number {
  const end = text.indexOf('\n', lineStart);
  return end < 0 ? text.length : end;
}
