import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// @ts-expect-error: a plain-JS build script without type declarations
import { OUTPUTS, ROOT, generateTypes, generateValidators, readSchemas } from '../../scripts/generate-lib.mjs';

describe('generated files', () => {
  let schemas: Record<string, object>;
  before(async () => {
    schemas = await readSchemas();
  });

  it('core/model/types.generated.ts is what the schemas generate', async () => {
    const committed = await readFile(join(ROOT, OUTPUTS.types), 'utf8');
    assert.ok(committed === (await generateTypes(schemas)), `${OUTPUTS.types} is stale: run npm run generate`);
  });

  it('core/validate/generated/validators.js is what the schemas generate', async () => {
    const committed = await readFile(join(ROOT, OUTPUTS.validators), 'utf8');
    assert.ok(committed === generateValidators(schemas), `${OUTPUTS.validators} is stale: run npm run generate`);
  });

  it('generates the same output twice', async () => {
    assert.equal(await generateTypes(schemas), await generateTypes(schemas));
    assert.equal(generateValidators(schemas), generateValidators(schemas));
  });
});
