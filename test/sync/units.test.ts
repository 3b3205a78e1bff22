import assert from 'node:assert/strict';
import { APIResponseError, RequestTimeoutError, UnknownHTTPResponseError } from '@notionhq/client';
import {
  classifyError,
  emptyState,
  parentPageIdOf,
  parseRetryAfter,
  parseState,
  RateLimiter,
  redact,
  retryDelay,
  serializeState,
  DEFAULT_RETRY,
} from '../../core/sync/notion';

const apiError = (status: number, code: string, headers: Record<string, string> = {}) =>
  new APIResponseError({
    code: code as never,
    status,
    message: code,
    headers: new Headers(headers),
    rawBodyText: '{}',
    additional_data: undefined,
    request_id: undefined,
  });

describe('sync retry policy', () => {
  const table: Array<[string, unknown, boolean]> = [
    ['429 rate_limited', apiError(429, 'rate_limited', { 'retry-after': '2' }), true],
    ['409 conflict', apiError(409, 'conflict_error'), true],
    ['500', apiError(500, 'internal_server_error'), true],
    ['502 HTML', new UnknownHTTPResponseError({ status: 502, message: undefined, headers: new Headers(), rawBodyText: '<html>' }), true],
    ['503', apiError(503, 'service_unavailable'), true],
    ['504', apiError(504, 'gateway_timeout'), true],
    ['529', apiError(529, 'service_overload', { 'retry-after': '1' }), true],
    ['timeout', new RequestTimeoutError(), true],
    [
      'socket closed',
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }),
      true,
    ],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), true],
    ['400', apiError(400, 'validation_error'), false],
    ['401', apiError(401, 'unauthorized'), false],
    ['403', apiError(403, 'restricted_resource'), false],
    ['404', apiError(404, 'object_not_found'), false],
    ['a bug', new RangeError('nope'), false],
  ];
  for (const [name, error, retry] of table) {
    it(`${retry ? 'retries' : 'does not retry'} ${name}`, () => assert.equal(classifyError(error).retry, retry));
  }

  it('honours Retry-After (seconds or a date) and slows everyone down after a 429', () => {
    const d = classifyError(apiError(429, 'rate_limited', { 'retry-after': '2' }));
    assert.equal(d.retryAfterMs, 2000);
    assert.equal(d.rateLimited, true);
    assert.equal(retryDelay(DEFAULT_RETRY, 1, d), 2000);
    assert.equal(parseRetryAfter(new Date(10_000).toUTCString(), 4_000), 6_000);
  });

  it('backs off exponentially with jitter, capped', () => {
    const d = classifyError(apiError(503, 'service_unavailable'));
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(
      retryDelay(policy, 1, d, () => 0),
      50,
    );
    assert.equal(
      retryDelay(policy, 3, d, () => 1),
      400,
    );
    assert.equal(
      retryDelay(policy, 9, d, () => 1),
      1000,
    );
  });
});

describe('sync rate limiter', () => {
  /** A clock that only moves when the limiter sleeps. */
  function fakeClock() {
    let now = 0;
    const sleeps: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      sleeps,
      elapsed: () => now,
    };
  }

  it('lets a burst through, then paces to the average rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 3, burst: 3 }, clock.now, clock.sleep);
    for (let i = 0; i < 3; i++) await limiter.acquire();
    assert.equal(clock.elapsed(), 0);
    for (let i = 0; i < 30; i++) await limiter.acquire();
    // 30 more requests at 3 per second: 10 seconds.
    assert.ok(Math.abs(clock.elapsed() - 10_000) < 1, String(clock.elapsed()));
  });

  it('serves concurrent callers one token each, in order', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 1 }, clock.now, clock.sleep);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i))));
    assert.deepEqual(order, [0, 1, 2, 3]);
    assert.ok(Math.abs(clock.elapsed() - 300) < 1);
  });

  it('stops everyone for a Retry-After pause', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 100, burst: 10 }, clock.now, clock.sleep);
    limiter.pause(2000);
    await limiter.acquire();
    assert.ok(clock.elapsed() >= 2000);
  });
});

describe('sync redaction', () => {
  it('removes the token, token-shaped strings and Authorization values', () => {
    const token = 'secret_abcdefghijklmnop1234';
    assert.equal(redact(`bad token ${token}!`, [token]), 'bad token [redacted]!');
    assert.equal(redact('ntn_1234567890abcdef leaked'), '[redacted] leaked');
    assert.equal(redact('{"authorization":"Bearer xyz123"}'), '{"authorization":"[redacted]"}');
  });
});

describe('sync state file', () => {
  it('round-trips and ignores state for another parent page', () => {
    const state = emptyState('8c1f3e2a-9b7d-4c6e-8f0a-1b2c3d4e5f60');
    state.rows['objectives/a'] = { pageId: 'p', hash: 'h', lastEditedTime: 't' };
    state.databases.kpis = { databaseId: 'd', dataSourceId: 's', propertyIds: { Name: 'title' } };
    const text = serializeState(state);
    assert.deepEqual(parseState(text, '8c1f3e2a-9b7d-4c6e-8f0a-1b2c3d4e5f60').state, state);
    assert.deepEqual(parseState(text, '8c1f3e2a9b7d4c6e8f0a1b2c3d4e5f60').state.rows, state.rows);
    const other = parseState(text, '00000000-0000-0000-0000-000000000000');
    assert.deepEqual(other.state.rows, {});
    assert.match(other.note ?? '', /another parent page/);
    assert.match(parseState('{oops', 'x').note ?? '', /not valid JSON/);
  });

  it('reads notion.parent_page as a URL or an id', () => {
    assert.equal(parentPageIdOf('8c1f3e2a9b7d4c6e8f0a1b2c3d4e5f60'), '8c1f3e2a-9b7d-4c6e-8f0a-1b2c3d4e5f60');
    assert.equal(
      parentPageIdOf('https://www.notion.so/acme/Support-OKRs-8c1f3e2a9b7d4c6e8f0a1b2c3d4e5f60'),
      '8c1f3e2a-9b7d-4c6e-8f0a-1b2c3d4e5f60',
    );
    assert.equal(parentPageIdOf('not a page'), undefined);
  });
});
