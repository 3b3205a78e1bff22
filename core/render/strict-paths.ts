import { didYouMean } from '../util/did-you-mean';

/**
 * Strict templates. Handlebars' `strict` mode throws on a missing field in `{{titel}}` but not
 * in a helper argument or a condition (`{{percent titel}}`, `{{#if titel}}`), which would print
 * nothing or drop a section without a word. {@link markStrictParams} marks those paths strict
 * too, before compiling, so Handlebars checks them the same way (with the line and column).
 * View models always carry every field (`null` when unknown), so only a typo reads an absent
 * one. View objects list their fields when printed ({@link VIEW_PROTOTYPE}), which is how the
 * error message can say what was meant.
 */

/** The parts of Handlebars' AST this needs. */
interface Node {
  type?: string;
  params?: unknown[];
  hash?: { pairs?: Array<{ value: unknown }> };
  program?: unknown;
  inverse?: unknown;
  body?: unknown[];
}

interface PathNode {
  type: 'PathExpression';
  data: boolean;
  parts: string[];
  strict?: boolean;
}

function markParam(node: unknown): void {
  const path = node as PathNode | undefined;
  if (path && path.type === 'PathExpression') {
    // `this`/`.` and `@data` paths are left alone: they have no field to check.
    if (!path.data && path.parts.length > 0) path.strict = true;
  } else {
    markStrictParams(node);
  }
}

/** Marks every path used as a helper argument or hash value in the AST strict (in place); returns the AST. */
export function markStrictParams<T>(node: T): T {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    for (const child of node) markStrictParams(child);
    return node;
  }
  const n = node as unknown as Node;
  if (Array.isArray(n.params)) for (const param of n.params) markParam(param);
  if (n.hash && Array.isArray(n.hash.pairs)) for (const pair of n.hash.pairs) markParam(pair.value);
  if (n.program) markStrictParams(n.program);
  if (n.inverse) markStrictParams(n.inverse);
  if (n.type === 'Program' && Array.isArray(n.body)) for (const child of n.body) markStrictParams(child);
  return node;
}

/** The prototype of view objects: `String(view)` lists its fields, so "not defined in { id, title }" says what exists. */
export const VIEW_PROTOTYPE: object = Object.freeze(
  Object.create(Object.prototype, {
    toString: {
      value: function (this: object) {
        return `{ ${Object.keys(this).join(', ')} }`;
      },
    },
  }),
);

/** `didYouMean`, plus one swap of neighbouring letters (`titel` → `title`), the commonest typo. */
export function closestField(field: string, candidates: readonly string[]): string | undefined {
  const close = didYouMean(field, candidates);
  if (close !== undefined) return close;
  for (let i = 0; i + 1 < field.length; i++) {
    const swapped = field.slice(0, i) + field[i + 1] + field[i] + field.slice(i + 2);
    if (candidates.includes(swapped)) return swapped;
  }
  return undefined;
}

/**
 * Reads Handlebars' strict-mode message: the field, and what it was looked up in: the fields of a
 * view object (from {@link VIEW_PROTOTYPE}), or `null` (a value that is empty here) or
 * `undefined` (an earlier part of the path does not exist).
 */
export function parseStrictError(
  message: string,
): { field: string; available: string[] | undefined; parent: 'object' | 'null' | 'undefined' | 'other' } | undefined {
  const match = /^"([^"]+)" not defined in (.*?)(?: - \d+:\d+)?$/s.exec(message);
  if (!match) return undefined;
  const printed = match[2];
  const list = /^\{ ?(.*?) ?\}$/s.exec(printed);
  const parent = list ? 'object' : printed === 'null' ? 'null' : printed === 'undefined' ? 'undefined' : 'other';
  return { field: match[1], available: list ? list[1].split(', ').filter(Boolean) : undefined, parent };
}

/** The path expression at a 1-based line and column of a template (`person.name` in `{{person.name}}`). */
export function pathAt(source: string, line: number, column: number): string | undefined {
  const text = source.split('\n')[line - 1];
  if (text === undefined) return undefined;
  const match = /^[\w@./-]+/.exec(text.slice(column - 1));
  return match?.[0].replace(/^(\.\.\/)+/, '');
}

/** `unknown field "titel" (did you mean "title"?); fields here: id, title` */
export function unknownFieldMessage(field: string, available: readonly string[] | undefined): string {
  if (!available) return `unknown field "${field}"`;
  const hint = closestField(field, available);
  return `unknown field "${field}"${hint ? ` (did you mean "${hint}"?)` : ''}; fields here: ${available.join(', ') || 'none'}`;
}
