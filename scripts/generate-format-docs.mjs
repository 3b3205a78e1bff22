// Writes docs/format.md: the file format, from the JSON Schemas in schemas/ (every kind, every
// field with its type, whether it is required, its allowed values and description) and an
// example per kind, shortened from examples/support-org. The schemas are the contract; this is
// their reading copy, so it is generated rather than written. test/schemas/format-docs.test.ts
// fails when the committed file is stale.
//
//   node scripts/generate-format-docs.mjs           # writes docs/format.md
//   node scripts/generate-format-docs.mjs --check   # exits 1 when docs/format.md is out of date
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isSeq, parse, parseDocument } from 'yaml';
import { COMMON_FILE, KINDS, ROOT, readSchemas, writeOrCheck } from './generate-lib.mjs';

export const FORMAT_DOC = join(ROOT, 'docs', 'format.md');
const EXAMPLE = join(ROOT, 'examples', 'support-org');

const FORMATS = { date: 'date (YYYY-MM-DD)', duration: 'duration (ISO 8601)', email: 'email address', timezone: 'time zone (IANA)' };

/** Resolves `$ref` (local `#/$defs/…` or `common.schema.json#/$defs/…`) against `schemas`; other keys of the referring node win. */
function resolve(node, file, schemas) {
  if (!node || typeof node !== 'object' || !node.$ref) return { node, file };
  const [target, pointer] = node.$ref.split('#');
  const targetFile = target || file;
  let found = schemas[targetFile];
  for (const part of pointer.split('/').filter(Boolean)) found = found[part];
  const { $ref, ...own } = node;
  const inner = resolve(found, targetFile, schemas);
  return { node: { ...inner.node, ...own }, file: inner.file, ref: $ref };
}

const code = (value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function typeOf(node, file, schemas) {
  if (node.const !== undefined) return typeof node.const === 'number' ? 'number' : 'string';
  if (node.type === 'array') {
    const items = resolve(node.items, file, schemas).node ?? {};
    return `list of ${items.properties ? 'objects' : plural(typeOf(items, file, schemas))}`;
  }
  if (node.type === 'object') return node.properties ? 'object' : 'map';
  if (node.format && FORMATS[node.format]) return FORMATS[node.format];
  if (!node.type && node.enum) return [...new Set(node.enum.map((value) => typeof value))].join(' or ');
  return [].concat(node.type ?? 'any').join(' or ');
}

const plural = (type) => (/^(string|number|integer|boolean|object)$/.test(type) ? `${type}s` : type);

function allowedOf(node, file, schemas) {
  const parts = [];
  if (node.const !== undefined) parts.push(`always ${code(node.const)}`);
  if (node.enum) parts.push(node.enum.map(code).join(', '));
  if (node.pattern) parts.push(`matches ${code(node.pattern)}`);
  if (node.minimum !== undefined && node.maximum !== undefined) parts.push(`${node.minimum} to ${node.maximum}`);
  else if (node.minimum !== undefined) parts.push(`at least ${node.minimum}`);
  else if (node.maximum !== undefined) parts.push(`at most ${node.maximum}`);
  if (node.minLength === 1) parts.push('not empty');
  else if (node.minLength) parts.push(`at least ${node.minLength} characters`);
  if (node.minItems) parts.push(`at least ${node.minItems} ${node.minItems === 1 ? 'item' : 'items'}`);
  if (node.uniqueItems) parts.push('no repeats');
  if (node.type === 'array') {
    const items = resolve(node.items, file, schemas).node ?? {};
    if (!items.properties) {
      const inner = allowedOf(items, file, schemas);
      if (inner) parts.push(`each: ${inner}`);
    }
  }
  if (node.default !== undefined) parts.push(`default ${code(node.default)}`);
  return parts.join('; ');
}

/** `if type is metric then start, target required` chains (objectives' key results), as field → condition. */
function conditionalRequired(node, into = new Map()) {
  if (!node.if || !node.then) return into;
  const [[field, test]] = Object.entries(node.if.properties ?? {});
  for (const name of node.then.required ?? []) into.set(name, `when \`${field}\` is ${code(test.const)}`);
  if (node.else) conditionalRequired(node.else, into);
  return into;
}

/** One row per field of `node`, depth first, with dotted paths (`objectives[].key_results[].id`). */
function rows(node, file, schemas, prefix, out, seen) {
  const required = new Set(node.required ?? []);
  const conditional = conditionalRequired(node);
  for (const [name, raw] of Object.entries(node.properties ?? {})) {
    const { node: field, file: fieldFile, ref } = resolve(raw, file, schemas);
    const path = `${prefix}${name}`;
    const need = required.has(name) ? 'yes' : conditional.has(name) ? `${conditional.get(name)}` : 'no';
    out.push(
      `| \`${path}\` | ${typeOf(field, fieldFile, schemas)} | ${need} | ${cell(allowedOf(field, fieldFile, schemas))} | ${cell(field.description)} |`,
    );
    if (ref && seen.has(ref)) continue;
    const nextSeen = ref ? new Set([...seen, ref]) : seen;
    if (field.type === 'object' && field.properties) rows(field, fieldFile, schemas, `${path}.`, out, nextSeen);
    if (field.type === 'object' && typeof field.additionalProperties === 'object') {
      const value = resolve(field.additionalProperties, fieldFile, schemas);
      const key = field.propertyNames?.pattern ? `<key>` : '<name>';
      out.push(
        `| \`${path}.${key}\` | ${typeOf(value.node, value.file, schemas)} | no | ${cell(allowedOf(value.node, value.file, schemas))} | ${cell(value.node.description)} |`,
      );
    }
    if (field.type === 'array') {
      const items = resolve(field.items, fieldFile, schemas);
      if (items.node?.properties)
        rows(items.node, items.file, schemas, `${path}[].`, out, items.ref ? new Set([...nextSeen, items.ref]) : nextSeen);
    }
  }
  return out;
}

/** The example file of `kind`, its lists of objects shortened (the first item at the top, two below), comments kept. */
async function exampleOf(kind) {
  const files = [];
  const walk = async (dir, prefix) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith('.yaml')) files.push(prefix + entry.name);
    }
  };
  await walk(EXAMPLE, '');
  for (const path of files) {
    const text = await readFile(join(EXAMPLE, path), 'utf8');
    if (parse(text)?.kind !== kind) continue;
    const doc = parseDocument(text);
    const shorten = (node, depth) => {
      if (isSeq(node) && node.items.some(isMap)) node.items = node.items.slice(0, depth === 0 ? 1 : 2);
      for (const child of isSeq(node) ? node.items : isMap(node) ? node.items.map((pair) => pair.value) : [])
        shorten(child, isSeq(node) ? depth + 1 : depth);
    };
    shorten(doc.contents, 0);
    return { path, yaml: doc.toString({ lineWidth: 0 }) };
  }
  return undefined;
}

