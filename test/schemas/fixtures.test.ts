import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../core/diagnostics';
import { parseFile } from '../../core/parse/parse-file';
import { validateSchema } from '../../core/validate/schema';
// @ts-expect-error: a plain-JS build script without type declarations
import { createAjv, readSchemas } from '../../scripts/generate-lib.mjs';

const DIR = join(__dirname, '../fixtures/schema');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Expected {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function toExpected(d: Diagnostic): Expected {
  const { start, end } = d.range;
  return { rule: d.rule, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

describe('schema diagnostics: fixture table', () => {
  let validateRoot: (data: unknown) => boolean;
  before(async () => {
    const schemas = await readSchemas();
    validateRoot = createAjv(schemas).getSchema('https://okra.example/schemas/v1/okra.schema.json');
  });

  it('has at least 20 invalid cases and a valid sample of each kind', () => {
    assert.ok(cases.filter((c) => !c.startsWith('valid-')).length >= 20);
    assert.equal(cases.filter((c) => c.startsWith('valid-')).length, 6);
  });

  for (const name of cases) {
    const hasData = (() => {
      const data = parseFile(`${name}.yaml`, readFileSync(join(DIR, `${name}.yaml`), 'utf8')).data;
      return data !== null && data !== undefined;
    })();
    it(name, () => {
      const text = readFileSync(join(DIR, `${name}.yaml`), 'utf8');
      const file = parseFile(`${name}.yaml`, text);
      const actual = validateSchema(file).map(toExpected);
      const goldenPath = join(DIR, `${name}.expected.json`);
      if (UPDATE) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(goldenPath, 'utf8')) as Expected[];
      assert.deepEqual(actual, expected);
      if (name.startsWith('valid-')) assert.deepEqual(actual, [], 'a valid sample has no diagnostics');
    });

    // An empty file has no data to give the root schema; the YAML layer reports it instead.
    if (!hasData) continue;
    it(`${name}: okra.schema.json (the editor's root schema) agrees`, () => {
      const file = parseFile(`${name}.yaml`, readFileSync(join(DIR, `${name}.yaml`), 'utf8'));
      const clean = validateSchema(file).length === 0;
      assert.equal(validateRoot(file.data), clean, 'the root schema dispatches on kind to the same verdict');
    });
  }
});
