import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { canonicalJson } from './hash';
import type { PullEdit, PulledCheckIn } from './pull';

/** A text edit: replace `[start, end)` with `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The result of writing pulled edits into one YAML file. */
export interface WriteBack {
  text: string;
  changed: boolean;
  /** `splice` when only the edited lines changed; `document` when the file had to be re-printed by yaml's Document API. */
  method: 'splice' | 'document' | 'none';
  /** Edits whose key result could not be found in the file (the file changed since it was read). */
  missing: string[];
}

const CHECK_IN_KEYS: ReadonlyArray<keyof PulledCheckIn> = ['date', 'value', 'done', 'confidence', 'by', 'note'];

/**
 * Writes pulled edits into a YAML file's text: sets `current` / `confidence` / `done` of each
 * key result and appends its check-in to `check_ins` (creating the key when missing).
 *
 * The file is parsed with yaml's Document API, which finds each node and its offsets; the
 * edits are then made as small text splices, so everything else — comments, blank lines, key
 * order, quoting, flow or block style, indentation — stays byte for byte. The result is parsed
 * again and must give exactly the intended data; if it does not (an unusual layout), the edits
 * are made on the Document instead and the file re-printed by yaml, which still keeps comments
 * and styles but may normalise spacing.
 */
export function writePullEdits(text: string, edits: readonly PullEdit[]): WriteBack {
  if (edits.length === 0) return { text, changed: false, method: 'none', missing: [] };
  const doc = parseDocument(text, { keepSourceTokens: false });
  const expected = parseDocument(text);
  const splices: Splice[] = [];
  const missing: string[] = [];
  let spliceable = doc.errors.length === 0;
  for (const edit of edits) {
    const node = doc.getIn(edit.path, true) as Node | undefined;
    const target = expected.getIn(edit.path, true) as Node | undefined;
    if (!isMap(node) || !isMap(target)) {
      missing.push(edit.okraId);
      continue;
    }
    applyToDocument(expected, target, edit);
    try {
      splices.push(...spliceEdit(text, node, edit));
    } catch {
      spliceable = false;
    }
  }
  const applied = edits.length - missing.length;
  if (applied === 0) return { text, changed: false, method: 'none', missing };
  const want = canonicalJson(expected.toJS());
  if (spliceable) {
    const out = applySplices(text, splices);
    const check = parseDocument(out);
    if (check.errors.length === 0 && canonicalJson(check.toJS()) === want)
      return { text: out, changed: out !== text, method: 'splice', missing };
  }
  const printed = expected.toString();
  return { text: printed, changed: printed !== text, method: 'document', missing };
}

/** The same edit made on the Document's nodes (the fallback, and the reference for the check). */
function applyToDocument(doc: Document, map: YAMLMap, edit: PullEdit): void {
  for (const [key, value] of Object.entries(edit.set)) if (value !== undefined) map.set(key, value);
  const entry = checkInData(edit.checkIn);
  const list = map.get('check_ins', true);
  if (isSeq(list)) list.add(doc.createNode(entry));
  else map.set('check_ins', doc.createNode([entry]));
}

function checkInData(c: PulledCheckIn): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CHECK_IN_KEYS) if (c[key] !== undefined) out[key] = c[key];
  return out;
}

/** A scalar as YAML text: plain when it reads back as the same string, else double-quoted. */
function scalarText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  if (
    /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(s) &&
    !/\s$/.test(s) &&
    !/^(true|false|null|yes|no|on|off|~)$/i.test(s) &&
    !/^[-+]?(\d|\.\d)/.test(s.replace(/^\d{4}-\d{2}-\d{2}$/, 'x'))
  )
    return s;
  return JSON.stringify(s);
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
/** The offset just past the end of the line holding `at` (after its newline, or the end of the text). */
const lineEnd = (text: string, at: number) => {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl + 1;
};

