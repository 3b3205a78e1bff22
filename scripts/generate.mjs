// `npm run generate`: writes the model types and the precompiled validators from schemas/.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OUTPUTS, ROOT, generateTypes, generateValidators, readSchemas } from './generate-lib.mjs';

const schemas = await readSchemas();
const contents = { types: await generateTypes(schemas), validators: generateValidators(schemas) };
for (const [name, relative] of Object.entries(OUTPUTS)) {
  const path = join(ROOT, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, contents[name]);
  console.log(`wrote ${relative}`);
}
