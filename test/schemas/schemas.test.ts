import assert from 'node:assert/strict';
import { hasPatternHint } from '../../core/validate/schema-hints';
// @ts-expect-error: a plain-JS build script without type declarations
import { KINDS, ROOT_FILE, SCHEMA_FILES, createAjv, readSchemas } from '../../scripts/generate-lib.mjs';

type Json = Record<string, unknown>;

/** Every schema object in `node`, with its JSON pointer. */
function* subschemas(node: unknown, pointer = ''): Generator<[Json, string]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* subschemas(item, `${pointer}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  yield [schema, pointer];
  for (const [key, value] of Object.entries(schema)) {
    // Snippet bodies and examples are data, not schemas.
    if (key === 'defaultSnippets' || key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue;
    yield* subschemas(value, `${pointer}/${key}`);
  }
}

/** Resolves a local or cross-file `$ref` to its target schema. */
function resolve(schemas: Record<string, Json>, ref: string, file: string): Json | undefined {
  const [target, pointer = ''] = ref.split('#');
  let node: unknown = schemas[target || file];
  for (const segment of pointer.split('/').slice(1)) node = (node as Json | undefined)?.[segment];
  return node as Json | undefined;
}

/** Fills a snippet body's `${1:default}` and `${1|a,b|}` placeholders with their first value. */
function fillSnippet(body: unknown): unknown {
  if (typeof body === 'string') {
    const filled = body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
    return filled;
  }
  if (Array.isArray(body)) return body.map(fillSnippet);
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fillSnippet(v)]));
  return body;
}

describe('schemas/', () => {
  let schemas: Record<string, Json>;
  before(async () => {
    schemas = await readSchemas();
  });

  it('compile in Ajv2020 strict mode without a warning', () => {
    const messages: string[] = [];
    const collect = (...args: unknown[]) => messages.push(args.map(String).join(' '));
    const ajv = createAjv(schemas, { logger: { log: () => {}, warn: collect, error: collect } });
    for (const file of SCHEMA_FILES) assert.ok(ajv.getSchema(schemas[file].$id), `${file} compiles`);
    assert.deepEqual(messages, []);
  });

  it('have draft 2020-12 $schema, an okra $id and a title each', () => {
    for (const file of SCHEMA_FILES) {
      const schema = schemas[file];
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', file);
      assert.equal(schema.$id, `https://okra.example/schemas/v1/${file}`, file);
      assert.equal(typeof schema.title, 'string', file);
    }
  });

  it('describe every property for hover (description and markdownDescription)', () => {
    const missing: string[] = [];
    for (const file of SCHEMA_FILES) {
      for (const [schema, pointer] of subschemas(schemas[file])) {
        // An `if` only tests a value; the property itself is described where it is declared.
        if (/\/if(\/|$)/.test(pointer)) continue;
        const properties = schema.properties as Record<string, Json> | undefined;
        for (const [name, property] of Object.entries(properties ?? {})) {
          if (property === (true as unknown)) continue; // `then: { properties: { start: true } }` only names a key
          const described = typeof property.$ref === 'string' && !property.description ? resolve(schemas, property.$ref, file) : property;
          if (typeof described?.description !== 'string' || typeof described?.markdownDescription !== 'string') {
            missing.push(`${file}#${pointer}/properties/${name}`);
          }
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('are strict: every object schema says additionalProperties: false', () => {
    const open: string[] = [];
    for (const file of SCHEMA_FILES.filter((f: string) => f !== ROOT_FILE)) {
      for (const [schema, pointer] of subschemas(schemas[file])) {
        if (schema.type === 'object' && schema.additionalProperties !== false && !pointer.endsWith('/rules'))
          open.push(`${file}#${pointer}`);
      }
    }
    assert.deepEqual(open, []);
  });

  it('pin version: 1 in every kind', () => {
    for (const { file } of KINDS) {
      const version = (schemas[file].properties as Record<string, Json>).version;
      assert.equal(resolve(schemas, String(version.$ref), file)?.const, 1, file);
      assert.deepEqual((schemas[file].required as string[]).slice(0, 2), ['kind', 'version'], file);
    }
  });

  it('have a message for every pattern they use', () => {
    const patterns = new Set<string>();
    for (const file of SCHEMA_FILES)
      for (const [schema] of subschemas(schemas[file])) if (typeof schema.pattern === 'string') patterns.add(schema.pattern);
    assert.deepEqual(
      [...patterns].filter((p) => !hasPatternHint(p)),
      [],
    );
  });

  it('offer snippets for an objective, metric and milestone KRs, a KPI, a tier, a 1:1 and a review, each valid', () => {
    const ajv = createAjv(schemas);
    const wanted = ['objective', 'metric key result', 'milestone key result', 'KPI with a target', 'tier', '1:1', 'review'];
    const found: string[] = [];
    for (const file of SCHEMA_FILES) {
      for (const [schema, pointer] of subschemas(schemas[file])) {
        for (const snippet of (schema.defaultSnippets as { label: string; body: unknown }[] | undefined) ?? []) {
          found.push(snippet.label);
          const validate = ajv.getSchema(`${schemas[file].$id}#${pointer}`);
          assert.ok(validate, `${file}#${pointer}`);
          assert.ok(validate(fillSnippet(snippet.body)), `snippet "${snippet.label}" is valid: ${JSON.stringify(validate.errors)}`);
        }
      }
    }
    for (const label of wanted) assert.ok(found.includes(label), `a "${label}" snippet`);
  });

  it('root okra.schema.json lists every kind and dispatches with if/then', () => {
    const root = schemas[ROOT_FILE];
    const kinds = ((root.properties as Record<string, Json>).kind.enum as string[]).slice().sort();
    assert.deepEqual(kinds, KINDS.map((k: { kind: string }) => k.kind).sort());
    assert.equal((root.allOf as unknown[]).length, KINDS.length);
  });
});
