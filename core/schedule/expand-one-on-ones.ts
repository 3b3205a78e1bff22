import type { DateTime } from 'luxon';
import type { Located, WorkspaceModel } from '../model/workspace-model';
import type { OneOnOne } from '../model/types.generated';
import { attendeeOf, expandPeople, personIdOf, zoneOfPerson } from './attendees';
import {
  CADENCES,
  occurrenceDates,
  parseTimeOfDay,
  parseWeekday,
  plainDate,
  plainDateOf,
  type Cadence,
  type RecurrenceRule,
} from './recurrence';
import type { ScheduleEvent, ScheduleWindow } from './types';
import { WallClock } from './wall-clock';

/** How long a 1:1 lasts when nothing else is said: 30 minutes. */
export const DEFAULT_ONE_ON_ONE_MINUTES = 30;

export interface ExpandOneOnOnesOptions {
  /** Length of every 1:1 in minutes; {@link DEFAULT_ONE_ON_ONE_MINUTES} by default. */
  minutes?: number;
  /** Shared memo of wall-clock conversions (one per schedule run). */
  clock?: WallClock;
}

/** A 1:1 entry read into what the schedule needs; `undefined` when it cannot be scheduled. */
export interface OneOnOneSeries {
  manager: string;
  reports: string[];
  rule: RecurrenceRule;
  /** Local time of day; absent when the entry gives no `time` (the meetings are then all-day). */
  time?: { hour: number; minute: number };
  /** The manager's `timezone`, else the workspace's. */
  zone: string;
}

/**
 * Reads one `one_on_ones` entry. Entries that cannot be placed on a calendar (no manager, an
 * unknown cadence, an unreadable `starts`, `ends`, `weekday` or `time`) give `undefined`: the
 * schema reports them, and the schedule leaves them out rather than guess.
 */
export function readOneOnOne(model: WorkspaceModel, entry: OneOnOne): OneOnOneSeries | undefined {
  const manager = personIdOf(entry.manager);
  if (manager === undefined) return undefined;
  if (!CADENCES.includes(entry.cadence as Cadence)) return undefined;
  const starts = plainDate(entry.starts);
  if (!starts) return undefined;
  const ends = entry.ends === undefined || entry.ends === null ? undefined : plainDate(entry.ends);
  if (entry.ends !== undefined && entry.ends !== null && !ends) return undefined;
  const weekday = entry.weekday === undefined || entry.weekday === null ? undefined : parseWeekday(entry.weekday);
  if (entry.weekday !== undefined && entry.weekday !== null && weekday === undefined) return undefined;
  const time = entry.time === undefined || entry.time === null ? undefined : parseTimeOfDay(entry.time);
  if (entry.time !== undefined && entry.time !== null && !time) return undefined;
  return {
    manager,
    reports: expandPeople(model, entry.reports, manager),
    rule: { cadence: entry.cadence, weekday, starts, ends },
    time,
    zone: zoneOfPerson(model, manager, model.timezone),
  };
}

/**
 * The 1:1 meetings that fall in `window`: one event series per (manager, report) pair, with the
 * manager and the report as attendees. A `team/<id>` in `reports` stands for that team's people
 * except the manager.
 *
 * Dates follow {@link occurrenceDates}. A meeting is held at `time` in the manager's
 * `timezone` (else the workspace's) and lasts `minutes` (30 by default); the reports of one entry
 * are met back to back from `time`, in the order listed. The wall time holds
 * across daylight-saving changes, so the UTC offset moves instead. Without `time`, meetings are
 * all-day events on their dates. A timed meeting is in the window when it starts in it; an
 * all-day one when its date is one of the window's days.
 */
export function expandOneOnOnes(model: WorkspaceModel, window: ScheduleWindow, options: ExpandOneOnOnesOptions = {}): ScheduleEvent[] {
  const minutes = options.minutes ?? DEFAULT_ONE_ON_ONE_MINUTES;
  const clock = options.clock ?? new WallClock();
  const events: ScheduleEvent[] = [];
  for (const located of model.oneOnOnes) {
    const series = readOneOnOne(model, located.value);
    if (series && series.reports.length > 0) events.push(...seriesEvents(model, located, series, window, minutes, clock));
  }
  return events;
}

