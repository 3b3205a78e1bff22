import { DateTime } from 'luxon';
import type { WorkspaceModel } from '../model/workspace-model';
import { expandOneOnOnes } from './expand-one-on-ones';
import { reviewStageEvents, retrospectiveEvents } from './review-events';
import type { ScheduleEvent, ScheduleWindow } from './types';
import { WallClock } from './wall-clock';

/** How far `okra schedule` looks ahead when no `--to` is given: 8 weeks after `from`. */
export const DEFAULT_SCHEDULE_WEEKS = 8;

/** A `from`/`to` that is not an ISO date, or a `to` before `from`. */
export class ScheduleRangeError extends Error {
  override readonly name = 'ScheduleRangeError';
}

export interface ScheduleOptions {
  /** First day, an ISO date (`2026-03-01`) in the workspace zone; inclusive. */
  from: string;
  /** Last day, an ISO date in the workspace zone; inclusive. */
  to: string;
  /** Length of a 1:1 in minutes (30 by default). */
  oneOnOneMinutes?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO calendar date (`2026-02-30` is not one); `undefined` otherwise. */
export function parseScheduleDate(text: string, zone: string): DateTime | undefined {
  if (!ISO_DATE.test(text)) return undefined;
  const date = DateTime.fromISO(text, { zone });
  return date.isValid ? date.startOf('day') : undefined;
}

/**
 * The window of days from `from` to `to`, both inclusive, in `zone`: from 00:00 of `from` to
 * 24:00 of `to`. Throws {@link ScheduleRangeError} for a date that is not an ISO date or a `to`
 * before `from`.
 */
export function scheduleWindow(zone: string, from: string, to: string): ScheduleWindow {
  const start = parseScheduleDate(from, zone);
  if (!start) throw new ScheduleRangeError(`"${from}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01`);
  const last = parseScheduleDate(to, zone);
  if (!last) throw new ScheduleRangeError(`"${to}" is not a date; write it as YYYY-MM-DD, e.g. 2026-04-30`);
  if (last < start) throw new ScheduleRangeError(`The range ends (${to}) before it starts (${from})`);
  return { start, end: last.plus({ days: 1 }), fromDate: start.toISODate()!, toDate: last.toISODate()! };
}

/**
 * The default range of `okra schedule`: from today in `zone` to {@link DEFAULT_SCHEDULE_WEEKS}
 * weeks later (both days included), as ISO dates.
 */
export function defaultScheduleRange(zone: string, now: DateTime = DateTime.now()): { from: string; to: string } {
  const today = now.setZone(zone).startOf('day');
  return { from: today.toISODate()!, to: today.plus({ weeks: DEFAULT_SCHEDULE_WEEKS }).toISODate()! };
}

const KIND_ORDER: Record<ScheduleEvent['kind'], number> = { 'review-stage': 0, retrospective: 1, 'one-on-one': 2 };

/** Chronological order; at the same instant review stages, then retrospectives, then 1:1s, then by UID. */
export function compareEvents(a: ScheduleEvent, b: ScheduleEvent): number {
  return a.start.toMillis() - b.start.toMillis() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/**
 * Every dated event of the workspace's review cycles between `from` and `to`: 1:1 meetings
 * (see {@link expandOneOnOnes}), review stage deadlines and retrospectives (see
 * {@link reviewStageEvents}), sorted with {@link compareEvents}.
 *
 * `from` and `to` are ISO dates read in the workspace zone and both included: a timed event is
 * in the schedule when it starts at or after 00:00 of `from` and before 24:00 of `to` in that
 * zone (so a New York manager's 1:1 is placed by its instant); an all-day event when its date
 * is one of those days. Events with the same UID (the same pair listed twice for the same day)
 * are kept once, the first definition winning. Tolerant of a workspace with errors: what cannot
 * be read is left out.
 */
export function buildSchedule(model: WorkspaceModel, options: ScheduleOptions): ScheduleEvent[] {
  const window = scheduleWindow(model.timezone, options.from, options.to);
  const clock = new WallClock();
  const all = [
    ...expandOneOnOnes(model, window, { minutes: options.oneOnOneMinutes, clock }),
    ...reviewStageEvents(model, window, clock),
    ...retrospectiveEvents(model, window, clock),
  ];
  const seen = new Set<string>();
  const events = all.filter((event) => !seen.has(event.uid) && seen.add(event.uid));
  return events.sort(compareEvents);
}
