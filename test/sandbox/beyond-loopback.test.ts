import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSandbox } from '../../cli/commands/sandbox';
import { ensureCliBuilt, runCli } from '../helpers/cli';

describe('okra sandbox --host beyond loopback', () => {
  let dir: string;
  before(async function () {
    // A stale dist/cli.js is rebuilt first.
    this.timeout(120_000);
    ensureCliBuilt();
    dir = await mkdtemp(join(tmpdir(), 'okra-sandbox-host-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('refuses to start with the public default token, as a usage error (exit 2)', async () => {
    // Killed if it starts after all, rather than left listening.
    const run = await runCli(['sandbox', '--host', '0.0.0.0', '--port', '0'], { cwd: dir, killAfterMs: 10_000 });
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /--host 0\.0\.0\.0 lets other machines reach the sandbox.*secret_sandbox is public: pass --token/);
    assert.doesNotMatch(run.stdout, /Notion API/, 'nothing was started');
  });

  it('refuses the public token also when it is passed explicitly', async () => {
    await assert.rejects(
      runSandbox({ host: '::', port: '0', token: 'secret_sandbox' }, () => {}),
      /default token secret_sandbox is public/,
    );
  });

  it('starts with a token of its own, warns that other machines can reach it, and says which names it answers', async () => {
    const printed: string[] = [];
    const warned: string[] = [];
    const token = `secret_${randomUUID()}`;
    const sandbox = await runSandbox(
      { host: '0.0.0.0', port: '0', token, allowHost: ['okra.lan'] },
      (line) => printed.push(line),
      (line) => warned.push(line),
    );
    try {
      assert.equal(sandbox.token, token);
      assert.equal(warned.length, 1, warned.join('\n'));
      assert.match(warned[0], /warning: listening on 0\.0\.0\.0, beyond this machine/);
      assert.match(warned[0], /addressed to localhost, 127\.0\.0\.1, \[::1\], 0\.0\.0\.0, okra\.lan;/);
      assert.ok(!printed.some((line) => line.includes('warning')));
    } finally {
      await sandbox.close();
    }
  });

  it('stays quiet on loopback with the default token', async () => {
    const warned: string[] = [];
    const sandbox = await runSandbox(
      { host: 'localhost', port: '0' },
      () => {},
      (line) => warned.push(line),
    );
    try {
      assert.equal(sandbox.token, 'secret_sandbox');
      assert.deepEqual(warned, []);
    } finally {
      await sandbox.close();
    }
  });
});
