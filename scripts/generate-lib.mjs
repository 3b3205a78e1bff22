// The generators behind `npm run generate`. Every function here is a pure function of the schema
// texts it is given, so test/schemas/generated-fresh.test.ts can regenerate in memory and compare
// with the committed files.
import Ajv2020, { _ } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The committed generated files, relative to the repository root. */
export const OUTPUTS = {
  types: 'core/model/types.generated.ts',
  validators: 'core/validate/generated/validators.js',
};

/** The built-in kinds: the `kind:` value, its schema file and the export name of its validator. */
export const KINDS = [
  { kind: 'Config', file: 'config.schema.json' },
  { kind: 'Org', file: 'org.schema.json' },
  { kind: 'Objectives', file: 'objectives.schema.json' },
  { kind: 'KpiTargets', file: 'kpi-targets.schema.json' },
  { kind: 'TierStructure', file: 'tier-structure.schema.json' },
  { kind: 'ReviewCycles', file: 'review-cycles.schema.json' },
];

export const COMMON_FILE = 'common.schema.json';
export const ROOT_FILE = 'okra.schema.json';
/** Every schema file, in the order they are read and registered. */
export const SCHEMA_FILES = [COMMON_FILE, ...KINDS.map((k) => k.file), ROOT_FILE];

/** Reads every schema file of `schemas/` into a map from file name to parsed JSON. */
export async function readSchemas(dir = join(ROOT, 'schemas')) {
  const entries = await Promise.all(SCHEMA_FILES.map(async (file) => [file, JSON.parse(await readFile(join(dir, file), 'utf8'))]));
  return Object.fromEntries(entries);
}

/**
 * Keywords that only editors and generators read; Ajv's strict mode must be told they are not
 * typos. `tsType` keeps a TypeScript type wider than the schema where code already builds
 * values as plain strings (`Weekday`).
 */
export const ANNOTATION_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'tsType'];

/** Formats okra uses from ajv-formats; the generated code takes them from the `okraFormats` object. */
export const AJV_FORMATS = ['date', 'duration', 'email'];

/**
 * IANA time zone check, as source text: it is copied into the generated validators, and a
 * function's own `toString()` would change with whatever transpiles this script (tsx in tests).
 */
const IS_TIMEZONE_SOURCE = `(() => {
  // A workspace names the same few zones thousands of times (every person may have one), and
  // asking Intl costs some 0.2 ms each time: the answer is kept per zone name.
  const known = new Map();
  return function isTimezone(value) {
    if (typeof value !== "string") return false;
    let valid = known.get(value);
    if (valid === undefined) {
      valid = /^[A-Za-z][A-Za-z0-9_+-]*(\\/[A-Za-z0-9_+-]+)*$/.test(value);
      if (valid) {
        try {
          new Intl.DateTimeFormat("en", { timeZone: value });
        } catch {
          valid = false;
        }
      }
      if (known.size < 1000) known.set(value, valid);
    }
    return valid;
  };
})()`;

/** Whether `value` names an IANA time zone (`Europe/Budapest`, `UTC`). */
export const isTimezone = new Function(`return ${IS_TIMEZONE_SOURCE}`)();

/** The Ajv options shared by the build-time instance and the runtime one for plugin kinds. */
export const AJV_OPTIONS = { strict: true, allErrors: true };

/**
 * Creates the one Ajv2020 instance the validators are compiled with, with every schema added.
 * `schemas` maps file names to parsed schema objects.
 */
export function createAjv(schemas, { logger, source = false } = {}) {
  const ajv = new Ajv2020({
    ...AJV_OPTIONS,
    ...(logger ? { logger } : {}),
    // Standalone code refers to formats through this name; the generated module defines it.
    messages: !source,
    code: source ? { source: true, lines: true, formats: _`okraFormats` } : {},
  });
  addFormats(ajv, AJV_FORMATS);
  ajv.addFormat('timezone', { type: 'string', validate: isTimezone });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  for (const file of SCHEMA_FILES) ajv.addSchema(schemas[file]);
  return ajv;
}

function idOf(schemas, file) {
  const id = schemas[file]?.$id;
  if (typeof id !== 'string') throw new Error(`schemas/${file} has no $id`);
  return id;
}

const BANNER_SOURCES = `schemas/{${SCHEMA_FILES.filter((f) => f !== ROOT_FILE).join(',')}}`;

/** The committed `core/validate/generated/validators.js`: one precompiled validator per kind. */
export function generateValidators(schemas) {
  const ajv = createAjv(schemas, { source: true });
  const refs = Object.fromEntries(KINDS.map(({ kind, file }) => [kind, idOf(schemas, file)]));
  const code = standaloneCode(ajv, refs);
  const prelude = [
    `const isTimezone = ${IS_TIMEZONE_SOURCE};`,
    `const okraFormats = Object.assign({}, require("ajv-formats/dist/formats").fullFormats, { timezone: { type: "string", validate: isTimezone } });`,
    `exports.formats = okraFormats;`,
    `exports.kinds = ${JSON.stringify(KINDS.map((k) => k.kind))};`,
    `exports.allowedKeys = ${JSON.stringify(allowedKeys(schemas), null, 1)};`,
  ].join('\n');
  // `"use strict";` has to stay the first statement for the directive to count.
  const body = code.replace(/^"use strict";/, '');
  return [
    `// GENERATED by scripts/generate.mjs from ${BANNER_SOURCES} with ajv standalone code. Do not edit: run npm run generate.`,
    `"use strict";`,
    prelude,
    body.trim(),
    '',
  ].join('\n');
}