/** The splices of one key result's edit. */
function spliceEdit(text: string, map: YAMLMap, edit: PullEdit): Splice[] {
  const splices: Splice[] = [];
  const additions: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(edit.set)) {
    if (value === undefined) continue;
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.value) && pair.value.range) {
      splices.push({ start: pair.value.range[0], end: pair.value.range[1], text: scalarText(value) });
    } else if (pair) throw new Error(`${key} is not a scalar`);
    else additions.push([key, scalarText(value)]);
  }
  const entry = Object.entries(checkInData(edit.checkIn)).map(([k, v]) => [k, scalarText(v)] as [string, string]);
  const inner = entry.map(([k, v]) => `${k}: ${v}`).join(', ');
  // Flow mappings written `{a: 1}` get a new one written the same way; otherwise `{ a: 1 }`.
  const existing: unknown = map.get('check_ins', true);
  const sample = [...(isSeq(existing) ? existing.items : []), map].find((n): n is YAMLMap => isMap(n) && !!n.flow && !!n.range);
  const from = sample?.range?.[0];
  const tight = from !== undefined && text[from] === '{' && text[from + 1] !== ' ';
  const flowEntry = tight ? `{${inner}}` : `{ ${inner} }`;
  const listPair = map.items.find((p) => isScalar(p.key) && p.key.value === 'check_ins');
  const list = listPair?.value;
  if (listPair && !isSeq(list)) throw new Error('check_ins is not a list');

  if (map.flow) {
    // `{ id: x, current: 1 }`: new keys go before the closing brace.
    const lastPair = map.items[map.items.length - 1];
    const lastEnd = (lastPair?.value as Node | null | undefined)?.range?.[1];
    const at = lastEnd ?? closingBracket(text, map, '}');
    const parts = additions.map(([k, v]) => `${k}: ${v}`);
    if (!isSeq(list)) parts.push(`check_ins: [${flowEntry}]`);
    if (parts.length > 0) splices.push({ start: at, end: at, text: `${lastEnd !== undefined ? ', ' : ''}${parts.join(', ')}` });
    if (isSeq(list)) splices.push(appendToSeq(text, list, entry, flowEntry));
    return splices;
  }

  const first = map.items[0];
  if (!first || !isScalar(first.key) || !first.key.range) throw new Error('empty mapping');
  const keyAt = first.key.range[0];
  const indent = ' '.repeat(keyAt - lineStart(text, keyAt));
  if (isSeq(list)) splices.push(appendToSeq(text, list, entry, flowEntry));
  if (additions.length > 0 || !isSeq(list)) {
    const last = map.items[map.items.length - 1];
    const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range?.[1];
    if (lastEnd === undefined) throw new Error('no range');
    // After the last line of the mapping's last value (a trailing comment on it stays with it).
    const at = lineEnd(text, Math.max(lastEnd - 1, 0));
    let add = at === text.length && !text.endsWith('\n') ? '\n' : '';
    for (const [k, v] of additions) add += `${indent}${k}: ${v}\n`;
    if (!isSeq(list)) {
      add += `${indent}check_ins:\n${indent}  - ${entry.map(([k, v], i) => `${i === 0 ? '' : `${indent}    `}${k}: ${v}\n`).join('')}`;
    }
    splices.push({ start: at, end: at, text: add });
  }
  return splices;
}

/** The offset of a flow collection's closing bracket. */
function closingBracket(text: string, node: YAMLMap | YAMLSeq, bracket: '}' | ']'): number {
  const end = node.range?.[1];
  if (end === undefined) throw new Error('no range');
  const at = text.lastIndexOf(bracket, end - 1);
  if (at < (node.range?.[0] ?? 0)) throw new Error('no closing bracket');
  return at;
}

/** Appends a check-in to an existing list, in the list's own style. */
function appendToSeq(text: string, seq: YAMLSeq, entry: Array<[string, string]>, flowEntry: string): Splice {
  if (seq.flow) {
    // Right after the last item, so spacing before the bracket stays as it was.
    const lastEnd = (seq.items[seq.items.length - 1] as Node | undefined)?.range?.[1];
    if (lastEnd !== undefined) return { start: lastEnd, end: lastEnd, text: `, ${flowEntry}` };
    const close = closingBracket(text, seq, ']');
    return { start: close, end: close, text: flowEntry };
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) throw new Error('empty block list');
  const itemAt = last.range[0];
  const prefix = text.slice(lineStart(text, itemAt), itemAt);
  if (!/^ *- +$/.test(prefix)) throw new Error('unusual list layout');
  const pad = ' '.repeat(prefix.length);
  const at = lineEnd(text, Math.max(last.range[1] - 1, 0));
  const lead = at === text.length && !text.endsWith('\n') ? '\n' : '';
  // Items written as `- { … }` get one in the same style.
  if (isMap(last) && last.flow) return { start: at, end: at, text: `${lead}${prefix}${flowEntry}\n` };
  return { start: at, end: at, text: `${lead}${prefix}${entry.map(([k, v], i) => `${i === 0 ? '' : pad}${k}: ${v}\n`).join('')}` };
}

/** Applies splices (offsets of the original text), last first; same-offset inserts keep their order. */
function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
