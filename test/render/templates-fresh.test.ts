import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface GenerateScript {
  generateTemplatesModule: () => Promise<string>;
  generatePrecompiledModule: () => Promise<string>;
  OUTPUT: string;
  PRECOMPILED_OUTPUT: string;
}

describe('render: the generated template modules', () => {
  const load = async () =>
    (await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'generate-templates.mjs')).href)) as GenerateScript;

  it('core/render/templates.generated.ts matches templates/**/*.hbs', async () => {
    const { generateTemplatesModule, OUTPUT } = await load();
    assert.ok(
      readFileSync(OUTPUT, 'utf8') === (await generateTemplatesModule()),
      'core/render/templates.generated.ts is stale: run npm run generate (node scripts/generate-templates.mjs)',
    );
  });

  it("core/render/templates.precompiled.generated.ts is templates/**/*.hbs compiled with okra's options", async () => {
    const { generatePrecompiledModule, PRECOMPILED_OUTPUT } = await load();
    assert.ok(
      readFileSync(PRECOMPILED_OUTPUT, 'utf8') === (await generatePrecompiledModule()),
      'core/render/templates.precompiled.generated.ts is stale: run npm run generate (node scripts/generate-templates.mjs)',
    );
  });
});
