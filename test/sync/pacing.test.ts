import assert from 'node:assert/strict';
import { startTestSandbox } from '../helpers/sandbox';
import { baseData, contentSnapshot, sync, tempDir, writeWorkspace } from './helpers';

describe('okra sync pacing', function () {
  this.timeout(60_000);
  const serverLimit = { ratePerSecond: 50, burst: 20 };
  // The same average with a smaller burst, as okra runs against Notion (3/s, burst 3 against Notion's larger
  // burst): requests that took their token in order can still reach the server a little out of order.
  const clientLimit = { ratePerSecond: 50, burst: 5 };

  it("stays under the server's rate limit: no 429s, and the pace the limit allows", async () => {
    const t = await startTestSandbox({ rateLimit: serverLimit });
    try {
      const dir = tempDir('paced');
      writeWorkspace(dir, t.rootPageId, baseData());
      const started = performance.now();
      const run = await sync(dir, t.sandbox, { rateLimit: clientLimit });
      const ms = performance.now() - started;
      assert.equal(run.exitCode, 0, run.output);
      assert.equal(t.sandbox.stats().rateLimited, 0);
      assert.equal(run.run.counters.rateLimited, 0);
      const requests = run.run.counters.requests;
      // A token bucket, not a concurrency cap: beyond the burst, requests go at the average rate.
      const floor = ((requests - clientLimit.burst) / clientLimit.ratePerSecond) * 1000;
      assert.ok(ms >= floor * 0.9, `${requests} requests in ${ms.toFixed(0)} ms, faster than ${floor.toFixed(0)} ms`);
    } finally {
      await t.close();
    }
  });

  it('without pacing gets 429s, honours Retry-After and still ends in the same state', async () => {
    const paced = await startTestSandbox({ seed: 5 });
    const naive = await startTestSandbox({ seed: 5, rateLimit: { ratePerSecond: 30, burst: 10 } });
    try {
      const a = tempDir('ref');
      writeWorkspace(a, paced.rootPageId, baseData());
      await sync(a, paced.sandbox);
      const b = tempDir('naive');
      writeWorkspace(b, naive.rootPageId, baseData());
      const retries: string[] = [];
      const started = performance.now();
      const run = await sync(b, naive.sandbox, {
        retry: { maxAttempts: 20, baseDelayMs: 1, maxDelayMs: 5_000 },
        concurrency: 8,
        log: (l) => retries.push(l),
      });
      const ms = performance.now() - started;
      assert.equal(run.exitCode, 0, run.output);
      assert.ok(run.run.counters.rateLimited > 0);
      assert.equal(run.run.counters.rateLimited, naive.sandbox.stats().rateLimited);
      // Retry-After: 1 (whole seconds, as Notion sends it) was waited out, not retried at once.
      assert.ok(ms >= 1000, `${ms} ms`);
      assert.ok(
        retries.some((l) => /after 429 in 1000 ms/.test(l)),
        retries.join('\n'),
      );
      assert.deepEqual(contentSnapshot(naive.sandbox.state()), contentSnapshot(paced.sandbox.state()));
    } finally {
      await paced.close();
      await naive.close();
    }
  });
});
