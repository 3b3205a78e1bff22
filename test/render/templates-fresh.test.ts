import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

describe('render: core/render/templates.generated.ts', () => {
  it('matches templates/**/*.hbs', async () => {
    const script = join(__dirname, '..', '..', 'scripts', 'generate-templates.mjs');
    const { generateTemplatesModule, OUTPUT } = (await import(pathToFileURL(script).href)) as { generateTemplatesModule: () => Promise<string>; OUTPUT: string };
    const expected = await generateTemplatesModule();
    assert.ok(readFileSync(OUTPUT, 'utf8') === expected, 'core/render/templates.generated.ts is stale: run npm run generate (node scripts/generate-templates.mjs)');
  });
});
