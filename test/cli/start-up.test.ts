/**
 * What `okra` does before and around a command: it loads the bundle of that command only, and a
 * reader that closes its end of the pipe ends it quietly.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BROKEN_PIPE_EXIT } from '../../cli/broken-pipe';
import { CLI, ensureCliBuilt, REPO } from '../helpers/cli';

const EXAMPLE = join(REPO, 'examples', 'support-org');

interface PipedRun {
  code: number | null;
  stderr: string;
  received: number;
}

/** Runs the CLI with its stdout read by a reader that closes after `keep` bytes (0: at once). */
function runIntoClosingReader(args: readonly string[], keep: number, nodeArgs: readonly string[] = []): Promise<PipedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const err: Buffer[] = [];
    let received = 0;
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    if (keep === 0) child.stdout.destroy();
    else
      child.stdout.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= keep) child.stdout.destroy();
      });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString('utf8'), received }));
  });
}

describe('okra start-up', function () {
  this.timeout(60_000);
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });

  describe('a closed stdout ends okra quietly', () => {
    it('okra validate --format json | head -c 10', async () => {
      const run = await runIntoClosingReader(['validate', EXAMPLE, '--format', 'json'], 10);
      assert.ok(run.received >= 10, 'the reader got its bytes');
      assert.doesNotMatch(run.stderr, /EPIPE|\n\s+at /);
      assert.ok(run.code === 0 || run.code === BROKEN_PIPE_EXIT, `exit code ${run.code}`);
    });

    for (const args of [
      ['validate', EXAMPLE, '--format', 'json'],
      ['validate', EXAMPLE],
      ['schedule', EXAMPLE, '--from', '2026-03-02'],
      ['--help'],
      ['--version'],
    ]) {
      it(`okra ${args.map((a) => (a === EXAMPLE ? 'examples/support-org' : a)).join(' ')}, the reader gone before it writes`, async () => {
        const run = await runIntoClosingReader(args, 0);
        assert.equal(run.stderr, '');
        assert.equal(run.code, BROKEN_PIPE_EXIT);
      });
    }
  });

  it('okra validate loads the bundle of validate and no other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okra-start-'));
    try {
      const hook = join(dir, 'loaded.cjs');
      writeFileSync(
        hook,
        "process.on('exit', () => process.stderr.write('loaded ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n",
      );
      const run = await runIntoClosingReader(['validate', EXAMPLE, '--format', 'json'], Infinity, ['--require', hook]);
      assert.equal(run.code, 0, run.stderr);
      const loaded = (JSON.parse(/^loaded (.*)$/m.exec(run.stderr)?.[1] ?? '[]') as string[])
        .filter((f) => f !== hook)
        .map((f) => basename(f));
      assert.deepEqual(loaded.sort(), ['cli.js', 'okra-validate.js']);
      const bundles = readdirSync(join(REPO, 'dist')).filter((f) => /^okra-.*\.js$/.test(f));
      assert.ok(bundles.includes('okra-all.js') && bundles.includes('okra-sync.js'), `bundles: ${bundles.join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
