/**
 * The review-cycle schedule: 1:1s, review stage deadlines and retrospectives as dated luxon
 * events in the right time zone, and their RFC 5545 (ICS) export.
 *
 * ```ts
 * const events = buildSchedule(model, { from: '2026-03-01', to: '2026-04-30' });
 * const text = toIcs(events, { now: DateTime.fromISO('2026-03-01T00:00:00Z') });
 * ```
 */
export type { ScheduleAttendee, ScheduleEvent, ScheduleEventKind, ScheduleSource, ScheduleWindow } from './types';
export {
  buildSchedule,
  compareEvents,
  defaultScheduleRange,
  parseScheduleDate,
  scheduleWindow,
  ScheduleRangeError,
  DEFAULT_SCHEDULE_WEEKS,
  type ScheduleOptions,
} from './schedule';
export {
  expandOneOnOnes,
  readOneOnOne,
  meetingsAround,
  type MeetingsAround,
  DEFAULT_ONE_ON_ONE_MINUTES,
  type ExpandOneOnOnesOptions,
  type OneOnOneSeries,
} from './expand-one-on-ones';
export { reviewStageEvents, retrospectiveEvents } from './review-events';
export { occurrenceDates, parseTimeOfDay, parseWeekday, plainDate, type RecurrenceRule } from './recurrence';
export { expandPeople, attendeeOf, personIdOf, zoneOfPerson, isKnownZone } from './attendees';
export { wallTime } from './wall-clock';
export { toIcs, icsZoneOf, foldIcsLines, DEFAULT_CALENDAR_NAME, DEFAULT_PROD_ID, type IcsOptions } from './ics';
