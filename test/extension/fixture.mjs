// The workspace the extension tests open: a fresh copy of examples/support-org (never edited in
// place) plus a tiny workspace plugin, so that the tests can tell whether plugins were loaded.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE = join(REPO, 'examples/support-org');
export const PLUGIN_SPECIFIER = './plugins/fixture-plugin.cjs';

/** Copies the example workspace to `dir` (emptied first) and, unless told not to, adds the fixture plugin. */
export function prepareFixture(dir, { plugin = true } = {}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(EXAMPLE, dir, { recursive: true });
  if (!plugin) return dir;
  mkdirSync(join(dir, 'plugins'), { recursive: true });
  cpSync(join(REPO, 'test/extension/fixtures/fixture-plugin.cjs'), join(dir, 'plugins/fixture-plugin.cjs'));
  const configPath = join(dir, 'okra.config.yaml');
  const config = readFileSync(configPath, 'utf8');
  if (!/^plugins: \[\]$/m.test(config))
    throw new Error('examples/support-org/okra.config.yaml no longer says `plugins: []`; update test/extension/fixture.mjs');
  writeFileSync(configPath, config.replace(/^plugins: \[\]$/m, `plugins:\n  - ${PLUGIN_SPECIFIER}`));
  return dir;
}
