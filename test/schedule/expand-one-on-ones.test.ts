import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { buildSchedule, expandOneOnOnes, scheduleWindow, wallTime, plainDate, type ScheduleEvent } from '../../core/schedule';
import { person, workspace, type WorkspaceSpec } from './helpers';

const oneOnOnes = (spec: WorkspaceSpec, from: string, to: string, minutes?: number): ScheduleEvent[] => {
  const model = workspace(spec);
  return expandOneOnOnes(model, scheduleWindow(model.timezone, from, to), { minutes });
};

/** The weekly Monday 10:00 1:1 of a manager in `zone` with one report. */
function weekly(zone: string, weekday = 'monday', time = '10:00'): WorkspaceSpec {
  return {
    timezone: 'UTC',
    people: [person('mia-manager', { timezone: zone }), person('rob-report')],
    oneOnOnes: [{ manager: 'mia-manager', reports: ['rob-report'], cadence: 'weekly', weekday, time, starts: '2026-01-01' }],
  };
}

function assertWallTimeHolds(events: ScheduleEvent[], zone: string, hour: number, minute = 0): void {
  for (const event of events) {
    assert.equal(event.zone, zone);
    assert.equal(event.start.zoneName, zone);
    assert.equal(event.start.hour, hour, event.start.toISO()!);
    assert.equal(event.start.minute, minute, event.start.toISO()!);
  }
}

