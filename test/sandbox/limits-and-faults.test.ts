import assert from 'node:assert/strict';
import { APIErrorCode, APIResponseError, Client, isNotionClientError, LogLevel, UnknownHTTPResponseError } from '@notionhq/client';
import { NOTION_RATE_LIMIT, parseFaultSpec, type FaultKind } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

const headersFor = (token: string) => ({ authorization: `Bearer ${token}`, 'notion-version': '2025-09-03' });

describe('sandbox: rate limiting', () => {
  it('answers a burst beyond the bucket with 429 rate_limited and an integer Retry-After', async () => {
    const t = await startTestSandbox({ rateLimit: { ratePerSecond: 1, burst: 3 } });
    try {
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => fetch(`${t.sandbox.url}/v1/users/me`, { headers: headersFor(t.sandbox.token) })),
      );
      const limited = responses.filter((r) => r.status === 429);
      assert.ok(limited.length >= 2, `expected at least two 429s, got ${limited.length}`);
      assert.equal(responses.filter((r) => r.status === 200).length + limited.length, 6);
      for (const r of limited) {
        assert.match(r.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
        const body = (await r.json()) as { code: string; message: string; object: string };
        assert.deepEqual([body.object, body.code], ['error', 'rate_limited']);
      }
      assert.equal(t.sandbox.stats().rateLimited, limited.length);
      const sdkError = await t.client.users.me({}).catch((e: unknown) => e);
      assert.ok(APIResponseError.isAPIResponseError(sdkError));
      assert.equal(sdkError.code, APIErrorCode.RateLimited);
    } finally {
      await t.close();
    }
  });

  it("defaults to Notion's budget: a burst of 15 gets throttled", async () => {
    const t = await startTestSandbox({ rateLimit: NOTION_RATE_LIMIT });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 15 }, () =>
          fetch(`${t.sandbox.url}/v1/users/me`, { headers: headersFor(t.sandbox.token) }).then((r) => r.status),
        ),
      );
      assert.ok(statuses.filter((s) => s === 429).length >= 4, statuses.join(','));
      assert.ok(statuses.filter((s) => s === 200).length >= 10);
    } finally {
      await t.close();
    }
  });

  it("lets the SDK's own retry recover by honouring Retry-After", async () => {
    const t = await startTestSandbox({ faults: { retryAfterSeconds: 0 } }, { retry: { maxRetries: 2, initialRetryDelayMs: 1 } });
    try {
      t.sandbox.failNext('429', { count: 2 });
      const me = await t.client.users.me({});
      assert.equal(me.type, 'bot');
      assert.equal(t.sandbox.stats().faults['429'], 2);
    } finally {
      await t.close();
    }
  });
});

