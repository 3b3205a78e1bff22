import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { buildSchedule, foldIcsLines, icsZoneOf, toIcs, type ScheduleEvent } from '../../core/schedule';
import { EXAMPLE, FIXTURE, modelOfFolder, person, workspace } from './helpers';

const GOLDEN = join(FIXTURE, '..', 'golden.ics');
const NOW = DateTime.fromISO('2026-03-01T00:00:00Z');

/** The calendar as ical.js (an independent RFC 5545 parser) reads it, VEVENTs by UID. */
function parseIcs(text: string): { calendar: ICAL.Component; events: Map<string, ICAL.Event> } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = new Map<string, ICAL.Event>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    assert.ok(!events.has(event.uid), `UID ${event.uid} appears once`);
    events.set(event.uid, event);
  }
  return { calendar, events };
}

const emailsOf = (event: ICAL.Event) =>
  event.attendees.map((a) =>
    String(a.getFirstValue())
      .replace(/^mailto:/i, '')
      .toLowerCase(),
  );

/** Compares every okra event with what ical.js read back. */
function assertRoundTrip(events: ScheduleEvent[], text: string): void {
  const parsed = parseIcs(text);
  assert.equal(parsed.events.size, events.length);
  for (const expected of events) {
    const actual = parsed.events.get(expected.uid);
    assert.ok(actual, `${expected.uid} is in the calendar`);
    const what = `${expected.uid}`;
    assert.equal(actual.summary, expected.title, what);
    assert.equal(actual.component.getFirstPropertyValue('sequence'), 0, what);
    assert.equal(String(actual.component.getFirstPropertyValue('dtstamp')), '2026-03-01T00:00:00Z', what);
    assert.deepEqual(
      emailsOf(actual),
      expected.attendees.filter((a) => a.email).map((a) => a.email!.toLowerCase()),
      what,
    );
    if (expected.allDay) {
      assert.equal(actual.startDate.isDate, true, `${what} starts on a DATE`);
      assert.equal(actual.endDate.isDate, true, `${what} ends on a DATE`);
      assert.equal(actual.startDate.toString(), expected.start.toISODate(), what);
      assert.equal(actual.endDate.toString(), expected.end.toISODate(), what);
    } else {
      assert.equal(actual.startDate.isDate, false, what);
      // The instant, in UTC, as ical.js computes it from the TZID and the VTIMEZONE.
      assert.equal(actual.startDate.toJSDate().toISOString(), expected.start.toUTC().toISO(), `${what} start`);
      assert.equal(actual.endDate.toJSDate().toISOString(), expected.end.toUTC().toISO(), `${what} end`);
      const tzid = icsZoneOf(expected.zone);
      if (tzid) {
        assert.equal(actual.startDate.zone?.tzid, tzid, `${what} is written in its own zone`);
        assert.equal(actual.startDate.hour, expected.start.hour, `${what} keeps its wall time`);
      }
    }
  }
}

describe('schedule: ICS export', () => {
  const fixture = buildSchedule(modelOfFolder(FIXTURE), { from: '2026-03-16', to: '2026-04-05' });

  it('reads back event by event with ical.js (fixture: Berlin, New York, all-day)', () => {
    assertRoundTrip(fixture, toIcs(fixture, { now: NOW }));
  });

  it('reads back a whole year of the example workspace (Lisbon, Dublin, Prague, Berlin …)', () => {
    const events = buildSchedule(modelOfFolder(EXAMPLE), { from: '2026-01-01', to: '2026-12-31' });
    assert.ok(events.length > 250, `${events.length} events`);
    assertRoundTrip(events, toIcs(events, { now: NOW }));
  });

  it('has one VTIMEZONE per zone used, and none for all-day events', () => {
    const { calendar } = parseIcs(toIcs(fixture, { now: NOW }));
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    assert.deepEqual([...zones].sort(), ['America/New_York', 'Europe/Berlin']);
  });

  it('writes DATE values for all-day events and marks them free', () => {
    const text = toIcs(fixture, { now: NOW });
    assert.match(text, /DTSTART;VALUE=DATE:20260320\r\nDTEND;VALUE=DATE:20260321\r\n/);
    const { events } = parseIcs(text);
    assert.equal(events.get('okra-retro-okr-retro-2026-q1@okra')!.component.getFirstPropertyValue('transp'), 'TRANSPARENT');
  });

  it('leaves out attendees without an email, and names the others', () => {
    const text = toIcs(fixture, { now: NOW });
    const { events } = parseIcs(text);
    const theo = events.get('okra-1on1-maya-brooks-theo-grant-20260327@okra')!;
    assert.deepEqual(emailsOf(theo), ['maya.brooks@example.com']);
    assert.equal(theo.attendees[0].getParameter('cn'), 'Maya Brooks');
  });

  it('writes UTC times for a UTC workspace', () => {
    const model = workspace({
      people: [person('mia'), person('rob')],
      oneOnOnes: [{ manager: 'mia', reports: ['rob'], cadence: 'weekly', time: '10:00', starts: '2026-01-05' }],
    });
    const text = toIcs(buildSchedule(model, { from: '2026-01-05', to: '2026-01-05' }), { now: NOW });
    assert.match(text, /DTSTART:20260105T100000Z\r\n/);
    assert.doesNotMatch(text, /VTIMEZONE/);
  });

  it('is the same text for the same events and `now`, with CRLF line ends', () => {
    const a = toIcs(fixture, { now: NOW });
    const b = toIcs(buildSchedule(modelOfFolder(FIXTURE), { from: '2026-03-16', to: '2026-04-05' }), { now: NOW.toJSDate() });
    assert.equal(a, b);
    assert.ok(!/[^\r]\n/.test(a), 'every line ends with CRLF');
    assert.match(a, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:-\/\/okra\/\/okra schedule\/\/EN\r\n/);
  });

  it('matches the golden calendar (UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = toIcs(fixture, { now: NOW, calendarName: 'okra schedule fixture' });
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    // Compared without line-end differences, so a checkout that rewrites them still passes.
    assert.equal(text.replace(/\r\n/g, '\n'), readFileSync(GOLDEN, 'utf8').replace(/\r\n/g, '\n'));
  });

  it("folds lines exactly as ical-generator's foldLines does (multi-byte characters, emoji, long lines)", () => {
    const samples = [
      '',
      'short',
      'x'.repeat(74),
      'x'.repeat(75),
      'é'.repeat(40),
      `${'a'.repeat(73)}é`,
      `${'a'.repeat(72)}😀b`,
      'ATTENDEE;CN="Inês Carvalho":MAILTO:ines.carvalho@lumenpay.example',
      `${'a'.repeat(73)}\ud800`,
      `${'a'.repeat(73)}\udc00z`,
    ];
    for (const sample of samples) assert.equal(foldIcsLines(sample), foldLines(sample), JSON.stringify(sample));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 5 }), (lines) => {
        const text = lines.join('\r\n');
        return foldIcsLines(text) === foldLines(text);
      }),
      { numRuns: 300 },
    );
  });
});