describe('schedule: 1:1s', () => {
  describe('across daylight-saving changes', () => {
    it('keeps 10:00 in Berlin across the EU spring-forward (last Sunday of March)', () => {
      const events = oneOnOnes(weekly('Europe/Berlin'), '2026-03-23', '2026-03-30');
      assert.deepEqual(
        events.map((e) => e.start.toISO()),
        ['2026-03-23T10:00:00.000+01:00', '2026-03-30T10:00:00.000+02:00'],
      );
      assertWallTimeHolds(events, 'Europe/Berlin', 10);
      assert.deepEqual(
        events.map((e) => e.start.toUTC().hour),
        [9, 8],
      );
      // The DST change itself falls between the two meetings.
      const change = DateTime.fromISO('2026-03-29T12:00', { zone: 'Europe/Berlin' });
      assert.ok(events[0].start < change && change < events[1].start);
      assert.notEqual(events[0].start.offset, events[1].start.offset);
    });

    it('keeps 10:00 in Berlin across the EU fall-back (last Sunday of October)', () => {
      const events = oneOnOnes(weekly('Europe/Berlin'), '2026-10-19', '2026-10-26');
      assert.deepEqual(
        events.map((e) => e.start.toISO()),
        ['2026-10-19T10:00:00.000+02:00', '2026-10-26T10:00:00.000+01:00'],
      );
      assertWallTimeHolds(events, 'Europe/Berlin', 10);
    });

    it('keeps 10:00 in New York across the US spring-forward (second Sunday of March)', () => {
      const events = oneOnOnes(weekly('America/New_York', 'thursday'), '2026-03-05', '2026-03-12');
      assert.deepEqual(
        events.map((e) => e.start.toISO()),
        ['2026-03-05T10:00:00.000-05:00', '2026-03-12T10:00:00.000-04:00'],
      );
      assertWallTimeHolds(events, 'America/New_York', 10);
      assert.deepEqual(
        events.map((e) => e.start.toUTC().hour),
        [15, 14],
      );
    });

    it('keeps 10:00 in New York across the US fall-back (first Sunday of November)', () => {
      const events = oneOnOnes(weekly('America/New_York', 'thursday'), '2026-10-29', '2026-11-05');
      assert.deepEqual(
        events.map((e) => e.start.toISO()),
        ['2026-10-29T10:00:00.000-04:00', '2026-11-05T10:00:00.000-05:00'],
      );
    });

    it('keeps the wall time over a whole year, with two offsets', () => {
      const events = oneOnOnes(weekly('Europe/Berlin'), '2026-01-01', '2026-12-31');
      assert.equal(events.length, 52);
      assertWallTimeHolds(events, 'Europe/Berlin', 10);
      assert.deepEqual(
        [...new Set(events.map((e) => e.start.offset))].sort((a, b) => a - b),
        [60, 120],
      );
    });

    it('moves a time in the spring-forward gap forward by the gap (RFC 5545)', () => {
      const [event] = oneOnOnes(weekly('Europe/Berlin', 'sunday', '02:30'), '2026-03-29', '2026-03-29');
      assert.equal(event.start.toISO(), '2026-03-29T03:30:00.000+02:00');
      assert.equal(event.uid, 'okra-1on1-mia-manager-rob-report-20260329@okra');
    });

    it('takes the first of a repeated time at fall-back (RFC 5545)', () => {
      const [event] = oneOnOnes(weekly('Europe/Berlin', 'sunday', '02:30'), '2026-10-25', '2026-10-25');
      assert.equal(event.start.toISO(), '2026-10-25T02:30:00.000+02:00');
      assert.equal(wallTime('Europe/Berlin', plainDate('2026-10-25')!, 2, 30).offset, 120);
      assert.equal(wallTime('Europe/Berlin', plainDate('2026-10-26')!, 2, 30).offset, 60);
    });
  });

  describe('time zones', () => {
    const spec = (managerZone?: string): WorkspaceSpec => ({
      timezone: 'Europe/Lisbon',
      people: [person('mia-manager', managerZone ? { timezone: managerZone } : {}), person('rob-report', { timezone: 'Asia/Tokyo' })],
      oneOnOnes: [
        { manager: 'mia-manager', reports: ['rob-report'], cadence: 'weekly', weekday: 'tuesday', time: '09:00', starts: '2026-04-07' },
      ],
    });

    it("holds a 1:1 in the manager's time zone", () => {
      const [event] = oneOnOnes(spec('America/New_York'), '2026-04-07', '2026-04-07');
      assert.equal(event.zone, 'America/New_York');
      assert.equal(event.start.toISO(), '2026-04-07T09:00:00.000-04:00');
    });

    it("uses the workspace's zone when the manager has none (not the report's)", () => {
      const [event] = oneOnOnes(spec(), '2026-04-07', '2026-04-07');
      assert.equal(event.zone, 'Europe/Lisbon');
      assert.equal(event.start.toISO(), '2026-04-07T09:00:00.000+01:00');
    });

    it("uses the workspace's zone when the manager's is not a real zone", () => {
      const [event] = oneOnOnes(spec('Mars/Olympus_Mons'), '2026-04-07', '2026-04-07');
      assert.equal(event.zone, 'Europe/Lisbon');
    });

    it('places a meeting in the range by its instant, in the workspace zone', () => {
      // 20:00 in New York on Thursday Mar 5 is 01:00 on Friday Mar 6 in Lisbon.
      const late: WorkspaceSpec = {
        timezone: 'Europe/Lisbon',
        people: [person('mia-manager', { timezone: 'America/New_York' }), person('rob-report')],
        oneOnOnes: [
          { manager: 'mia-manager', reports: ['rob-report'], cadence: 'weekly', weekday: 'thursday', time: '20:00', starts: '2026-01-01' },
        ],
      };
      const fromFriday = oneOnOnes(late, '2026-03-06', '2026-03-06');
      assert.deepEqual(
        fromFriday.map((e) => e.start.toISO()),
        ['2026-03-05T20:00:00.000-05:00'],
      );
      assert.equal(fromFriday[0].start.setZone('Europe/Lisbon').toISODate(), '2026-03-06');
      assert.deepEqual(oneOnOnes(late, '2026-03-05', '2026-03-05'), []);
      // Mar 12 20:00 EDT is 00:00 on Mar 13 in Lisbon: just after the range's last day.
      const week = oneOnOnes(late, '2026-03-06', '2026-03-12');
      assert.deepEqual(
        week.map((e) => e.start.toISODate()),
        ['2026-03-05'],
      );
    });
  });

  describe('pairs and attendees', () => {
    const team: WorkspaceSpec = {
      timezone: 'UTC',
      teams: [
        { id: 'specialists', name: 'Specialists', lead: 'amara' },
        { id: 'frontline', name: 'Frontline' },
      ],
      people: [
        person('amara', { team: 'specialists' }),
        person('jonas', { team: 'specialists' }),
        person('chiara', { team: 'specialists', email: undefined }),
        person('rui', { team: 'frontline' }),
        person('pedro', { team: 'specialists' }),
      ],
      oneOnOnes: [
        {
          manager: 'amara',
          reports: ['team/specialists', 'pedro', 'person/rui', 'team/ghosts'],
          cadence: 'weekly',
          time: '11:00',
          starts: '2026-01-07',
        },
      ],
    };

    it('expands a team to its people except the manager, one series per pair, without repeats', () => {
      const events = oneOnOnes(team, '2026-01-07', '2026-01-07');
      assert.deepEqual(
        events.map((e) => e.attendees.map((a) => a.id)),
        [
          ['amara', 'jonas'],
          ['amara', 'chiara'],
          ['amara', 'pedro'],
          ['amara', 'rui'],
        ],
      );
      assert.deepEqual(
        events.map((e) => e.uid),
        ['jonas', 'chiara', 'pedro', 'rui'].map((r) => `okra-1on1-amara-${r}-20260107@okra`),
      );
      assert.ok(events.every((e) => e.kind === 'one-on-one' && !e.allDay));
    });

    it("carries names and the Org's emails, and the definition's place", () => {
      const [event] = oneOnOnes(team, '2026-01-07', '2026-01-07');
      assert.deepEqual(event.attendees, [
        { id: 'amara', name: 'Amara', email: 'amara@example.com' },
        { id: 'jonas', name: 'Jonas', email: 'jonas@example.com' },
      ]);
      assert.equal(event.title, '1:1 Amara / Jonas');
      assert.deepEqual(event.source, { file: 'reviews.yaml', path: ['one_on_ones', 0] });
      assert.equal(event.series, 'okra-1on1-amara-jonas');
    });

    it('keeps a report missing from the Org, named by the id', () => {
      const events = oneOnOnes(
        {
          people: [person('amara')],
          oneOnOnes: [{ manager: 'amara', reports: ['nobody-yet'], cadence: 'weekly', time: '11:00', starts: '2026-01-07' }],
        },
        '2026-01-07',
        '2026-01-07',
      );
      assert.deepEqual(events[0].attendees[1], { id: 'nobody-yet', name: 'nobody-yet' });
    });
  });

  describe('durations and shapes', () => {
    it('lasts 30 minutes by default, or as long as asked', () => {
      const [event] = oneOnOnes(weekly('Europe/Berlin'), '2026-01-05', '2026-01-05');
      assert.equal(event.end.diff(event.start, 'minutes').minutes, 30);
      const [long] = oneOnOnes(weekly('Europe/Berlin'), '2026-01-05', '2026-01-05', 45);
      assert.equal(long.end.toISO(), '2026-01-05T10:45:00.000+01:00');
    });

    it('is an all-day event when the entry gives no time', () => {
      const spec = weekly('Europe/Berlin');
      delete spec.oneOnOnes![0].time;
      const [event] = oneOnOnes(spec, '2026-01-05', '2026-01-05');
      assert.equal(event.allDay, true);
      assert.equal(event.start.toISO(), '2026-01-05T00:00:00.000+01:00');
      assert.equal(event.end.toISO(), '2026-01-06T00:00:00.000+01:00');
    });

    it('leaves out entries it cannot place rather than guess', () => {
      const spec = (patch: Record<string, unknown>): WorkspaceSpec => ({
        people: [person('mia'), person('rob')],
        oneOnOnes: [
          { manager: 'mia', reports: ['rob'], cadence: 'weekly', weekday: 'monday', time: '10:00', starts: '2026-01-05', ...patch },
        ],
      });
      assert.equal(oneOnOnes(spec({}), '2026-01-01', '2026-01-31').length, 4);
      for (const patch of [
        { weekday: 'mondy' },
        { time: '25:00' },
        { cadence: 'daily' },
        { starts: 'soon' },
        { ends: '2026-13-01' },
        { manager: 'team/x' },
      ]) {
        assert.deepEqual(oneOnOnes(spec(patch), '2026-01-01', '2026-01-31'), [], JSON.stringify(patch));
      }
    });
  });

  describe('the example workspace shape', () => {
    it('meets the biweekly phase of `starts` through buildSchedule', () => {
      const model = workspace({
        timezone: 'Europe/Lisbon',
        people: [person('sofia', { timezone: 'Europe/Lisbon' }), person('daniel', { timezone: 'America/New_York' })],
        oneOnOnes: [
          {
            manager: 'sofia',
            reports: ['daniel'],
            cadence: 'biweekly',
            weekday: 'thursday',
            time: '15:00',
            starts: '2026-01-08',
            ends: '2026-06-25',
          },
        ],
      });
      const events = buildSchedule(model, { from: '2026-03-01', to: '2026-04-30' });
      // Every other Thursday from Jan 8, at 15:00 Lisbon time, within March and April.
      const first = DateTime.fromISO('2026-01-08T15:00', { zone: 'Europe/Lisbon' });
      const expected = Array.from({ length: 30 }, (_, k) => first.plus({ weeks: 2 * k }))
        .filter((at) => at.toISODate()! >= '2026-03-01' && at.toISODate()! <= '2026-04-30')
        .map((at) => at.toISO());
      assert.equal(expected.length, 5);
      assert.deepEqual(
        events.map((e) => e.start.toISO()),
        expected,
      );
      assertWallTimeHolds(events, 'Europe/Lisbon', 15);
      for (const e of events) assert.equal(e.start.startOf('day').diff(first.startOf('day'), 'days').days % 14, 0);
    });
  });
});
