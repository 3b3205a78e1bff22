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
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_WORK = /[\\`*[\]<>|~$#_&\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\s\s|[^\S ]|^[\s\-+=]|^\d{1,9}[.)](?: |$)|\s$/;

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
 */
export function escapeDeep<T>(value: T, prototype: object | null = Object.prototype): T {
  return escapeValue(value, prototype) as T;
}

function escapeValue(value: unknown, prototype: object | null): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => escapeValue(item, prototype));
  if (typeof value === 'object') {
    const out = Object.create(prototype) as Record<string, unknown>;
    for (const key of Object.keys(value)) out[key] = escapeValue((value as Record<string, unknown>)[key], prototype);
    return out;
  }
  return null;
}

/** Minimal HTML escaping for text placed in an HTML document outside Markdown (the `<title>`). */
export function escapeHtml(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
