/**
 * okra as an installed tool: `npm pack` gives a tarball that installs offline (its runtime
 * dependencies are bundled into dist/ by esbuild, so it has none to fetch) and whose `okra`
 * runs: the CLI's bundles, its worker and the example workspaces that init and demo copy are in it.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt, REPO } from '../helpers/cli';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

describe('the npm package', function () {
  this.timeout(300_000);
  let tmp: string;
  before(() => {
    ensureCliBuilt();
    tmp = mkdtempSync(join(tmpdir(), 'okra-package-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('npm pack gives a tarball that npm install -g installs offline, and its okra runs', () => {
    // dist/ is built already (ensureCliBuilt); the prepare script need not build it again.
    run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], REPO);
    const [tarball] = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    const prefix = join(tmp, 'g');
    run('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(tmp, tarball)], tmp);
    const okra = join(prefix, 'bin', 'okra');

    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run(okra, ['--version'], tmp).stdout, `${version}\n`);

    const workspace = join(tmp, 'workspace');
    cpSync(join(REPO, 'examples', 'support-org'), workspace, { recursive: true });
    assert.match(run(okra, ['validate'], workspace).stdout, /8 files checked, no problems/);
    // Every command's bundle and the worker that big workspaces are checked with (which okra
    // would otherwise silently do without) are installed.
    const root = join(prefix, 'lib', 'node_modules', 'okra');
    // Only what runs: no sources, tests or node_modules (.npmignore), and no dependencies installed.
    assert.deepEqual(readdirSync(root).sort(), ['LICENSE', 'README.md', 'dist', 'examples', 'package.json']);
    const installed = join(root, 'dist');
    const bundles = readdirSync(join(REPO, 'dist')).filter((f) => /^(okra-.*|analysis-worker)\.js$/.test(f));
    assert.ok(bundles.length > 5);
    for (const bundle of bundles) assert.ok(existsSync(join(installed, bundle)), `${bundle} is installed`);

    // init copies from the installed package's examples/.
    run(okra, ['init', '--minimal', 'team'], tmp);
    assert.match(run(okra, ['validate'], join(tmp, 'team')).stdout, /3 files checked, no problems/);
  });
});
