/**
 * Writes extension/schemas/*.schema.json from schemas/ (see editor-schema.ts for why).
 *
 *   node --import tsx extension/generate-editor-schemas.ts
 *
 * test/extension-unit/editor-schema.test.ts fails when the output is stale.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toEditorSchema } from './editor-schema';

export const SOURCE_DIR = resolve(__dirname, '..', 'schemas');
export const OUTPUT_DIR = resolve(__dirname, 'schemas');

/** file name → text of every editor schema. */
export function renderEditorSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(SOURCE_DIR)
    .filter((n) => n.endsWith('.schema.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(SOURCE_DIR, name), 'utf8')) as Record<string, unknown>;
    out.set(name, `${JSON.stringify(toEditorSchema(schema), null, 2)}\n`);
  }
  return out;
}

if (require.main === module) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [name, text] of renderEditorSchemas()) writeFileSync(join(OUTPUT_DIR, name), text);
  process.stdout.write(`wrote ${OUTPUT_DIR}\n`);
}
