import { DateTime } from 'luxon';

/**
 * A tier's `staffing.coverage` (`24x7`, or `Mon-Fri 08:00-20:00; Sat 10:00-16:00 Europe/Lisbon`)
 * as the minutes of a week it is open, in UTC, Monday 00:00 UTC = minute 0. The time zone's
 * offset is taken from luxon for a reference week (5–11 January 2026, standard time).
 */
export interface Coverage {
  /** Open at every minute of the week. */
  always: boolean;
  /** `open[m]`: open at minute m of the week (UTC). */
  open: boolean[];
  /** Local days (0 = Monday) with at least one window. */
  days: number;
}

export const WEEK_MINUTES = 7 * 24 * 60;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WINDOW = /^([A-Za-z,-]+) (\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

function parseDays(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to] = part.split('-');
    const a = DAYS.indexOf(from);
    const b = to === undefined ? a : DAYS.indexOf(to);
    if (a < 0 || b < 0) return undefined;
    for (let d = a; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === b) break;
    }
  }
  return [...out];
}

/** The coverage, or `undefined` when the text or its time zone cannot be read. */
export function parseCoverage(text: unknown, defaultZone = 'UTC'): Coverage | undefined {
  if (typeof text !== 'string') return undefined;
  const open = new Array<boolean>(WEEK_MINUTES).fill(false);
  if (text.trim() === '24x7') return { always: true, open: open.fill(true), days: 7 };
  const segments = text.split('; ');
  let zone = defaultZone;
  const last = segments[segments.length - 1].split(' ');
  if (last.length === 3) {
    zone = last[2];
    segments[segments.length - 1] = last.slice(0, 2).join(' ');
  }
  const offset = DateTime.fromObject({ year: 2026, month: 1, day: 5 }, { zone }).offset;
  if (!Number.isFinite(offset)) return undefined;
  const days = new Set<number>();
  for (const segment of segments) {
    const m = WINDOW.exec(segment);
    if (!m) return undefined;
    const dayList = parseDays(m[1]);
    if (!dayList) return undefined;
    const start = Number(m[2]) * 60 + Number(m[3]);
    let end = Number(m[4]) * 60 + Number(m[5]);
    if (end <= start) end += 24 * 60; // through midnight into the next day
    for (const d of dayList) {
      days.add(d);
      for (let local = d * 1440 + start; local < d * 1440 + end; local++) {
        open[(((local - offset) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES] = true;
      }
    }
  }
  return { always: open.every(Boolean), open, days: days.size };
}

/** Hours open on a day it opens: weekly open hours ÷ days with a window (24 for 24x7). */
export function coveredHoursPerDay(coverage: Coverage): number {
  const minutes = coverage.open.filter(Boolean).length;
  return coverage.days > 0 ? minutes / 60 / coverage.days : 0;
}

/**
 * The longest time, in minutes, that something handed over while `source` is open waits
 * for `target` to open (`source` undefined: at any time). 0 when `target` is always open when
 * needed; `undefined` when `target` never opens.
 */
export function longestWaitMinutes(target: Coverage, source?: Coverage): number | undefined {
  if (!target.open.some(Boolean)) return undefined;
  // Minutes until the target next opens, scanning backwards over two weeks.
  const until = new Array<number>(WEEK_MINUTES).fill(0);
  let next = Infinity;
  for (let m = 2 * WEEK_MINUTES - 1; m >= 0; m--) {
    const i = m % WEEK_MINUTES;
    next = target.open[i] ? 0 : next + 1;
    if (m < WEEK_MINUTES) until[i] = next;
  }
  let longest = 0;
  for (let i = 0; i < WEEK_MINUTES; i++) if (!source || source.open[i]) longest = Math.max(longest, until[i]);
  return longest;
}
