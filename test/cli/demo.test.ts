/**
 * `okra demo` (`npm start`): the example tells its story as of its own `as_of` date, not today,
 * and a busy sandbox port is noticed before anything is rendered, not after.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt, runCli } from '../helpers/cli';

function listen(server: Server): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port));
  });
}

describe('okra demo', function () {
  this.timeout(120_000);
  let tmp: string;
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'okra-demo-test-'))));
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it("uses the example's as_of date, says so, and falls back to a free port when its port is busy", async function () {
    const blocker = createServer();
    const busy = await listen(blocker);
    try {
      const run = await runCli(['demo', '--no-serve', '--port', String(busy), '--out', 'out'], { cwd: tmp });
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /EADDRINUSE|^\s+at /m);
      assert.match(run.stdout, /as of 2026-04-14, from okra\.config\.yaml/);
      const fallback = new RegExp(`Port ${busy} is busy; the sandbox uses (http://127\\.0\\.0\\.1:(\\d+)) instead`).exec(run.stdout);
      assert.ok(fallback, `no fallback URL in:\n${run.stdout}`);
      assert.notEqual(Number(fallback[2]), busy);
      assert.match(run.stdout, new RegExp(`Notion sync.* into a local sandbox at ${fallback[1].replace(/\./g, '\\.')}`));
      // The port is checked first: the warning comes before the documents are written.
      assert.ok(run.stdout.indexOf('is busy') < run.stdout.indexOf('Documents'), 'the port is checked before rendering');
      // The documents are as of the example's date too, and its objectives are not all off track.
      assert.match(readFileSync(join(tmp, 'out', 'one-on-one', 'jonas-berg.md'), 'utf8'), /Figures as of 14 Apr 2026/);
      const offTrack = run.stdout.split('\n').filter((line) => / off track /.test(line)).length;
      assert.ok(offTrack <= 2, `${offTrack} objectives off track as of the example's date`);
    } finally {
      blocker.close();
    }
  });

  it('--at wins over the config, and a wrong --at is a usage error', async function () {
    const run = await runCli(['demo', '--no-serve', '--port', '0', '--at', '2026-03-02', '--out', 'out'], { cwd: tmp });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /as of 2026-03-02, from --at/);
    assert.match(readFileSync(join(tmp, 'out', 'one-on-one', 'jonas-berg.md'), 'utf8'), /Figures as of 2 Mar 2026/);

    const wrong = await runCli(['demo', '--no-serve', '--port', '0', '--at', 'soon'], { cwd: tmp });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--at takes a date like 2026-04-14, not "soon"/);
    assert.doesNotMatch(wrong.stderr, /^\s+at /m);
  });
});
