/**
 * Text from the workspace (titles, names, notes) enters a document as plain text: it must never
 * become Markdown markup, HTML or a link. Every string of a view model is passed through
 * {@link escapeMarkdown} by the renderer before a template sees it (see `renderer.ts`), so a
 * template cannot forget to escape; templates are compiled with `noEscape` and add the markup.
 */

/** Control characters other than tab and line breaks (which are folded into spaces), and bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WHITESPACE = /\s+/g;
/**
 * Characters that are markup wherever they stand: emphasis (`*`, `~`), code spans, links and
 * images (`[`, `]`), raw HTML and autolinks (`<`), table cells (`|`), math in Notion's Markdown
 * dialect (`$`), headings and their closing sequence (`#`) and the escape character itself.
 */
const ALWAYS = /[\\`*[\]<>|~$#]/g;
/** `_` opens or closes emphasis only next to a non-alphanumeric character (`snake_case` is safe). */
const UNDERSCORE = /_/g;
/** `&amp;`, `&#60;`, `&lt;`: an entity would turn into the character it names. */
const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
/** At the start of a line: list markers, setext underlines, thematic breaks, ordered lists. */
const LEADING_MARKER = /^[-+=]/;
const LEADING_ORDERED = /^(\d{1,9})([.)])(?= |$)/;

/**
 * Anything any rule below would change: markup characters, `&`, whitespace other than single
 * inner spaces, control and bidi characters, a leading list or heading marker or digit.
 */
const NEEDS_WORK =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\\`*[\]<>|~$#_&\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\s\s|[^\S ]|^[\s\-+=]|^\d{1,9}[.)](?: |$)|\s$/;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * `text` as Markdown that renders exactly as `text`, on one line: line breaks and runs of
 * whitespace become one space (a value never starts a block), control and bidi-override
 * characters are dropped, and every character that could start markup is backslash-escaped.
 * Returns '' for anything that is not a string.
 */
export function escapeMarkdown(text: unknown): string {
  if (typeof text !== 'string') return '';
  // Most text needs nothing: one scan decides, and the string is returned as it is.
  if (!NEEDS_WORK.test(text)) return text;
  let escaped = cache.get(text);
  if (escaped === undefined) {
    escaped = escapeSlowly(text);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, escaped);
  }
  return escaped;
}

/** Documents of one run repeat the same names and titles: escaped forms are kept for reuse. */
const CACHE_SIZE = 10_000;
const cache = new Map<string, string>();

function escapeSlowly(text: string): string {
  let s = text.replace(CONTROL, '').replace(WHITESPACE, ' ').trim();
  if (s === '') return '';
  s = s.replace(ALWAYS, '\\$&');
  s = s.replace(UNDERSCORE, (_m, offset: number, whole: string) =>
    isWordChar(whole[offset - 1]) && isWordChar(whole[offset + 1]) ? '_' : '\\_',
  );
  s = s.replace(ENTITY, '\\&');
  s = s.replace(LEADING_MARKER, '\\$&').replace(LEADING_ORDERED, '$1\\$2');
  return s;
}

/**
 * A copy of `value` with every string escaped by {@link escapeMarkdown}, at any depth, keys
 * untouched; objects get `prototype`. Numbers, booleans and `null` pass through; `undefined`,
 * functions and other exotic values become `null` (a view model is plain data).
 *
 * A part of `value` that is deeply frozen cannot change, so its copy is kept (by identity, while
 * the part lives) and given again, frozen, wherever the part appears: view models share such
 * parts between documents (a team's key results and KPI rows), and they are escaped once.
 */
export function escapeDeep<T>(value: T, prototype: object | null = Object.prototype): T {
  return escapeValue(value, copiesFor(prototype), prototype) as T;
}

/** Escaped copies of deeply frozen parts, by prototype, then by part. */
const copies = new WeakMap<object, WeakMap<object, unknown>>();
const copiesWithoutPrototype = new WeakMap<object, unknown>();

function copiesFor(prototype: object | null): WeakMap<object, unknown> {
  if (prototype === null) return copiesWithoutPrototype;
  let found = copies.get(prototype);
  if (!found) copies.set(prototype, (found = new WeakMap()));
  return found;
}

/** Set by {@link escapeValue}: the value it last copied, and all it holds, is frozen. */
let lastFrozen = true;

function escapeValue(value: unknown, kept: WeakMap<object, unknown>, prototype: object | null): unknown {
  lastFrozen = true;
  if (typeof value === 'string') return escapeMarkdown(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object' || value === null) return null;
  let frozen = Object.isFrozen(value);
  if (frozen) {
    const known = kept.get(value);
    if (known !== undefined) return known;
  }
  let out: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      out[i] = escapeValue(value[i], kept, prototype);
      frozen &&= lastFrozen;
    }
  } else {
    out = Object.create(prototype) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      out[key] = escapeValue((value as Record<string, unknown>)[key], kept, prototype);
      frozen &&= lastFrozen;
    }
  }
  if (frozen) kept.set(value, Object.freeze(out));
  lastFrozen = frozen;
  return out;
}

/** Minimal HTML escaping for text placed in an HTML document outside Markdown (the `<title>`). */
export function escapeHtml(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
