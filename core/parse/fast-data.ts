import { CORE_SCHEMA, defineMappingTag, load } from 'js-yaml';

/**
 * Text that the fast reader leaves to yaml: anchors, aliases and tags (`&a`, `*a`, `!t` at the
 * start of a node; a lone `&` or `*`, as in "Workforce & Reporting", is text, or an error js-yaml
 * reports too), directives, document markers after the first line (a second document),
 * complex keys (`? `), merge keys, lone carriage returns, byte order marks (the caller strips
 * the leading one), numbers with three-digit exponents (an overflow is Infinity to yaml and a
 * string to js-yaml) and tabs (yaml reports tabs used as indentation; js-yaml words it
 * differently). All are rare in definition files; a false alarm only costs the slower parse.
 * The property test `fast-data.property.test.ts` found each of these.
 */
const NEEDS_FULL_PARSE =
  /(?:^|[\s[{,])(?:[&*](?!\s|$)|!)|^%|^ *(?:---|\.\.\.)(?:\s|$)|(?:^|\s)\?(?:\s|$)|<<|\t|\r(?!\n)|\d[eE][-+]?\d{3}|\uFEFF/m;
/**
 * Characters without which NEEDS_FULL_PARSE cannot match: most files have none of them, and
 * this pattern is four times quicker to rule out (no alternation to try at every offset).
 */
const MAYBE_FULL_PARSE = /[&*!?<%\t\r\uFEFF]|---|\.\.\.|[eE][-+]?\d\d\d/;
/** A `---` line opening the file is common and harmless. */
const LEADING_MARKER = /^---[ ]*\n/;

/** js-yaml's error text when a mapping has a key this reader leaves to yaml (never shown). */
const LEFT_TO_YAML = 'left to yaml';

/**
 * Mappings as plain objects with string keys only; any other key sends the file to yaml, which
 * names some differently (`~:` is "null" to js-yaml and "" to yaml).
 */
const stringKeyedMap = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair(map, key, value) {
    if (typeof key !== 'string' || key === '__proto__') return LEFT_TO_YAML;
    map[key] = value;
    return '';
  },
  has: (map, key) => typeof key === 'string' && Object.hasOwn(map, key),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[key as string],
  identify: () => false,
});

const SCHEMA = CORE_SCHEMA.withTags(stringKeyedMap);

/**
 * The data of a YAML file that holds one mapping and nothing unusual, read by js-yaml (some ten
 * times faster than yaml's composer, and without building a Document); `undefined` for anything
 * else: a syntax error, several documents, aliases, duplicate keys, an empty file, text the
 * pattern above flags. The caller then parses with yaml, which places every diagnostic.
 *
 * Both read YAML 1.2 with the core schema, so the data is the same (a property test compares
 * them on the corpus and on random files); yaml stays the parser of record for positions.
 */
export function fastData(text: string): Record<string, unknown> | undefined {
  if (text.length === 0) return undefined;
  const marker = LEADING_MARKER.exec(text);
  const body = marker ? text.slice(marker[0].length) : text;
  if (MAYBE_FULL_PARSE.test(body) && NEEDS_FULL_PARSE.test(body)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: SCHEMA, maxAliases: 0, maxDepth: 100 });
  } catch {
    return undefined;
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