describe('sandbox: fault injection', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  const expectations: Array<[FaultKind, (e: unknown) => boolean]> = [
    ['409', (e) => APIResponseError.isAPIResponseError(e) && e.code === APIErrorCode.ConflictError && e.status === 409],
    [
      '429',
      (e) =>
        APIResponseError.isAPIResponseError(e) &&
        e.code === APIErrorCode.RateLimited &&
        e.headers instanceof Headers &&
        e.headers.get('retry-after') === '1',
    ],
    ['500', (e) => APIResponseError.isAPIResponseError(e) && e.code === APIErrorCode.InternalServerError],
    [
      '502',
      (e) =>
        UnknownHTTPResponseError.isUnknownHTTPResponseError(e) && e.status === 502 && e.body.includes('<title>502 Bad Gateway</title>'),
    ],
    ['503', (e) => APIResponseError.isAPIResponseError(e) && e.code === APIErrorCode.ServiceUnavailable],
    ['504', (e) => APIResponseError.isAPIResponseError(e) && e.code === APIErrorCode.GatewayTimeout],
    ['529', (e) => APIResponseError.isAPIResponseError(e) && e.code === APIErrorCode.ServiceOverload && e.status === 529],
    ['drop', (e) => e instanceof TypeError && !isNotionClientError(e)],
  ];
  for (const [kind, check] of expectations) {
    it(`makes a ${kind} fault observable through the SDK`, async () => {
      t.sandbox.failNext(kind);
      const error = await t.client.users.me({}).catch((e: unknown) => e);
      assert.ok(check(error), `unexpected outcome for ${kind}: ${String(error)}`);
      // One-off faults are consumed: the next request succeeds.
      assert.equal((await t.client.users.me({})).type, 'bot');
    });
  }

  it('can lose the response of a write that did happen', async () => {
    t.sandbox.failNext('504', { match: 'POST /v1/pages', afterWrite: true });
    const before = Object.keys(t.sandbox.state().pages).length;
    const error = await t.client.pages
      .create({ parent: { page_id: t.rootPageId }, properties: { title: { title: [{ text: { content: 'Ghost write' } }] } } })
      .catch((e: unknown) => e);
    assert.ok(APIResponseError.isAPIResponseError(error) && error.code === APIErrorCode.GatewayTimeout);
    assert.equal(Object.keys(t.sandbox.state().pages).length, before + 1);
  });

  it('draws random faults reproducibly from a seed', async () => {
    const run = async () => {
      const s = await startTestSandbox({ faults: { rates: { '500': 0.5 }, seed: 7 } });
      try {
        const outcomes: string[] = [];
        for (let i = 0; i < 30; i++)
          outcomes.push(
            await s.client.users.me({}).then(
              () => 'ok',
              () => 'fail',
            ),
          );
        return outcomes;
      } finally {
        await s.close();
      }
    };
    const a = await run();
    const b = await run();
    assert.deepEqual(a, b);
    const failures = a.filter((o) => o === 'fail').length;
    assert.ok(failures > 5 && failures < 25, `failures: ${failures}`);
  });

  it('adds latency', async () => {
    t.sandbox.setFaults({ latencyMs: 150 });
    try {
      const start = performance.now();
      await t.client.users.me({});
      assert.ok(performance.now() - start >= 140);
    } finally {
      t.sandbox.setFaults(null);
    }
  });

  it('is driven over HTTP through /__sandbox/faults, JSON only', async () => {
    const post = (body: unknown, type = 'application/json') =>
      fetch(`${t.sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });
    assert.equal((await post({ next: { kind: '503' } }, 'text/plain')).status, 415);
    assert.equal((await post({ next: { kind: '503' } })).status, 200);
    const error = await t.client.users.me({}).catch((e: unknown) => e);
    assert.ok(APIResponseError.isAPIResponseError(error) && error.status === 503);
    assert.equal((await post({ rates: { '418': 0.5 } })).status, 400);
  });

  it('gives the SDK timeout a slow response to trip on', async () => {
    const client = new Client({ auth: t.sandbox.token, baseUrl: t.sandbox.url, retry: false, timeoutMs: 50, logLevel: LogLevel.ERROR });
    t.sandbox.setFaults({ latencyMs: 200 });
    try {
      const error = await client.users.me({}).catch((e: unknown) => e);
      assert.ok(isNotionClientError(error) && error.code === 'notionhq_client_request_timeout');
    } finally {
      t.sandbox.setFaults(null);
    }
  });
});

describe('sandbox: fault spec parsing', () => {
  it('parses the CLI form', () => {
    assert.deepEqual(parseFaultSpec('429=0.1, 502=0.05,drop=0.01,latency=20-200,after-write=0.5,retry-after=2,seed=42'), {
      rates: { '429': 0.1, '502': 0.05, drop: 0.01 },
      latencyMs: [20, 200],
      afterWrite: 0.5,
      retryAfterSeconds: 2,
      seed: 42,
    });
    assert.deepEqual(parseFaultSpec('latency=30'), { rates: {}, latencyMs: 30 });
  });

  it('rejects unknown kinds and out-of-range rates', () => {
    assert.throws(() => parseFaultSpec('418=0.1'), /Unknown fault setting "418"/);
    assert.throws(() => parseFaultSpec('500=2'), /between 0 and 1/);
    assert.throws(() => parseFaultSpec('500'), /needs a value/);
  });
});
