import type { ScheduleEvent } from '../../../schedule/types';
import type { LocalRow } from '../types';
import { notionUserOf, type MapContext } from './context';
import { makeRow } from './properties';

const TYPE_LABEL = { 'one-on-one': '1:1', 'review-stage': 'Review stage', retrospective: 'Retrospective' } as const;

/**
 * A schedule event as a row of the Calendar database, keyed by its stable uid. All-day
 * events carry a date, timed ones a start and end with their offset.
 */
export function calendarRow(event: ScheduleEvent, ctx: MapContext): LocalRow {
  const iso = (d: ScheduleEvent['start']) => d.toISO({ suppressMilliseconds: true }) ?? '';
  const date = event.allDay ? { start: event.start.toISODate() ?? '', end: null } : { start: iso(event.start), end: iso(event.end) };
  const users = event.attendees.map((a) => notionUserOf(ctx, a.id)).filter((u): u is string => u !== undefined);
  return makeRow(
    'calendar',
    event.uid,
    {
      Name: event.title,
      Type: TYPE_LABEL[event.kind],
      Date: date,
      Attendees: users,
      'Attendee names': event.attendees.map((a) => a.name).join(', '),
      Series: event.series,
    },
    {},
  );
}
