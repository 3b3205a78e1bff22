/**
 * The example workspace is what `okra init` hands to new users: it must validate with no
 * errors and no warnings through the real CLI, and `okra init` must write exactly its files.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureCliBuilt, runCli } from '../helpers/cli';
import { EXAMPLE, runScenario } from './scenario-harness';

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name), root) : [relative(root, join(dir, entry.name)).split('\\').join('/')],
    )
    .sort();
}

describe('examples/support-org', function () {
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });

  it('validates with zero errors and zero warnings through the CLI', async function () {
    const run = await runCli(['validate', EXAMPLE, '--format', 'json', '--max-warnings', '0'], { cwd: __dirname });
    assert.equal(run.stderr, '');
    const output = JSON.parse(run.stdout) as {
      files: number;
      diagnostics: Array<{ file: string; line: number; rule: string; message: string }>;
    };
    assert.deepEqual(
      output.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`),
      [],
      'the example workspace must be clean',
    );
    assert.equal(output.files, listFiles(EXAMPLE).filter((f) => f.endsWith('.yaml')).length, 'every YAML file of the example is validated');
    assert.equal(run.code, 0);
  });

  it('okra init writes the same files, byte for byte', async function () {
    const run = await runScenario('init', { workspace: 'none', argv: ['init', 'fresh'] });
    try {
      assert.equal(run.code, 0, run.stderr);
      const target = join(run.root, 'fresh');
      // The folder's README describes the example inside okra's repository; init leaves it out.
      const expected = listFiles(EXAMPLE).filter((f) => f !== 'README.md');
      // ... and adds a .gitignore for what okra writes (see init.test.ts).
      assert.deepEqual(listFiles(target), ['.gitignore', ...expected].sort());
      for (const file of expected) {
        assert.ok(readFileSync(join(target, file)).equals(readFileSync(join(EXAMPLE, file))), `${file} differs from the example`);
      }
      for (const file of expected) assert.ok(run.stdout.includes(`  ${file}\n`), `init lists ${file}`);
    } finally {
      rmSync(run.tmp, { recursive: true, force: true });
    }
  });
});
