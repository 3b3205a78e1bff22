/**
 * `okra init`: the --minimal skeleton, the .gitignore, refusing to nest a workspace, and telling
 * truthfully which files it wrote and which it kept. (The full example: example-workspace.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt, runCli } from '../helpers/cli';

describe('okra init', function () {
  let tmp: string;
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'okra-init-test-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('--minimal writes a skeleton and a .gitignore that validate clean', async function () {
    const run = await runCli(['init', '--minimal', 'team'], { cwd: tmp });
    assert.equal(run.code, 0, run.stderr);
    const target = join(tmp, 'team');
    const files = ['.gitignore', 'okra.config.yaml', 'okrs/support-2026-h2.yaml', 'org.yaml'];
    assert.deepEqual(readdirSync(target, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length, files.length);
    for (const file of files) {
      assert.ok(existsSync(join(target, file)), `${file} written`);
      assert.match(run.stdout, new RegExp(`^  ${file.replace('.', '\\.')}$`, 'm'), `${file} listed`);
    }
    assert.match(run.stdout, /^Wrote 4 files to /);
    assert.doesNotMatch(run.stdout, /Kept/);
    assert.deepEqual(
      readFileSync(join(target, '.gitignore'), 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#')),
      ['out/', '.okra/'],
    );

    const validate = await runCli(['validate', '--format', 'json', '--max-warnings', '0'], { cwd: target });
    assert.equal(validate.code, 0, validate.stdout);
    const output = JSON.parse(validate.stdout) as { files: number; diagnostics: unknown[] };
    assert.deepEqual(output.diagnostics, []);
    assert.equal(output.files, 3);
  });

  it('refuses to write a workspace inside another one (exit 2, no stack trace)', async function () {
    writeFileSync(join(tmp, 'okra.config.yaml'), 'kind: Config\nversion: 1\n');
    mkdirSync(join(tmp, 'teams', 'emea'), { recursive: true });
    for (const [cwd, dir] of [
      [tmp, 'teams/emea'],
      [join(tmp, 'teams', 'emea'), '.'],
    ]) {
      const run = await runCli(['init', '--minimal', dir], { cwd });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, /is inside the okra workspace .+ \(it has okra\.config\.yaml\)/);
      assert.doesNotMatch(run.stderr, /^\s+at /m);
      assert.deepEqual(readdirSync(join(tmp, 'teams', 'emea')), [], 'nothing written');
    }
  });

  it("keeps a user's own files and says so, instead of claiming to have written them", async function () {
    const target = join(tmp, 'ours');
    mkdirSync(target);
    writeFileSync(join(target, 'org.yaml'), '# our org, by hand\n');
    writeFileSync(join(target, '.gitignore'), 'node_modules/\n');
    const run = await runCli(['init', 'ours'], { cwd: tmp });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(target, 'org.yaml'), 'utf8'), '# our org, by hand\n');
    assert.equal(readFileSync(join(target, '.gitignore'), 'utf8'), 'node_modules/\n');
    const [wrote, kept] = run.stdout.split(/^Kept /m);
    assert.ok(kept, `no "Kept" section in:\n${run.stdout}`);
    assert.doesNotMatch(wrote, /^ {2}org\.yaml$/m, 'org.yaml is not listed as written');
    assert.match(wrote, /^ {2}okra\.config\.yaml$/m);
    assert.match(kept, /^2 files that were there already \(not changed\):\n {2}org\.yaml\n {2}\.gitignore\n/);
  });
});
