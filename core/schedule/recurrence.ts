import { DateTime } from 'luxon';
import { parseDate } from '../compute/date';

/**
 * The calendar rule of a 1:1 series, over plain dates. Plain dates are luxon DateTimes at
 * 00:00 UTC: calendar arithmetic there has no daylight-saving change to trip over, and the
 * wall time is put on in the meeting's zone only at the end (see `expand-one-on-ones.ts`).
 */
export type Cadence = 'weekly' | 'biweekly' | 'monthly';

export const CADENCES: readonly Cadence[] = ['weekly', 'biweekly', 'monthly'];

export interface RecurrenceRule {
  cadence: Cadence;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday?: number;
  /** First possible day (plain date). */
  starts: DateTime;
  /** Last possible day, inclusive (plain date). */
  ends?: DateTime;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `tuesday` (any case) → 2; `undefined` for anything that is not an English weekday name. */
export function parseWeekday(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const index = WEEKDAYS.indexOf(value.trim().toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** `"10:00"` or `"9:30"` → hour and minute; `undefined` for anything else. */
export function parseTimeOfDay(value: unknown): { hour: number; minute: number } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/** An ISO date (or a YAML timestamp) as a plain date; `undefined` when it is not one. */
export function plainDate(value: unknown): DateTime | undefined {
  return parseDate(value, 'UTC');
}

/** A plain date of the calendar day that `at` falls on in its own zone. */
export function plainDateOf(at: DateTime): DateTime {
  return DateTime.fromObject({ year: at.year, month: at.month, day: at.day }, { zone: 'UTC' });
}

function daysBetween(a: DateTime, b: DateTime): number {
  return Math.round((b.toMillis() - a.toMillis()) / 86_400_000);
}

/** The first day on or after `date` that is `weekday`. */
function onOrAfter(date: DateTime, weekday: number): DateTime {
  return date.plus({ days: (weekday - date.weekday + 7) % 7 });
}

/**
 * The days of a 1:1 series that fall between `from` and `to` (plain dates, both inclusive),
 * in order. Nothing before `starts` or after `ends` (inclusive), nothing skipped:
 *
 * - **weekly / biweekly**: on `weekday` (the weekday of `starts` when none is given). The first
 *   meeting is the first such day on or after `starts`; biweekly counts its two-week phase from
 *   that first meeting, so `starts: 2026-01-07` (a Wednesday) with `weekday: friday` meets on
 *   Jan 9, Jan 23, Feb 6 …, whatever range is asked for.
 * - **monthly with `weekday`**: "the n-th <weekday> of the month", like a calendar app's
 *   "monthly on the second Wednesday". The first meeting is the first such weekday on or after
 *   `starts`, and n is its ordinal in its month (days 1–7 → first, 8–14 → second …). A fifth
 *   weekday (days 29–31) means "the last <weekday> of the month", so no month is skipped.
 * - **monthly without `weekday`**: on the day of the month of `starts`, clamped to the month's
 *   last day: a series starting on the 31st meets on Jan 31, Feb 28 (29 in a leap year),
 *   Mar 31, Apr 30, May 31 …; every month is computed from `starts`, so it never drifts back
 *   to the 28th after February.
 */
export function occurrenceDates(rule: RecurrenceRule, from: DateTime, to: DateTime): DateTime[] {
  const lo = rule.starts > from ? rule.starts : from;
  const hi = rule.ends !== undefined && rule.ends < to ? rule.ends : to;
  const dates: DateTime[] = [];
  if (hi < lo) return dates;
  if (rule.cadence === 'monthly') return monthlyDates(rule, lo, hi);

  const first = onOrAfter(rule.starts, rule.weekday ?? rule.starts.weekday);
  const step = rule.cadence === 'biweekly' ? 14 : 7;
  // Jump straight to the first meeting on or after `lo`: a series that started years ago costs nothing.
  const skip = Math.max(0, Math.ceil(daysBetween(first, lo) / step));
  for (let k = skip; ; k++) {
    const date = first.plus({ days: k * step });
    if (date > hi) break;
    dates.push(date);
  }
  return dates;
}

function monthlyDates(rule: RecurrenceRule, lo: DateTime, hi: DateTime): DateTime[] {
  const dates: DateTime[] = [];
  let pick: (month: DateTime) => DateTime;
  let firstMonth: DateTime;
  if (rule.weekday !== undefined) {
    const weekday = rule.weekday;
    const first = onOrAfter(rule.starts, weekday);
    const ordinal = Math.ceil(first.day / 7);
    firstMonth = first.startOf('month');
    pick = (month) => {
      if (ordinal >= 5) {
        const last = month.endOf('month').startOf('day');
        return last.minus({ days: (last.weekday - weekday + 7) % 7 });
      }
      return onOrAfter(month, weekday).plus({ weeks: ordinal - 1 });
    };
  } else {
    const anchor = rule.starts.day;
    firstMonth = rule.starts.startOf('month');
    pick = (month) => month.set({ day: Math.min(anchor, month.daysInMonth ?? 28) });
  }
  const loMonth = lo.startOf('month');
  const skip = Math.max(0, (loMonth.year - firstMonth.year) * 12 + loMonth.month - firstMonth.month);
  for (let k = skip; ; k++) {
    const month = firstMonth.plus({ months: k });
    if (month > hi) break;
    const date = pick(month);
    if (date >= lo && date <= hi) dates.push(date);
  }
  return dates;
}