/** Resolves `$ref` (relative to `base`) to [schema, its base URI]. */
function resolveRef(schemas, ref, base) {
  const url = new URL(ref, base);
  const id = `${url.origin}${url.pathname}`;
  const root = Object.values(schemas).find((s) => s.$id === id);
  if (!root) throw new Error(`Cannot resolve $ref ${ref} from ${base}`);
  let node = root;
  const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
  for (const segment of pointer.split('/').slice(1)) {
    node = node[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`Cannot resolve $ref ${ref} from ${base}`);
  }
  return [node, id];
}

/**
 * For each kind, the keys allowed in each mapping, by instance location (`/objectives/[]` is
 * any objective). Standalone validators carry no schema, so "did you mean" needs this list.
 */
export function allowedKeys(schemas) {
  const result = {};
  for (const { kind, file } of KINDS) {
    const out = {};
    walk(schemas, schemas[file], idOf(schemas, file), '', out, new Set());
    result[kind] = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
  }
  return result;
}

function walk(schemas, schema, base, location, out, active) {
  // `active` holds the schemas on the current path, so a recursive schema cannot loop forever.
  if (!schema || typeof schema !== 'object' || active.has(schema)) return;
  active.add(schema);
  if (typeof schema.$ref === 'string') {
    const [target, targetBase] = resolveRef(schemas, schema.$ref, base);
    walk(schemas, target, targetBase, location, out, active);
  }
  if (schema.properties) {
    const keys = (out[location] ??= new Set());
    for (const [name, sub] of Object.entries(schema.properties)) {
      keys.add(name);
      walk(schemas, sub, base, `${location}/${name}`, out, active);
    }
  }
  if (schema.items && typeof schema.items === 'object') walk(schemas, schema.items, base, `${location}/[]`, out, active);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    walk(schemas, schema.additionalProperties, base, `${location}/*`, out, active);
  }
  // The `if` of a conditional only tests; its `then`/`else` and `allOf` add to what is allowed here.
  for (const branch of ['then', 'else']) walk(schemas, schema[branch], base, location, out, active);
  for (const list of ['allOf', 'anyOf', 'oneOf']) for (const sub of schema[list] ?? []) walk(schemas, sub, base, location, out, active);
  active.delete(schema);
}

/**
 * json-schema-to-typescript names a type after `title`, and a `$ref` with sibling keywords
 * becomes a copy of its target: `IsoDate`, `IsoDate1`, `IsoDate2`… So references to the shared
 * definitions are replaced by `tsType: <their title>`, and those titles are declared once.
 */
function forTypes(schemas, node, base) {
  if (Array.isArray(node)) return node.map((n) => forTypes(schemas, n, base));
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [k, v] of Object.entries(node)) {
    if (['$id', '$schema', 'markdownDescription', 'defaultSnippets', 'examples', 'if', 'then', 'else'].includes(k)) continue;
    copy[k] = forTypes(schemas, v, base);
  }
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
    const [target] = resolveRef(schemas, node.$ref, base);
    if (typeof target.title !== 'string') throw new Error(`${node.$ref} needs a title to be named in TypeScript`);
    delete copy.$ref;
    copy.tsType = target.title;
  }
  return copy;
}

const TS_OPTIONS = {
  bannerComment: '',
  additionalProperties: false,
  unknownAny: true,
  ignoreMinAndMaxItems: true,
  style: { singleQuote: true, printWidth: 120, trailingComma: 'all' },
};

/** The committed `core/model/types.generated.ts`: the model's types, from the schemas. */
export async function generateTypes(schemas) {
  const parts = [
    `/* GENERATED by scripts/generate.mjs from ${BANNER_SOURCES} with json-schema-to-typescript. Do not edit: run npm run generate. */`,
    '',
  ];
  const common = schemas[COMMON_FILE];
  for (const def of Object.values(common.$defs)) {
    parts.push((await compile(forTypes(schemas, def, common.$id), def.title, TS_OPTIONS)).trim(), '');
  }
  for (const { file } of KINDS) {
    const schema = forTypes(schemas, schemas[file], idOf(schemas, file));
    parts.push((await compile(schema, schema.title, TS_OPTIONS)).trim(), '');
  }
  const titles = KINDS.map(({ file }) => schemas[file].title);
  parts.push(
    '/** Any okra definition file, told apart by `kind`. */',
    `export type OkraDocument = ${titles.join(' | ')};`,
    '',
    '/** The `kind:` of a built-in okra file. */',
    `export type OkraKind = OkraDocument['kind'];`,
    '',
  );
  return parts.join('\n');
}

/**
 * What a docs generator does when run: writes `text` to `file`, or with `--check` exits 1 when the
 * committed file differs. `name` is the file as shown, `command` how to regenerate it.
 */
export async function writeOrCheck(file, text, name, command) {
  if (process.argv.includes('--check')) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${name} is out of date: run \`${command}\``);
      process.exit(1);
    }
    console.log(`${name} is up to date`);
  } else {
    await writeFile(file, text);
    console.log(`wrote ${name}`);
  }
}
