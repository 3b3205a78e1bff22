/**
 * The schemas okra gives the Red Hat YAML extension (`contributes.yamlValidation`): the same
 * files as `schemas/`, reduced to their annotations. Red Hat then completes keys and values and
 * shows descriptions on hover, but has nothing to fail on, so it publishes no schema
 * diagnostics of its own for okra files: okra's collection stays the only one, with the CLI's
 * messages, ranges and rule ids. (Red Hat's `yaml.validate` is one switch for every YAML file,
 * and a `yamlValidation` contribution cannot ask for "completion and hover only"; an
 * assertion-free schema is how to get exactly that. It also spares Red Hat the draft 2020-12
 * keywords it does not implement, such as `unevaluatedProperties`.)
 *
 * Kept: properties, $defs/$ref, items, allOf/anyOf, if/then/else (an `if` is a condition, not an
 * assertion, and picks the schema of a `kind:`; it is copied untouched), titles, descriptions,
 * defaults, examples, defaultSnippets. `enum` and `const` become `examples`, which Red Hat
 * offers as completions; booleans get `examples: [true, false]`. Dropped: every assertion
 * (`type`, `required`, `additionalProperties: false`, `pattern`, `format`, bounds, `not`, …).
 */
type Json = unknown;
type Schema = Record<string, Json>;

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value is one schema. */
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'then', 'else', 'contains', 'additionalItems', 'unevaluatedItems']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'prefixItems']);
/** Annotations and references, copied as they are. */
const KEEP = new Set([
  '$ref',
  'title',
  'description',
  'markdownDescription',
  'default',
  'examples',
  'defaultSnippets',
  'deprecationMessage',
  'doNotSuggest',
  'markdownEnumDescriptions',
  'enumDescriptions',
]);

const isSchema = (value: Json): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

function withExamples(out: Schema, values: Json[]): void {
  const current = Array.isArray(out.examples) ? out.examples : [];
  out.examples = [...current, ...values.filter((v) => !current.some((c) => JSON.stringify(c) === JSON.stringify(v)))];
}

function reduce(schema: Json): Json {
  if (typeof schema === 'boolean') return true; // `false` would fail every value
  if (!isSchema(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (KEEP.has(key)) out[key] = value;
    else if (key === 'if')
      out.if = value; // a condition: copied untouched
    else if (SCHEMA_MAPS.has(key) && isSchema(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reduce(v)]));
    else if (SCHEMA_ONE.has(key)) {
      if (key === 'additionalProperties' && typeof value === 'boolean') continue;
      out[key] = reduce(value);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map(reduce);
    // oneOf fails when several branches match, and without assertions they all match.
    else if (key === 'oneOf' && Array.isArray(value)) out.anyOf = value.map(reduce);
  }
  if (Array.isArray(schema.enum)) withExamples(out, schema.enum);
  if ('const' in schema) withExamples(out, [schema.const]);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('boolean') && !Array.isArray(schema.enum)) withExamples(out, [true, false]);
  return out;
}

/** One schema file of `schemas/`, reduced for the editor. */
export function toEditorSchema(schema: Schema): Schema {
  const reduced = reduce(schema) as Schema;
  // Draft 7 is what Red Hat implements; without `$id`, relative `$ref`s resolve next to the file.
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Generated from schemas/ by extension/generate-editor-schemas.ts: annotations only, for completion and hover in the Red Hat YAML extension. okra itself validates with schemas/.',
    ...reduced,
  };
}
