import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { cycleElapsed, cycleInterval, elapsedShare, parseCycle, periodWithin } from '../../core/compute/cycle';
import { parseDate } from '../../core/compute/date';
import { durationSeconds, humanDuration } from '../../core/compute/duration';

describe('compute/duration', () => {
  it('writes durations for people: "30 s", not PT30S', () => {
    assert.equal(humanDuration('PT30S'), '30 s');
    assert.equal(humanDuration('PT4M30S'), '4 min 30 s');
    assert.equal(humanDuration('PT24H'), '24 h');
    assert.equal(humanDuration('P1DT2H'), '1 day 2 h');
    assert.equal(humanDuration('P3D'), '3 days');
    assert.equal(humanDuration('soon'), 'soon');
  });

  it('reads ISO 8601 durations as seconds', () => {
    assert.equal(durationSeconds('PT20S'), 20);
    assert.equal(durationSeconds('PT8M30S'), 510);
    assert.equal(durationSeconds('PT24H'), 86400);
    assert.equal(durationSeconds('P3D'), 259200);
  });
  it('returns undefined for anything else', () => {
    for (const bad of ['20s', '', 'P', 20, null, undefined, 'PTXS']) assert.equal(durationSeconds(bad), undefined, String(bad));
  });
});

describe('compute/cycle', () => {
  it('parses the four cycle forms', () => {
    assert.deepEqual(parseCycle('2026'), { year: 2026, unit: 'year', index: 1 });
    assert.deepEqual(parseCycle('2026-H2'), { year: 2026, unit: 'half', index: 2 });
    assert.deepEqual(parseCycle('2026-Q3'), { year: 2026, unit: 'quarter', index: 3 });
    assert.deepEqual(parseCycle('2026-03'), { year: 2026, unit: 'month', index: 3 });
    for (const bad of ['2026-H3', '2026-Q5', '2026-13', '26', 'H1', 2026, '2026-1']) assert.equal(parseCycle(bad), undefined, String(bad));
  });

  it('parses ISO weeks and days (issue 13)', () => {
    assert.deepEqual(parseCycle('2026-W14'), { year: 2026, unit: 'week', index: 14 });
    assert.deepEqual(parseCycle('2026-04-07'), { year: 2026, unit: 'day', index: 97, month: 4, day: 7 });
    // 2026 has 53 ISO weeks, 2025 has 52; 30 February does not exist.
    assert.equal(parseCycle('2026-W53')?.unit, 'week');
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-02-30', '2026-04-7', '2026-W1'])
      assert.equal(parseCycle(bad), undefined, bad);
  });

  it('gives weeks Monday to Monday and days midnight to midnight, with luxon', () => {
    const w14 = cycleInterval('2026-W14', 'Europe/Lisbon')!;
    assert.equal(w14.start!.toISO(), '2026-03-30T00:00:00.000+01:00');
    assert.equal(w14.end!.toISODate(), '2026-04-06');
    // ISO week 1 of 2026 starts on Monday 29 December 2025.
    assert.equal(cycleInterval('2026-W01', 'UTC')!.start!.toISODate(), '2025-12-29');
    const day = cycleInterval('2026-04-07', 'UTC')!;
    assert.equal(day.start!.toISO(), '2026-04-07T00:00:00.000Z');
    assert.equal(day.length('hours'), 24);
    assert.ok(periodWithin('2026-04-07', '2026-W15'));
    assert.ok(periodWithin('2026-W14', '2026-Q2') === false);
    assert.ok(periodWithin('2026-W15', '2026-Q2'));
    assert.ok(periodWithin('2026-W14', '2026-H1'));
    assert.ok(!periodWithin('2026-W01', '2026-Q1'));
    assert.equal(cycleInterval('2026-02-30'), undefined);
  });

  it('gives half-open intervals in the workspace time zone', () => {
    const h1 = cycleInterval('2026-H1', 'Europe/Lisbon')!;
    assert.equal(h1.start!.toISO(), '2026-01-01T00:00:00.000+00:00');
    // Lisbon is on summer time (UTC+1) when H2 starts.
    assert.equal(h1.end!.toISO(), '2026-07-01T00:00:00.000+01:00');
    const q3 = cycleInterval('2026-Q3', 'America/New_York')!;
    assert.equal(q3.start!.toUTC().toISO(), '2026-07-01T04:00:00.000Z');
    assert.equal(q3.end!.toUTC().toISO(), '2026-10-01T04:00:00.000Z');
    const march = cycleInterval('2026-03', 'Asia/Tokyo')!;
    assert.equal(march.start!.toUTC().toISO(), '2026-02-28T15:00:00.000Z');
    assert.equal(march.end!.toISODate(), '2026-04-01');
    const year = cycleInterval('2026', 'UTC')!;
    assert.equal(year.length('days'), 365);
    assert.equal(cycleInterval('2026-H3'), undefined);
  });

  it('includes the first and last day and excludes the next', () => {
    const zone = 'Europe/Lisbon';
    const h1 = cycleInterval('2026-H1', zone)!;
    assert.ok(h1.contains(parseDate('2026-01-01', zone)!));
    assert.ok(h1.contains(parseDate('2026-06-30', zone)!));
    assert.ok(!h1.contains(parseDate('2026-07-01', zone)!));
    assert.ok(!h1.contains(parseDate('2025-12-31', zone)!));
  });

  it('measures the share of a cycle elapsed, clamped to 0..1', () => {
    const zone = 'Europe/Lisbon';
    const q1 = cycleInterval('2026-Q1', zone)!;
    assert.equal(elapsedShare(q1, DateTime.fromISO('2025-12-31T23:59', { zone })), 0);
    assert.equal(elapsedShare(q1, q1.start!), 0);
    assert.equal(elapsedShare(q1, q1.end!), 1);
    assert.equal(elapsedShare(q1, DateTime.fromISO('2026-05-01', { zone })), 1);
    // 45 of 90 days; in Lisbon, Q1 is an hour short (summer time starts on 29 March).
    assert.equal(elapsedShare(cycleInterval('2026-Q1', 'UTC')!, DateTime.fromISO('2026-02-15', { zone: 'UTC' })), 0.5);
    assert.ok(Math.abs(elapsedShare(q1, DateTime.fromISO('2026-02-15', { zone })) - 45 / (90 - 1 / 24)) < 1e-12);
    // The same instant is earlier in a zone further west: less of its cycle has elapsed.
    const instant = DateTime.fromISO('2026-01-01T02:00:00Z');
    assert.ok(cycleElapsed('2026-Q1', instant, 'Europe/Lisbon')! > 0);
    assert.equal(cycleElapsed('2026-Q1', instant, 'America/New_York'), 0);
    assert.equal(cycleElapsed('someday', instant), undefined);
  });

  it('knows which periods lie within others', () => {
    assert.ok(periodWithin('2026-03', '2026-H1'));
    assert.ok(periodWithin('2026-Q2', '2026'));
    assert.ok(!periodWithin('2026-07', '2026-H1'));
    assert.ok(!periodWithin('2026', '2026-H1'));
  });
});

describe('compute/date', () => {
  it('reads ISO dates at the start of the day in the zone', () => {
    assert.equal(parseDate('2026-03-31', 'Europe/Lisbon')!.toISO(), '2026-03-31T00:00:00.000+01:00');
    assert.equal(parseDate(new Date('2026-03-31T00:00:00Z'), 'UTC')!.toISODate(), '2026-03-31');
    for (const bad of ['2026-02-30', '31/03/2026', '2026-03-31T10:00', 20260331, undefined])
      assert.equal(parseDate(bad), undefined, String(bad));
  });
});
