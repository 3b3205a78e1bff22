import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { occurrenceDates, parseTimeOfDay, parseWeekday, plainDate, type RecurrenceRule } from '../../core/schedule';

const d = (iso: string) => plainDate(iso)!;
const isoDays = (dates: DateTime[]) => dates.map((date) => date.toISODate());

function rule(cadence: RecurrenceRule['cadence'], starts: string, extra: { weekday?: string; ends?: string } = {}): RecurrenceRule {
  return { cadence, starts: d(starts), weekday: parseWeekday(extra.weekday), ends: extra.ends ? d(extra.ends) : undefined };
}

describe('schedule: recurrence rules', () => {
  describe('parsing', () => {
    it('reads English weekday names in any case', () => {
      assert.equal(parseWeekday('monday'), 1);
      assert.equal(parseWeekday('Tuesday'), 2);
      assert.equal(parseWeekday('SUNDAY'), 7);
      assert.equal(parseWeekday('tues'), undefined);
      assert.equal(parseWeekday(3), undefined);
    });

    it('reads HH:MM times', () => {
      assert.deepEqual(parseTimeOfDay('10:00'), { hour: 10, minute: 0 });
      assert.deepEqual(parseTimeOfDay('9:30'), { hour: 9, minute: 30 });
      assert.deepEqual(parseTimeOfDay('23:59'), { hour: 23, minute: 59 });
      assert.equal(parseTimeOfDay('24:00'), undefined);
      assert.equal(parseTimeOfDay('10:60'), undefined);
      assert.equal(parseTimeOfDay(600), undefined);
    });
  });

  describe('weekly', () => {
    it('starts on the first weekday on or after `starts`', () => {
      // 2026-01-07 is a Wednesday; the first Friday on or after it is Jan 9.
      const dates = occurrenceDates(rule('weekly', '2026-01-07', { weekday: 'friday' }), d('2026-01-01'), d('2026-01-31'));
      assert.deepEqual(isoDays(dates), ['2026-01-09', '2026-01-16', '2026-01-23', '2026-01-30']);
      for (const date of dates) assert.equal(date.weekday, 5);
    });

    it('uses the weekday of `starts` when none is given', () => {
      const dates = occurrenceDates(rule('weekly', '2026-01-07'), d('2026-01-01'), d('2026-01-21'));
      assert.deepEqual(isoDays(dates), ['2026-01-07', '2026-01-14', '2026-01-21']);
    });

    it('includes meetings exactly on `from` and on `to`', () => {
      const dates = occurrenceDates(rule('weekly', '2026-01-05', { weekday: 'monday' }), d('2026-01-12'), d('2026-01-26'));
      assert.deepEqual(isoDays(dates), ['2026-01-12', '2026-01-19', '2026-01-26']);
    });

    it('includes a meeting on `ends` and none after it', () => {
      const dates = occurrenceDates(
        rule('weekly', '2026-01-05', { weekday: 'monday', ends: '2026-01-19' }),
        d('2026-01-01'),
        d('2026-03-01'),
      );
      assert.deepEqual(isoDays(dates), ['2026-01-05', '2026-01-12', '2026-01-19']);
    });

    it('gives nothing when `ends` is before `from`', () => {
      assert.deepEqual(occurrenceDates(rule('weekly', '2026-01-05', { ends: '2026-02-01' }), d('2026-03-01'), d('2026-04-01')), []);
    });

    it('gives nothing when `ends` is before `starts`', () => {
      assert.deepEqual(occurrenceDates(rule('weekly', '2026-01-05', { ends: '2026-01-01' }), d('2025-12-01'), d('2026-04-01')), []);
    });

    it('gives nothing before `starts`', () => {
      const dates = occurrenceDates(rule('weekly', '2026-03-02'), d('2026-01-01'), d('2026-03-10'));
      assert.deepEqual(isoDays(dates), ['2026-03-02', '2026-03-09']);
    });

    it('runs until `to` without `ends`, for a series that started years before', () => {
      const dates = occurrenceDates(rule('weekly', '2019-01-07', { weekday: 'monday' }), d('2026-12-01'), d('2026-12-31'));
      assert.deepEqual(isoDays(dates), ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    });
  });

  describe('biweekly', () => {
    it('counts the two-week phase from the first meeting, not from the range asked for', () => {
      // `starts` is a Wednesday and the meetings are on Fridays: Jan 9, 23, Feb 6, 20 …
      const r = rule('biweekly', '2026-01-07', { weekday: 'friday' });
      const all = occurrenceDates(r, d('2026-01-01'), d('2026-03-31'));
      assert.deepEqual(isoDays(all), ['2026-01-09', '2026-01-23', '2026-02-06', '2026-02-20', '2026-03-06', '2026-03-20']);
      for (const [from, to] of [
        ['2026-01-10', '2026-02-28'],
        ['2026-01-16', '2026-02-06'],
        ['2026-02-07', '2026-03-20'],
      ]) {
        const part = occurrenceDates(r, d(from), d(to));
        assert.deepEqual(
          isoDays(part),
          isoDays(all).filter((day) => day! >= from && day! <= to),
          `${from}..${to}`,
        );
      }
      // Every gap is exactly 14 days.
      for (let i = 1; i < all.length; i++) assert.equal(all[i].diff(all[i - 1], 'days').days, 14);
    });

    it('keeps its phase across a year boundary', () => {
      const dates = occurrenceDates(rule('biweekly', '2025-12-29', { weekday: 'monday' }), d('2027-01-01'), d('2027-01-31'));
      const first = d('2025-12-29');
      for (const date of dates) assert.equal(date.diff(first, 'days').days % 14, 0);
      assert.equal(dates.length, 2);
    });
  });

  describe('monthly on a day of the month', () => {
    it('clamps the 31st to the month end and goes back to the 31st afterwards (2026, not a leap year)', () => {
      const dates = occurrenceDates(rule('monthly', '2026-01-31'), d('2026-01-01'), d('2026-12-31'));
      assert.deepEqual(isoDays(dates), [
        '2026-01-31',
        '2026-02-28',
        '2026-03-31',
        '2026-04-30',
        '2026-05-31',
        '2026-06-30',
        '2026-07-31',
        '2026-08-31',
        '2026-09-30',
        '2026-10-31',
        '2026-11-30',
        '2026-12-31',
      ]);
      for (const date of dates) assert.equal(date.day, date.daysInMonth, `${date.toISODate()} is the last day of its month`);
    });

    it('meets on Feb 29 in a leap year (2028)', () => {
      const dates = occurrenceDates(rule('monthly', '2027-12-31'), d('2028-01-15'), d('2028-04-15'));
      assert.deepEqual(isoDays(dates), ['2028-01-31', '2028-02-29', '2028-03-31']);
    });

    it('clamps the 30th in February only', () => {
      const dates = occurrenceDates(rule('monthly', '2026-01-30'), d('2026-01-01'), d('2026-05-31'));
      assert.deepEqual(isoDays(dates), ['2026-01-30', '2026-02-28', '2026-03-30', '2026-04-30', '2026-05-30']);
    });

    it('skips no month across a range that starts mid-series', () => {
      const dates = occurrenceDates(rule('monthly', '2026-01-31'), d('2026-02-01'), d('2026-04-30'));
      assert.deepEqual(isoDays(dates), ['2026-02-28', '2026-03-31', '2026-04-30']);
    });
  });

  describe('monthly on a weekday', () => {
    it('is the n-th weekday of the month, n taken from the first meeting', () => {
      // 2026-01-14 is the second Wednesday of January.
      const dates = occurrenceDates(rule('monthly', '2026-01-14', { weekday: 'wednesday' }), d('2026-01-01'), d('2026-06-30'));
      assert.deepEqual(isoDays(dates), ['2026-01-14', '2026-02-11', '2026-03-11', '2026-04-08', '2026-05-13', '2026-06-10']);
      for (const date of dates) {
        assert.equal(date.weekday, 3);
        assert.equal(Math.ceil(date.day / 7), 2);
      }
    });

    it('takes the first such weekday on or after `starts`', () => {
      // 2026-01-02 is a Friday: the first Monday on or after it is Jan 5, the first Monday of January.
      const dates = occurrenceDates(rule('monthly', '2026-01-02', { weekday: 'monday' }), d('2026-01-01'), d('2026-03-31'));
      assert.deepEqual(isoDays(dates), ['2026-01-05', '2026-02-02', '2026-03-02']);
    });

    it('treats a fifth weekday as the last one, so no month is skipped', () => {
      // 2026-01-29 is the fifth Thursday of January; February 2026 has four Thursdays.
      const dates = occurrenceDates(rule('monthly', '2026-01-29', { weekday: 'thursday' }), d('2026-01-01'), d('2026-05-31'));
      assert.deepEqual(isoDays(dates), ['2026-01-29', '2026-02-26', '2026-03-26', '2026-04-30', '2026-05-28']);
      for (const date of dates) {
        assert.equal(date.weekday, 4);
        assert.ok(date.plus({ weeks: 1 }).month !== date.month, `${date.toISODate()} is the last Thursday`);
      }
    });
  });
});
