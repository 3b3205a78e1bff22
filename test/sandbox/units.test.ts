import assert from 'node:assert/strict';
import { TokenBucket } from '../../sandbox/rate-limit';
import { paginate } from '../../sandbox/model/query';
import { normalizeId } from '../../sandbox/model/ids';
import { floorToMinute } from '../../sandbox/model/clock';
import { escapeHtml } from '../../sandbox';
import { expectArray, expectString, readPageSize } from '../../sandbox/model/validate-body';

describe('sandbox units', () => {
  describe('TokenBucket', () => {
    it('allows a burst, then refills at the average rate, with whole-second Retry-After', () => {
      let now = 0;
      const bucket = new TokenBucket({ ratePerSecond: 3, burst: 10 }, () => now);
      for (let i = 0; i < 10; i++) assert.deepEqual(bucket.take(), { allowed: true });
      assert.deepEqual(bucket.take(), { allowed: false, retryAfterSeconds: 1 });
      now += 334; // one token at 3/s
      assert.deepEqual(bucket.take(), { allowed: true });
      assert.equal(bucket.take().allowed, false);
      now += 10_000; // refills up to the burst size, not beyond
      for (let i = 0; i < 10; i++) assert.equal(bucket.take().allowed, true);
      assert.equal(bucket.take().allowed, false);
    });

    it('rounds Retry-After up for slow rates', () => {
      const bucket = new TokenBucket({ ratePerSecond: 0.25, burst: 1 }, () => 0);
      bucket.take();
      assert.deepEqual(bucket.take(), { allowed: false, retryAfterSeconds: 4 });
    });
  });

  describe('paginate', () => {
    const items = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}` }));
    it('walks a list with opaque cursors', () => {
      const a = paginate(items, undefined, 3);
      assert.deepEqual([a.results.map((r) => r.id), a.has_more], [['i0', 'i1', 'i2'], true]);
      const b = paginate(items, a.next_cursor, 3);
      const c = paginate(items, b.next_cursor, 3);
      assert.deepEqual(
        c.results.map((r) => r.id),
        ['i6'],
      );
      assert.equal(c.next_cursor, null);
    });

    it('follows the item, not the offset, when the list changed under the cursor', () => {
      const a = paginate(items, undefined, 3);
      const shrunk = items.filter((i) => i.id !== 'i0');
      assert.deepEqual(
        paginate(shrunk, a.next_cursor, 2).results.map((r) => r.id),
        ['i3', 'i4'],
      );
    });

    it('rejects cursors it did not issue', () => {
      assert.throws(() => paginate(items, 'not-a-cursor', 3), /start_cursor provided is invalid/);
    });
  });

  describe('validation messages', () => {
    it("speak Notion's style", () => {
      assert.throws(() => expectArray(new Array(131).fill(0), 'body.children', 100), {
        message: 'body failed validation: body.children.length should be ≤ `100`, instead was `131`.',
      });
      assert.throws(() => expectString(5, 'body.query'), {
        message: 'body failed validation: body.query should be a string, instead was `5`.',
      });
      assert.throws(() => readPageSize(0, 'query.page_size'), {
        message: 'query failed validation: query.page_size should be ≥ `1`, instead was `0`.',
      });
      assert.equal(readPageSize('25', 'query.page_size'), 25);
    });
  });

  it('normalizes ids with or without dashes, in any case', () => {
    assert.equal(normalizeId('0F0F0F0F0F0F4F0F8F0F0F0F0F0F0F0F'), '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f');
    assert.equal(normalizeId('nope'), null);
  });

  it('floors timestamps to the minute', () => {
    assert.equal(new Date(floorToMinute(Date.parse('2025-01-01T10:20:59.999Z'))).toISOString(), '2025-01-01T10:20:00.000Z');
  });

  it('escapes HTML metacharacters', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;');
  });
});
