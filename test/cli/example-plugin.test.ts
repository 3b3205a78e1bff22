/**
 * The example plugin (examples/plugins/okra-plugin-vendor-quality) installed in a workspace as a
 * user would, and a local plugin with a file rule: both run through the CLI, and a run on
 * worker threads (which load the plugins themselves) reports exactly what a run without does.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARALLEL_MIN_FILES } from '../../core';
import { ensureCliBuilt, REPO, runCli } from '../helpers/cli';

const EXAMPLE = join(REPO, 'examples', 'support-org');
const PLUGIN = join(REPO, 'examples', 'plugins', 'okra-plugin-vendor-quality');

/** A plugin with a file rule: every objective needs a description. Plain JavaScript, no imports. */
const LOCAL_PLUGIN = `export default {
  name: 'okra-plugin-local',
  rules: [{
    id: 'objective-description',
    severity: 'info',
    scope: 'file',
    description: 'Every objective has a description.',
    messages: { missing: 'Objective "{{id}}" has no description' },
    check({ model, report }) {
      for (const o of model.objectives.all) {
        if (!o.value.description) report({ message: 'missing', data: { id: o.id }, at: { file: o.file, path: [...o.path, 'id'] } });
      }
    },
  }],
};
`;

function objectivesFile(i: number): string {
  const description = i % 3 === 0 ? '' : `    description: Why objective ${i} matters.\n`;
  return `kind: Objectives\nversion: 1\ncycle: 2026-H1\nowner: team/frontline\nobjectives:\n  - id: extra-${i}\n    title: Objective ${i}\n${description}    key_results:\n      - { id: extra-${i}-kr, title: KR ${i}, type: boolean, done: false }\n`;
}

describe('plugins through the CLI', function () {
  this.timeout(120_000);
  let root: string;

  before(function () {
    ensureCliBuilt();
    root = mkdtempSync(join(tmpdir(), 'okra-plugin-'));
    cpSync(EXAMPLE, root, { recursive: true });
    // Installed as npm would: the plugin and okra itself (its peer dependency) in node_modules.
    mkdirSync(join(root, 'node_modules'));
    cpSync(PLUGIN, join(root, 'node_modules', 'okra-plugin-vendor-quality'), { recursive: true });
    symlinkSync(REPO, join(root, 'node_modules', 'okra'), 'dir');
    writeFileSync(join(root, 'local-plugin.mjs'), LOCAL_PLUGIN);
    const config = join(root, 'okra.config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace('plugins: []', 'plugins:\n  - okra-plugin-vendor-quality\n  - ./local-plugin.mjs'),
    );
    // One tier 1 vendor loses its quality target.
    const kpis = join(root, 'kpis.yaml');
    writeFileSync(kpis, readFileSync(kpis, 'utf8').replace(/\n\s+- \{ scope: atlantico-cx, period: 2026-H1, target: 88, warn: 85 \}/, ''));
    for (let i = 0; i < PARALLEL_MIN_FILES + 6; i++) writeFileSync(join(root, 'okrs', `extra-${i}.yaml`), objectivesFile(i));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it("reports the example plugin's and the file rule's findings, the same with and without workers", async function () {
    const single = await runCli(['validate', root, '--format', 'json'], { cwd: root, env: { OKRA_WORKERS: '0' } });
    const pooled = await runCli(['validate', root, '--format', 'json'], { cwd: root, env: { OKRA_WORKERS: '2' } });
    const rules = (JSON.parse(single.stdout) as { diagnostics: { rule: string; file: string }[] }).diagnostics;
    assert.deepEqual(
      rules.filter((d) => d.rule.startsWith('vendor-quality/')).map((d) => d.file),
      ['tiers.yaml'],
      single.stdout,
    );
    const described = rules.filter((d) => d.rule === 'local/objective-description');
    // Files extra-0, -3, -6 … have no description, and some of the example's objectives neither.
    assert.ok(
      described.filter((d) => d.file.startsWith('okrs/extra-')).length === Math.ceil((PARALLEL_MIN_FILES + 6) / 3),
      `${described.length}`,
    );
    assert.equal(pooled.stdout, single.stdout);
    assert.equal(pooled.code, single.code);
  });
});
