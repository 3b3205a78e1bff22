/** docs/format.md is generated from schemas/ (scripts/generate-format-docs.mjs): it must be current and complete. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '../..');
const script = (name: string) => import(pathToFileURL(join(ROOT, 'scripts', name)).href);

describe('docs/format.md', () => {
  it('is up to date with schemas/ and the example (npm run generate)', async () => {
    const { renderFormatDocs } = await script('generate-format-docs.mjs');
    assert.equal(readFileSync(join(ROOT, 'docs/format.md'), 'utf8'), await renderFormatDocs());
  });

  it('is written by npm run generate', () => {
    const generate: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.generate;
    assert.match(generate, /node scripts\/generate-format-docs\.mjs/);
  });

  it('has, for every kind, a row for every field of its schema and a YAML example of that kind', async () => {
    const { KINDS, readSchemas } = await script('generate-lib.mjs');
    const schemas = await readSchemas();
    const text = readFileSync(join(ROOT, 'docs/format.md'), 'utf8');
    for (const { kind, file } of KINDS as Array<{ kind: string; file: string }>) {
      const section = text.split(/^## /m).find((s) => s.startsWith(`${kind}\n`));
      assert.ok(section, `a section for ${kind}`);
      for (const field of Object.keys(schemas[file].properties))
        assert.match(section, new RegExp(`^\\| \`${field}\` \\|`, 'm'), `${kind}: ${field}`);
      assert.match(section, new RegExp(`\`\`\`yaml\\nkind: ${kind}\\nversion: 1\\n`), `${kind}: an example`);
    }
    // Nested fields and conditions are there too, not only the top level.
    assert.match(text, /^\| `objectives\[\]\.key_results\[\]\.due` \| date \(YYYY-MM-DD\) \| when `type` is `milestone` \|/m);
    assert.match(text, /^\| `as_of` \| date \(YYYY-MM-DD\) \| no \|/m);
  });
});
