import ical, { ICalAttendeeRole, ICalEvent, ICalEventTransparency, type ICalAttendeeData, type ICalEventData } from 'ical-generator';
import type { DateTime } from 'luxon';
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
const vtimezones = new Map<string, { block: string; tzid: string } | undefined>();

/** The VTIMEZONE block and TZID for `zone` from timezones-ical-library (memoised); `undefined` when it has none. */
function vtimezone(zone: string): { block: string; tzid: string } | undefined {
  if (vtimezones.has(zone)) return vtimezones.get(zone);
  knownZones ??= new Set(tzlib_get_timezones(false) as string[]);
  let found: { block: string; tzid: string } | undefined;
  // Asking for an unknown zone prints to the console, so ask only for known ones.
  if (knownZones.has(zone)) {
    const result = tzlib_get_ical_block(zone, false);
    if (Array.isArray(result) && typeof result[0] === 'string' && typeof result[1] === 'string') {
      found = { block: result[0], tzid: result[1].replace(/^TZID=/, '') };
    }
  }
  vtimezones.set(zone, found);
  return found;
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
  return event.attendees.filter((a) => a.email !== undefined).map((a) => ({ email: a.email!, name: a.name, role: ICalAttendeeRole.REQ }));
}

function utf8Size(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Any character outside ASCII (a line without one has as many octets as characters). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * RFC 5545 §3.1 line folding, octet for octet what ical-generator's `foldLines` does (a line
 * breaks before the octet that would make it longer than 74, never inside a character), but
 * without a TextEncoder per character: that makes ical-generator's own `calendar.toString()`
 * spend about half a millisecond per event, 30 s for a year of 1,000 weekly 1:1s.
 */
export function foldIcsLines(text: string): string {
  return NON_ASCII.test(text) ? text.split('\r\n').map(foldLine).join('\r\n') : foldAsciiLines(text);
}

/** One line, folded octet by octet. */
function foldLine(line: string): string {
  if (!NON_ASCII.test(line)) return foldAsciiLines(line);
  let result = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    let ch = line.charAt(i);
    if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
    const size = utf8Size(ch);
    octets += size;
    if (octets > 74) {
      result += '\r\n ';
      octets = size;
    }
    result += ch;
  }
  return result;
}

/**
 * ASCII text, where a character is an octet: each line longer than 74 characters is cut every
 * 74. Most lines are short, so the text is copied only around the long ones.
 */
function foldAsciiLines(text: string): string {
  let out = '';
  let copied = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\r\n', start);
    if (end === -1) end = text.length;
    if (end - start > 74) {
      out += text.slice(copied, start + 74);
      for (let i = start + 74; i < end; i += 74) out += '\r\n ' + text.slice(i, Math.min(i + 74, end));
      copied = end;
    }
    start = end + 2;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The events as an RFC 5545 calendar (ical-generator). Timed events are written as local times
 * with a TZID and one VTIMEZONE per zone used (from timezones-ical-library), so a 10:00 meeting
 * stays at 10:00 in calendars across daylight-saving changes; all-day events as DATE values
 * (DTEND the next day) and marked free (TRANSPARENT), since a deadline does not block a day.
 * Every event has its stable UID, SEQUENCE 0, DTSTAMP `now`, and its attendees with their names
 * and mailto addresses. The same events and `now` always give the same text.
 *
 * ical-generator writes the calendar's head and every event; okra puts them together and folds
 * the lines itself (see {@link foldIcsLines}), giving the text `calendar.toString()` would give,
 * only faster.
 */
export function toIcs(events: readonly ScheduleEvent[], options: IcsOptions = {}): string {
  // A Date, not a luxon DateTime: ical-generator writes both the same way (UTC, `…Z`), but a
  // Date with plain getters, where luxon's formatting costs microseconds on every event.
  const stamp = new Date(options.now === undefined ? Date.now() : options.now.valueOf());
  // No calendar zone: with one, ical-generator writes DTSTAMP as a local time, and RFC 5545 wants UTC.
  const calendarData = { prodId: options.prodId ?? DEFAULT_PROD_ID, name: options.calendarName ?? DEFAULT_CALENDAR_NAME };
  const calendar = ical(calendarData);
  const zones = new Map<string, string>();
  const bodies: string[] = [];
  for (const event of events) {
    const common = {
      id: event.uid,
      sequence: 0,
      stamp,
      summary: event.title,
      attendees: attendeesOf(event),
    };
    let data: ICalEventData;
    if (event.allDay) {
      data = { ...common, allDay: true, start: event.start, end: event.end, transparency: ICalEventTransparency.TRANSPARENT };
    } else {
      const tzid = icsZoneOf(event.zone);
      if (tzid !== undefined && !zones.has(tzid)) zones.set(tzid, vtimezone(event.zone)!.block);
      data = { ...common, start: event.start, end: event.end, timezone: tzid ?? null };
    }
    // Not `calendar.createEvent`, which keeps every event object alive until the end.
    bodies.push(foldIcsLines(new ICalEvent(data, calendar).toString()));
  }
  // The same VTIMEZONE text and order as ical-generator's calendar-level generator gives.
  const timezones = [...zones.values()].map((block) => block.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n').trim() + '\r\n');
  const head = ical(calendarData)
    .toString()
    .replace(/END:VCALENDAR$/, '');
  return head + foldIcsLines(timezones.join('')) + bodies.join('') + 'END:VCALENDAR';
}
