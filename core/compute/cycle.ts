import { DateTime, Interval } from 'luxon';

/** The span a cycle or period string names. */
export type CycleUnit = 'year' | 'half' | 'quarter' | 'month' | 'week' | 'day';

export interface ParsedCycle {
  /** The calendar year; for a week, the ISO week-numbering year (2026-W01 may start in December 2025). */
  year: number;
  unit: CycleUnit;
  /**
   * 1-based index within the year (half 1–2, quarter 1–4, month 1–12, ISO week 1–53, day of
   * the year 1–366); 1 for a year.
   */
  index: number;
  /** For a day: its month (1–12) and day of the month. */
  month?: number;
  day?: number;
}

const CYCLE = /^(\d{4})(?:-(?:([Hh])([12])|([Qq])([1-4])|(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?|[Ww](0[1-9]|[1-4]\d|5[0-3])))?$/;

/**
 * Reads `2026`, `2026-H1`, `2026-Q3`, `2026-03`, an ISO week `2026-W14` or a day `2026-04-07`;
 * `undefined` for anything else, including a week 53 or a day the year does not have.
 */
export function parseCycle(cycle: unknown): ParsedCycle | undefined {
  if (typeof cycle !== 'string') return undefined;
  const match = CYCLE.exec(cycle.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[3]) return { year, unit: 'half', index: Number(match[3]) };
  if (match[5]) return { year, unit: 'quarter', index: Number(match[5]) };
  if (match[7]) {
    const date = DateTime.fromObject({ year, month: Number(match[6]), day: Number(match[7]) }, { zone: 'UTC' });
    if (!date.isValid) return undefined;
    return { year, unit: 'day', index: date.ordinal, month: date.month, day: date.day };
  }
  if (match[6]) return { year, unit: 'month', index: Number(match[6]) };
  if (match[8]) {
    const week = Number(match[8]);
    if (week > DateTime.fromObject({ weekYear: year, weekNumber: 1 }, { zone: 'UTC' }).weeksInWeekYear) return undefined;
    return { year, unit: 'week', index: week };
  }
  return { year, unit: 'year', index: 1 };
}

const MONTHS_PER_UNIT: Record<'year' | 'half' | 'quarter' | 'month', number> = { year: 12, half: 6, quarter: 3, month: 1 };

/**
 * The cycle as a half-open interval [first day 00:00, first day after 00:00) in the workspace
 * time zone, so a cycle in Lisbon starts an hour before the same cycle in UTC. `undefined`
 * when the cycle is not one of the six forms (year, half, quarter, month, ISO week, day).
 */
export function cycleInterval(cycle: unknown, zone = 'UTC'): Interval | undefined {
  if (typeof cycle !== 'string') return undefined;
  // luxon takes tens of microseconds to build one (more in an IANA zone), and a workspace names
  // the same few cycles over and over: Intervals are immutable, so one per (zone, cycle) serves all.
  const key = `${zone}|${cycle}`;
  if (intervals.has(key)) return intervals.get(key);
  const interval = computeCycleInterval(cycle, zone);
  if (intervals.size >= MEMO_LIMIT) intervals.clear();
  intervals.set(key, interval);
  return interval;
}

const MEMO_LIMIT = 5_000;
const intervals = new Map<string, Interval | undefined>();

function computeCycleInterval(cycle: string, zone: string): Interval | undefined {
  const parsed = parseCycle(cycle);
  if (!parsed) return undefined;
  if (parsed.unit === 'week' || parsed.unit === 'day') {
    const start =
      parsed.unit === 'week'
        ? DateTime.fromObject({ weekYear: parsed.year, weekNumber: parsed.index, weekday: 1 }, { zone })
        : DateTime.fromObject({ year: parsed.year, month: parsed.month, day: parsed.day }, { zone });
    if (!start.isValid) return undefined;
    const interval = Interval.fromDateTimes(start, start.plus(parsed.unit === 'week' ? { weeks: 1 } : { days: 1 }));
    return interval.isValid ? interval : undefined;
  }
  const months = MONTHS_PER_UNIT[parsed.unit];
  const start = DateTime.fromObject({ year: parsed.year, month: (parsed.index - 1) * months + 1, day: 1 }, { zone });
  if (!start.isValid) return undefined;
  const interval = Interval.fromDateTimes(start, start.plus({ months }));
  return interval.isValid ? interval : undefined;
}

/**
 * Share of `interval` that has passed at `at`, from 0 (not started) to 1 (over). Measured in
 * real time, so a daylight-saving change does not make a day count double.
 */
export function elapsedShare(interval: Interval, at: DateTime): number {
  const start = interval.start;
  const end = interval.end;
  if (!start || !end) return 0;
  const total = end.toMillis() - start.toMillis();
  if (total <= 0) return 1;
  const share = (at.toMillis() - start.toMillis()) / total;
  return Math.min(1, Math.max(0, share));
}

/** Share of a cycle elapsed at `at`; `undefined` for an unreadable cycle. */
export function cycleElapsed(cycle: unknown, at: DateTime, zone = 'UTC'): number | undefined {
  const interval = cycleInterval(cycle, zone);
  return interval ? elapsedShare(interval, at) : undefined;
}

/** Whether `inner` (a period such as `2026-03` or `2026-W14`) lies within `outer` (such as `2026-H1`). */
export function periodWithin(inner: unknown, outer: unknown): boolean {
  const a = cycleInterval(inner);
  const b = cycleInterval(outer);
  if (!a || !b || !a.start || !a.end || !b.start || !b.end) return false;
  return a.start >= b.start && a.end <= b.end;
}