const anchor = (kind) => kind.toLowerCase();

export async function renderFormatDocs() {
  const schemas = await readSchemas();
  const sections = [];
  for (const { kind, file } of KINDS) {
    const schema = schemas[file];
    const example = await exampleOf(kind);
    sections.push(
      `## ${kind}`,
      '',
      schema.markdownDescription ?? schema.description,
      '',
      `Schema: \`schemas/${file}\`.`,
      '',
      '| field | type | required | allowed values | description |',
      '| --- | --- | --- | --- | --- |',
      ...rows(schema, file, schemas, '', [], new Set()),
      '',
      ...(example
        ? [
            `### Example`,
            '',
            `From \`examples/support-org/${example.path}\`, its lists of items shortened:`,
            '',
            '```yaml',
            example.yaml.trimEnd(),
            '```',
            '',
          ]
        : []),
    );
  }
  return [
    '<!-- Generated by scripts/generate-format-docs.mjs from schemas/; do not edit by hand (npm run generate). -->',
    '# The okra file format',
    '',
    'An okra workspace is a folder of YAML files with `okra.config.yaml` at its root. Every file says what',
    'it defines with `kind:` and the format version with `version: 1`; any file name works, the kind decides.',
    `Shared value types (ids, dates, cycles) are in \`schemas/${COMMON_FILE}\`. \`okra validate\` checks every`,
    'file against these schemas and then the rules in [rules.md](rules.md).',
    '',
    'In the tables, `a[].b` is the field `b` of each item of the list `a`.',
    '',
    ...KINDS.map(({ kind, file }) => `- [${kind}](#${anchor(kind)}): ${cell(schemas[file].description)}`),
    '',
    ...sections,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeOrCheck(FORMAT_DOC, await renderFormatDocs(), 'docs/format.md', 'node scripts/generate-format-docs.mjs');
}
