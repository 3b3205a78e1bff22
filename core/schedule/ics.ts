import ical, { ICalAttendeeRole, ICalEventTransparency, type ICalAttendeeData } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { ScheduleEvent } from './types';

export interface IcsOptions {
  /** PRODID, as `//company//product//EN`. Default `//okra//okra schedule//EN`. */
  prodId?: string;
  /** NAME and X-WR-CALNAME of the calendar. Default "okra review cycles". */
  calendarName?: string;
  /**
   * DTSTAMP of every event: when the calendar was made. Pass a fixed value for reproducible
   * output (tests, committed calendars); the current time by default.
   */
  now?: DateTime | Date;
}

export const DEFAULT_PROD_ID = '//okra//okra schedule//EN';
export const DEFAULT_CALENDAR_NAME = 'okra review cycles';

let knownZones: Set<string> | undefined;

/** The VTIMEZONE block and TZID for `zone` from timezones-ical-library; `undefined` when it has none. */
function vtimezone(zone: string): { block: string; tzid: string } | undefined {
  knownZones ??= new Set(tzlib_get_timezones(false) as string[]);
  // Asking for an unknown zone prints to the console, so ask only for known ones.
  if (!knownZones.has(zone)) return undefined;
  const result = tzlib_get_ical_block(zone, false);
  if (!Array.isArray(result) || typeof result[0] !== 'string' || typeof result[1] !== 'string') return undefined;
  return { block: result[0], tzid: result[1].replace(/^TZID=/, '') };
}

const UTC_ZONES = new Set(['Etc/UTC', 'Etc/GMT', 'Etc/UCT', 'Etc/Universal', 'Etc/Zulu']);

/**
 * The TZID under which a timed event in `zone` is written, or `undefined` to write it in UTC
 * (`…Z`): for UTC itself, and for a zone the VTIMEZONE library does not know (the instant is
 * still right; only the calendar's notion of "the same wall time next week" is lost, which
 * does not matter for single events). The library's TZID is canonical (`UTC` → `Etc/UTC`,
 * `Asia/Calcutta` → `Asia/Kolkata`), so the VTIMEZONE and the events name the same zone.
 */
export function icsZoneOf(zone: string): string | undefined {
  if (zone === 'UTC' || zone.startsWith('UTC+') || zone.startsWith('UTC-')) return undefined;
  const found = vtimezone(zone);
  return found && !UTC_ZONES.has(found.tzid) ? found.tzid : undefined;
}

function attendeesOf(event: ScheduleEvent): ICalAttendeeData[] {
  // RFC 5545 needs an address for an attendee: people without an email in the Org are left out.
  return event.attendees
    .filter((a) => a.email !== undefined)
    .map((a) => ({ email: a.email!, name: a.name, role: ICalAttendeeRole.REQ }));
}

/**
 * The events as an RFC 5545 calendar (ical-generator). Timed events are written as local times
 * with a TZID and one VTIMEZONE per zone used (from timezones-ical-library), so a 10:00 meeting
 * stays at 10:00 in calendars across daylight-saving changes; all-day events as DATE values
 * (DTEND the next day) and marked free (TRANSPARENT), since a deadline does not block a day.
 * Every event has its stable UID, SEQUENCE 0, DTSTAMP `now`, and its attendees with their names
 * and mailto addresses. The same events and `now` always give the same text.
 */
export function toIcs(events: readonly ScheduleEvent[], options: IcsOptions = {}): string {
  const stamp = options.now === undefined ? DateTime.utc() : DateTime.fromJSDate(new Date(options.now.valueOf()), { zone: 'utc' });
  const calendar = ical({
    prodId: options.prodId ?? DEFAULT_PROD_ID,
    name: options.calendarName ?? DEFAULT_CALENDAR_NAME,
    // Only the VTIMEZONE generator, no calendar zone: with a calendar zone ical-generator writes
    // DTSTAMP as a local time, and RFC 5545 wants it in UTC.
    timezone: { name: null, generator: (zone) => vtimezone(zone)?.block ?? null },
  });
  for (const event of events) {
    const common = {
      id: event.uid,
      sequence: 0,
      stamp,
      summary: event.title,
      attendees: attendeesOf(event),
    };
    if (event.allDay) {
      calendar.createEvent({ ...common, allDay: true, start: event.start, end: event.end, transparency: ICalEventTransparency.TRANSPARENT });
    } else {
      calendar.createEvent({ ...common, start: event.start, end: event.end, timezone: icsZoneOf(event.zone) ?? null });
    }
  }
  return calendar.toString();
}
