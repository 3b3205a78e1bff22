import { DateTime } from 'luxon';
import { isoDate } from './model-index';

/**
 * The meetings of a 1:1 series around a day, by the same calendar rules as `okra schedule`:
 * weekly and biweekly on `weekday` (default: the weekday of `starts`) from the first such day
 * on or after `starts`; monthly on the n-th weekday of the month of that first meeting (a fifth
 * weekday means the last), or without a weekday on the day of the month of `starts`, clamped to
 * the month's end. Nothing before `starts` or after `ends`. Plain dates, in UTC: calendar
 * arithmetic without daylight-saving surprises.
 */
export interface SeriesRule {
  cadence: 'weekly' | 'biweekly' | 'monthly';
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: number | undefined;
  starts: string;
  ends: string | undefined;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The rule of a `one_on_ones` entry; `undefined` when it cannot be placed on a calendar. */
export function seriesRule(entry: { cadence?: unknown; weekday?: unknown; starts?: unknown; ends?: unknown }): SeriesRule | undefined {
  const cadence = entry.cadence;
  if (cadence !== 'weekly' && cadence !== 'biweekly' && cadence !== 'monthly') return undefined;
  const starts = isoDate(entry.starts);
  if (!starts) return undefined;
  const weekdayIndex = typeof entry.weekday === 'string' ? WEEKDAYS.indexOf(entry.weekday.trim().toLowerCase()) : -1;
  if (entry.weekday !== undefined && entry.weekday !== null && weekdayIndex < 0) return undefined;
  return { cadence, weekday: weekdayIndex < 0 ? undefined : weekdayIndex + 1, starts, ends: isoDate(entry.ends) };
}

const plain = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'UTC' });
const iso = (d: DateTime): string => d.toISODate() as string;

function firstMeeting(rule: SeriesRule): DateTime {
  const starts = plain(rule.starts);
  if (rule.weekday === undefined) return starts;
  return starts.plus({ days: (rule.weekday - starts.weekday + 7) % 7 });
}

/** The meeting of a monthly series in the month of `month` (any day of that month). */
function monthlyIn(rule: SeriesRule, first: DateTime, month: DateTime): DateTime {
  const start = month.startOf('month');
  if (rule.weekday === undefined) {
    return start.set({ day: Math.min(plain(rule.starts).day, start.daysInMonth ?? 28) });
  }
  const ordinal = Math.ceil(first.day / 7);
  const firstOfWeekday = start.plus({ days: (rule.weekday - start.weekday + 7) % 7 });
  let day = firstOfWeekday.plus({ weeks: Math.min(ordinal, 5) - 1 });
  if (ordinal >= 5 || day.month !== start.month) {
    day = firstOfWeekday;
    while (day.plus({ weeks: 1 }).month === start.month) day = day.plus({ weeks: 1 });
  }
  return day;
}

/** The i-th meeting of the series (0 is the first). */
function nth(rule: SeriesRule, first: DateTime, i: number): DateTime {
  if (rule.cadence === 'monthly') return monthlyIn(rule, first, first.plus({ months: i }));
  return first.plus({ days: i * (rule.cadence === 'weekly' ? 7 : 14) });
}

/** Index of the last meeting strictly before `day` (-1 when there is none), ignoring `ends`. */
function lastIndexBefore(rule: SeriesRule, first: DateTime, day: DateTime): number {
  if (day <= first) return -1;
  if (rule.cadence === 'monthly') {
    const m = (day.year - first.year) * 12 + (day.month - first.month);
    return nth(rule, first, m) < day ? m : m - 1;
  }
  const step = rule.cadence === 'weekly' ? 7 : 14;
  return Math.floor((Math.round(day.diff(first, 'days').days) - 1) / step);
}

/**
 * The last meeting strictly before `day`, the first on or after it, and the one after that
 * (ISO dates; `undefined` where the series has none).
 */
export function meetingsAround(rule: SeriesRule, day: string): { previous: string | undefined; next: string | undefined; following: string | undefined } {
  const first = firstMeeting(rule);
  const last = rule.ends ? lastIndexBefore(rule, first, plain(rule.ends).plus({ days: 1 })) : Infinity;
  const before = lastIndexBefore(rule, first, plain(day));
  const at = (i: number): string | undefined => (i >= 0 && i <= last ? iso(nth(rule, first, i)) : undefined);
  return { previous: at(Math.min(before, last)), next: at(before + 1), following: at(before + 2) };
}
