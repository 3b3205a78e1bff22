import { DateTime, IANAZone } from 'luxon';

/** A meeting's start and end instants, and its local date as `yyyymmdd` (for UIDs). */
export interface WallSlot {
  start: DateTime;
  end: DateTime;
  day: string;
}

const THREE_HOURS = 3 * 3600_000;

/**
 * The instant of a wall-clock time on a plain date in `zone`, with the rules of RFC 5545
 * §3.3.5, which calendars apply to the exported TZID times as well:
 * - a time in the spring-forward gap (02:30 on the last Sunday of March in Berlin) does not
 *   exist; it is read with the offset before the gap, i.e. it moves forward by the gap (03:30);
 * - a time in the repeated hour at fall-back means its first occurrence (summer time). luxon
 *   alone would pick the second one.
 */
export function wallTime(zone: string, date: DateTime, hour: number, minute: number): DateTime {
  const at = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone });
  // Only an offset that falls in the hours before `at` can make the wall time ambiguous.
  const zoneObject = IANAZone.create(zone);
  if (zoneObject.offset(at.toMillis() - THREE_HOURS) <= at.offset) return at;
  const candidates = at.getPossibleOffsets();
  return candidates.reduce((earliest, candidate) => (candidate.toMillis() < earliest.toMillis() ? candidate : earliest), at);
}

/**
 * Wall-clock slots, memoised for one schedule run: 1:1s of many pairs share their zone, dates
 * and time, and converting a wall time to an instant is the expensive part of luxon.
 */
export class WallClock {
  private readonly slots = new Map<string, WallSlot>();
  private readonly days = new Map<number, string>();

  slot(zone: string, date: DateTime, hour: number, minute: number, minutes: number): WallSlot {
    const key = `${zone}|${date.toMillis()}|${hour}|${minute}|${minutes}`;
    let slot = this.slots.get(key);
    if (!slot) {
      const start = wallTime(zone, date, hour, minute);
      // `start.plus({ minutes })` is the same instant, but luxon works the zone's offset out
      // three times on the way; a DateTime from the instant does it once.
      const end = DateTime.fromMillis(start.toMillis() + minutes * 60_000, { zone: start.zone });
      slot = { start, end, day: this.dayOf(date) };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** `yyyymmdd` of a plain date: many slots fall on the same day. */
  private dayOf(date: DateTime): string {
    const key = date.toMillis();
    let day = this.days.get(key);
    if (day === undefined) {
      day = date.toFormat('yyyyLLdd');
      this.days.set(key, day);
    }
    return day;
  }

  /** An all-day slot: 00:00 of the date to 00:00 of the next day, in `zone`. */
  day(zone: string, date: DateTime): WallSlot {
    const key = `${zone}|${date.toMillis()}|day`;
    let slot = this.slots.get(key);
    if (!slot) {
      const start = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone });
      slot = { start, end: start.plus({ days: 1 }), day: this.dayOf(date) };
      this.slots.set(key, slot);
    }
    return slot;
  }
}
