import type { DateTime } from 'luxon';
import type { DataPath } from '../diagnostics';

/** What a dated event of the schedule comes from. */
export type ScheduleEventKind = 'one-on-one' | 'review-stage' | 'retrospective';

/** Someone invited to an event. `name` is the Org's name, or the id when the person is not in the Org. */
export interface ScheduleAttendee {
  id: string;
  name: string;
  /** From the Org; people without one are left out of ICS attendee lists. */
  email?: string;
}

/** Where an event was defined: a workspace-relative file and a data path into it (for "go to"). */
export interface ScheduleSource {
  file: string;
  path: DataPath;
}

/**
 * One dated event: a 1:1 meeting of one (manager, report) pair, a review stage's deadline or a
 * retrospective.
 */
export interface ScheduleEvent {
  /**
   * Stable identity, the same on every run for the same occurrence, so that a calendar
   * re-importing the ICS updates the event instead of duplicating it:
   * `okra-1on1-<manager>-<report>-<yyyymmdd>@okra` (the local date of the occurrence),
   * `okra-review-<review>-<stage>@okra`, `okra-retro-<retrospective>@okra`.
   */
  uid: string;
  kind: ScheduleEventKind;
  title: string;
  /** In `zone`. For an all-day event: 00:00 of its day. */
  start: DateTime;
  /** Exclusive. For an all-day event: 00:00 of the next day (RFC 5545 DTEND of a DATE). */
  end: DateTime;
  allDay: boolean;
  /** IANA zone of `start`/`end`: the manager's for a 1:1, else the workspace's. */
  zone: string;
  /** Shared between the occurrences of a series: read, do not change. */
  attendees: readonly ScheduleAttendee[];
  source: ScheduleSource;
  /** Identity of the series the occurrence belongs to (`okra-1on1-<manager>-<report>`, the review or retrospective id). */
  series: string;
}

/** The days a schedule covers, both inclusive, in the workspace zone (00:00 of `from` to 24:00 of `to`). */
export interface ScheduleWindow {
  /** 00:00 of the first day, in the workspace zone. */
  start: DateTime;
  /** 00:00 of the day after the last day, in the workspace zone (exclusive). */
  end: DateTime;
  /** The first and last day as ISO dates, for all-day events. */
  fromDate: string;
  toDate: string;
}
