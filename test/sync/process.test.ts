import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../../sandbox';
import { startTestSandbox } from '../helpers/sandbox';
import { baseData, contentSnapshot, duplicates, NOW, sync, tempDir, WINDOW, writeWorkspace } from './helpers';

const FIXTURE = join(__dirname, 'fixtures', 'run-sync.ts');
const ROOT = join(__dirname, '..', '..');

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns the sync fixture; `onSpawn` gets the process (to kill it). */
function runChild(workspace: string, env: Record<string, string>, onSpawn?: (kill: () => void) => void): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, workspace], {
      cwd: ROOT,
      env: { ...process.env, OKRA_SYNC_NOW: NOW.toISO()!, OKRA_SYNC_FROM: WINDOW.from, OKRA_SYNC_TO: WINDOW.to, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(() => child.kill('SIGKILL'));
  });
}

describe('okra sync as a process', function () {
  this.timeout(120_000);

  for (const killAfter of [3, 20]) {
    it(`resumes without duplicates after SIGKILL at write ${killAfter}`, async () => {
      // The reference: the same workspace synced in one go.
      const ref = await startTestSandbox({ seed: 3 });
      const refDir = tempDir('kill-ref');
      writeWorkspace(refDir, ref.rootPageId, baseData());
      await sync(refDir, ref.sandbox);
      const expected = contentSnapshot(ref.sandbox.state());
      await ref.close();

      let kill: (() => void) | undefined;
      let killedAt = -1;
      // The persist hook runs right after every change the sandbox commits: the moment to kill.
      const sandbox: SandboxHandle = await startSandbox({
        rateLimit: false,
        seed: 3,
        persist: async () => {
          const writes = sandbox.stats().writes;
          if (kill && killedAt < 0 && writes >= killAfter) {
            killedAt = writes;
            kill();
          }
        },
      });
      try {
        const root = sandbox.createRootPage('okra test root');
        const dir = tempDir('kill');
        writeWorkspace(dir, root, baseData());
        const env = { NOTION_TOKEN: sandbox.token, NOTION_BASE_URL: sandbox.url, OKRA_SYNC_RATE: '60' };
        const killed = await runChild(dir, env, (k) => (kill = k));
        assert.equal(killed.signal, 'SIGKILL', `the run finished before write ${killAfter}: ${killed.stdout}${killed.stderr}`);
        assert.ok(killedAt >= killAfter);
        kill = undefined;
        const resumed = await runChild(dir, env);
        assert.equal(resumed.code, 0, resumed.stdout + resumed.stderr);
        assert.doesNotMatch(resumed.stdout, /\(duplicate\)/);
        assert.deepEqual(duplicates(sandbox.state()), []);
        assert.deepEqual(contentSnapshot(sandbox.state()), expected);
        const again = await runChild(dir, env);
        assert.match(again.stdout, /Plan: 0 to create, 0 to update, 0 to archive, 36 unchanged\./);
      } finally {
        await sandbox.close();
      }
    });
  }

  it('never prints the token, even when an error from the client contains it', async () => {
    const token = 'tok-7f3a9c2e51b8d4e6';
    const t = await startTestSandbox({ token });
    try {
      const dir = tempDir('redact');
      writeWorkspace(dir, t.rootPageId, baseData());
      // A token pasted into the API address: fetch refuses the URL and quotes it, token included.
      const url = new URL(t.sandbox.url);
      url.username = 'okra';
      url.password = token;
      const child = await runChild(dir, { NOTION_TOKEN: token, NOTION_BASE_URL: url.href.replace(/\/$/, '') });
      assert.equal(child.code, 2);
      assert.match(child.stderr, /okra: .*credentials.*\[redacted\]/);
      assert.ok(!child.stdout.includes(token) && !child.stderr.includes(token), child.stderr);
      // In process: the thrown error and the log lines are clean too.
      const logs: string[] = [];
      const error = await sync(dir, t.sandbox, { baseUrl: url.href, token, log: (l) => logs.push(l) }).catch((e: unknown) => e as Error);
      assert.ok(error instanceof Error);
      assert.ok(!error.message.includes(token) && !String(error.stack).includes(token));
      assert.ok(!logs.join('\n').includes(token));
    } finally {
      await t.close();
    }
  });

  it('reports a missing parent page clearly, without the token', async () => {
    const token = 'tok-0123456789abcdef';
    const t = await startTestSandbox({ token });
    try {
      const dir = tempDir('no-parent');
      writeWorkspace(dir, '8c1f3e2a9b7d4c6e8f0a1b2c3d4e5f60', baseData());
      const child = await runChild(dir, { NOTION_TOKEN: token, NOTION_BASE_URL: t.sandbox.url });
      assert.equal(child.code, 2);
      assert.match(child.stderr, /no page 8c1f3e2a-9b7d-4c6e-8f0a-1b2c3d4e5f60 shared with this integration/);
      assert.ok(!child.stderr.includes(token));
    } finally {
      await t.close();
    }
  });
});