function seriesEvents(
  model: WorkspaceModel,
  located: Located<OneOnOne>,
  series: OneOnOneSeries,
  window: ScheduleWindow,
  minutes: number,
  clock: WallClock,
): ScheduleEvent[] {
  const { zone, time } = series;
  let dates: DateTime[];
  if (time) {
    // The window's days seen from the manager's zone, then the exact instants decide.
    const from = plainDateOf(window.start.setZone(zone));
    const to = plainDateOf(window.end.minus({ milliseconds: 1 }).setZone(zone));
    dates = occurrenceDates(series.rule, from, to);
  } else {
    dates = occurrenceDates(series.rule, plainDate(window.fromDate)!, plainDate(window.toDate)!);
  }
  const startMs = window.start.toMillis();
  const endMs = window.end.toMillis();
  const manager = attendeeOf(model, series.manager);
  const source = { file: located.file, path: located.path };
  const events: ScheduleEvent[] = [];
  for (const [index, reportId] of series.reports.entries()) {
    const report = attendeeOf(model, reportId);
    // A manager meets one report at a time: the series of a 1:1 entry run back to back from
    // `time`, in the order the reports are listed.
    const slotStart = time ? time.hour * 60 + time.minute + index * minutes : 0;
    const attendees = [manager, report];
    const seriesId = `okra-1on1-${series.manager}-${reportId}`;
    const title = `1:1 ${manager.name} / ${report.name}`;
    for (const date of dates) {
      const slot = time ? clock.slot(zone, date, Math.floor(slotStart / 60) % 24, slotStart % 60, minutes) : clock.day(zone, date);
      if (time) {
        const at = slot.start.toMillis();
        if (at < startMs || at >= endMs) continue;
      }
      events.push({
        uid: `${seriesId}-${slot.day}@okra`,
        kind: 'one-on-one',
        title,
        start: slot.start,
        end: slot.end,
        allDay: !time,
        zone,
        attendees,
        source,
        series: seriesId,
      });
    }
  }
  return events;
}

/** A report's 1:1s of one series around a day: the one before it, the next, and the one after that. */
export interface MeetingsAround {
  /** Last meeting strictly before the day (plain ISO date). */
  previous?: string;
  /** First meeting on or after the day. */
  next?: string;
  /** The meeting after `next`. */
  following?: string;
  /** When `next` starts, in the manager's zone; absent for all-day series (no `time`). */
  start?: DateTime;
  /** The zone the series is held in: the manager's, else the workspace's. */
  zone: string;
}

/** Far enough to hold two meetings of any cadence, with months of 31 days. */
const SEARCH_DAYS = 70;

/**
 * The meetings of `reportId` in a 1:1 entry around `day` (a plain ISO date), by the same rules
 * as the schedule — the same dates, and the same slot when the entry's reports meet back to back.
 */
export function meetingsAround(
  model: WorkspaceModel,
  entry: OneOnOne,
  reportId: string,
  day: string,
  minutes = DEFAULT_ONE_ON_ONE_MINUTES,
): MeetingsAround | undefined {
  const series = readOneOnOne(model, entry);
  const date = plainDate(day);
  if (!series || !date) return undefined;
  const before = occurrenceDates(series.rule, date.minus({ days: SEARCH_DAYS }), date.minus({ days: 1 }));
  const after = occurrenceDates(series.rule, date, date.plus({ days: 2 * SEARCH_DAYS }));
  const index = Math.max(0, series.reports.indexOf(reportId));
  const next = after[0];
  let start: DateTime | undefined;
  if (next && series.time) {
    const offset = series.time.hour * 60 + series.time.minute + index * minutes;
    start = new WallClock().slot(series.zone, next, Math.floor(offset / 60) % 24, offset % 60, minutes).start;
  }
  return {
    previous: before.at(-1)?.toISODate() ?? undefined,
    next: next?.toISODate() ?? undefined,
    following: after[1]?.toISODate() ?? undefined,
    start,
    zone: series.zone,
  };
}
