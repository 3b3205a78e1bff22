import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { OUTPUT_DIR, renderEditorSchemas } from '../../extension/generate-editor-schemas';

const ROOT = join(__dirname, '../..');

describe('npm run generate', () => {
  it('writes the editor schemas and docs/rules.md too, not only the model and templates', () => {
    const generate: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.generate;
    assert.match(generate, /node --import tsx extension\/generate-editor-schemas\.ts/);
    assert.match(generate, /node scripts\/generate-rule-docs\.mjs/);
  });
});

describe('docs/rules.md', () => {
  it('is up to date with the built-in rules (node scripts/generate-rule-docs.mjs)', async () => {
    const { renderRuleDocs } = await import(pathToFileURL(join(ROOT, 'scripts/generate-rule-docs.mjs')).href);
    assert.equal(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'), await renderRuleDocs());
  });

  it('has a section for every built-in rule and every layer', async () => {
    const { builtinRules } = await import('../../core/builtin/plugin');
    const headings = new Set(
      readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('### '))
        .map((l) => l.slice(4)),
    );
    for (const rule of builtinRules) assert.ok(headings.has(rule.id), rule.id);
    for (const id of ['yaml/syntax', 'schema/*', 'config/plugins-untrusted', 'okra/rule-error']) assert.ok(headings.has(id), id);
  });
});

describe('editor schemas for the Red Hat YAML extension', () => {
  it('are up to date with schemas/ (node --import tsx extension/generate-editor-schemas.ts)', () => {
    const rendered = renderEditorSchemas();
    assert.deepEqual(
      [...rendered.keys()].sort(),
      readdirSync(OUTPUT_DIR)
        .filter((n) => n.endsWith('.schema.json'))
        .sort(),
    );
    for (const [name, text] of rendered) assert.equal(readFileSync(join(OUTPUT_DIR, name), 'utf8'), text, name);
  });

  function editorValidator() {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const name of readdirSync(OUTPUT_DIR)) {
      const schema = JSON.parse(readFileSync(join(OUTPUT_DIR, name), 'utf8'));
      ajv.addSchema({ ...schema, $id: `file:///okra/${name}` });
    }
    return ajv.getSchema('file:///okra/okra.schema.json')!;
  }

  it('never fail, so Red Hat publishes no schema diagnostics of its own (okra stays the only validator)', () => {
    const validate = editorValidator();
    const broken = [
      { kind: 'Objectives', version: 'one', cycle: 2026, objectives: [{ titel: 'x', key_results: 'none' }] },
      { kind: 'Nope' },
      { kind: 'Config', version: 1, include: 'not a list', plugins: [1], rules: { 'x/y': 'loud' }, extra: true },
      {},
      { kind: 'KpiTargets', version: 1, kpis: [{ id: 3, direction: 'sideways', targets: [{ target: 'high' }] }] },
    ];
    for (const doc of broken) assert.equal(validate(doc), true, JSON.stringify(validate.errors));
  });

  it('keep what completion and hover need: properties, descriptions, kind values', () => {
    const okra = JSON.parse(readFileSync(join(OUTPUT_DIR, 'okra.schema.json'), 'utf8'));
    assert.deepEqual(okra.properties.kind.examples, ['Config', 'Org', 'Objectives', 'KpiTargets', 'TierStructure', 'ReviewCycles']);
    assert.ok(
      okra.allOf.some((b: { if?: unknown }) => b.if),
      'kind still selects the schema',
    );
    const objectives = JSON.parse(readFileSync(join(OUTPUT_DIR, 'objectives.schema.json'), 'utf8'));
    assert.ok(objectives.properties.objectives.description || objectives.properties.objectives.markdownDescription);
    // No assertion keyword anywhere a schema is (snippet bodies, examples and `if` conditions are data).
    const ASSERTIONS = new Set([
      'type',
      'required',
      'enum',
      'const',
      'pattern',
      'format',
      'minimum',
      'maximum',
      'minLength',
      'minItems',
      'uniqueItems',
      'propertyNames',
      'not',
      'oneOf',
      'unevaluatedProperties',
    ]);
    const found: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      for (const [key, value] of Object.entries(node)) {
        if (['defaultSnippets', 'examples', 'default', 'if'].includes(key)) continue;
        if (ASSERTIONS.has(key) || (key === 'additionalProperties' && value === false)) found.push(`${at}/${key}`);
        if (key === 'properties' || key === '$defs')
          for (const [name, sub] of Object.entries(value as object)) walk(sub, `${at}/${key}/${name}`);
        else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}/${key}/${i}`));
        else walk(value, `${at}/${key}`);
      }
    };
    for (const name of readdirSync(OUTPUT_DIR)) walk(JSON.parse(readFileSync(join(OUTPUT_DIR, name), 'utf8')), name);
    assert.deepEqual(found, []);
  });
});
