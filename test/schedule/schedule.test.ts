import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { buildSchedule, defaultScheduleRange, scheduleWindow, ScheduleRangeError } from '../../core/schedule';
import { EXAMPLE, FIXTURE, modelOfFolder, person, workspace } from './helpers';

describe('schedule: buildSchedule', () => {
  const model = modelOfFolder(FIXTURE);
  const events = buildSchedule(model, { from: '2026-03-16', to: '2026-04-05' });

  it('gives every kind of event, in chronological order', () => {
    assert.deepEqual([...new Set(events.map((e) => e.kind))].sort(), ['one-on-one', 'retrospective', 'review-stage']);
    for (let i = 1; i < events.length; i++) assert.ok(events[i - 1].start.toMillis() <= events[i].start.toMillis(), `${i}`);
  });

  it('gives stable UIDs: the same on every run, different for every occurrence', () => {
    const again = buildSchedule(modelOfFolder(FIXTURE), { from: '2026-03-16', to: '2026-04-05' });
    assert.deepEqual(
      again.map((e) => e.uid),
      events.map((e) => e.uid),
    );
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length);
    // A narrower range gives the same UIDs for the same meetings.
    const week = buildSchedule(model, { from: '2026-03-23', to: '2026-03-29' });
    for (const event of week)
      assert.ok(
        events.some((e) => e.uid === event.uid && +e.start === +event.start),
        event.uid,
      );
  });

  it('includes events on the first and the last day of the range', () => {
    // Lena's Monday 1:1s on Mar 16 (the first day) and the calibration deadline on Apr 3.
    assert.ok(events.some((e) => e.uid === 'okra-1on1-lena-vogel-oskar-lind-20260316@okra'));
    const edge = buildSchedule(model, { from: '2026-03-23', to: '2026-03-23' });
    assert.deepEqual(
      edge.map((e) => e.uid),
      ['okra-1on1-lena-vogel-oskar-lind-20260323@okra', 'okra-1on1-lena-vogel-zofia-nowak-20260323@okra'],
    );
  });

  it('reads the fixture as written: times, zones and the monthly clamp', () => {
    const byUid = new Map(events.map((e) => [e.uid, e]));
    assert.equal(byUid.get('okra-1on1-lena-vogel-oskar-lind-20260323@okra')!.start.toISO(), '2026-03-23T10:00:00.000+01:00');
    assert.equal(byUid.get('okra-1on1-lena-vogel-oskar-lind-20260330@okra')!.start.toISO(), '2026-03-30T10:00:00.000+02:00');
    assert.equal(byUid.get('okra-1on1-lena-vogel-maya-brooks-20260331@okra')!.start.toISO(), '2026-03-31T16:00:00.000+02:00');
    const theo = events.filter((e) => e.series === 'okra-1on1-maya-brooks-theo-grant');
    assert.deepEqual(
      theo.map((e) => e.start.toISO()),
      ['2026-03-27T09:30:00.000-04:00'],
    );
  });

  it('keeps one event when the same pair is listed twice for the same day', () => {
    const twice = workspace({
      people: [person('mia'), person('rob')],
      oneOnOnes: [
        { manager: 'mia', reports: ['rob'], cadence: 'weekly', time: '10:00', starts: '2026-01-05' },
        { manager: 'mia', reports: ['rob'], cadence: 'biweekly', time: '15:00', starts: '2026-01-05' },
      ],
    });
    const list = buildSchedule(twice, { from: '2026-01-05', to: '2026-01-18' });
    assert.deepEqual(
      list.map((e) => e.start.toISO()),
      ['2026-01-05T10:00:00.000Z', '2026-01-12T10:00:00.000Z'],
    );
  });

  it('schedules the example workspace: Lisbon keeps 10:00 across its spring-forward', () => {
    const example = modelOfFolder(EXAMPLE);
    const list = buildSchedule(example, { from: '2026-03-23', to: '2026-04-03' });
    const ines = list.filter((e) => e.series === 'okra-1on1-ines-carvalho-tomas-novak');
    assert.deepEqual(
      ines.map((e) => e.start.toISO()),
      ['2026-03-24T10:00:00.000+00:00', '2026-03-31T10:00:00.000+01:00'],
    );
    // Amara's biweekly 1:1s go to the Specialists team except Amara herself.
    const amara = new Set(list.filter((e) => e.uid.startsWith('okra-1on1-amara-okafor-')).map((e) => e.attendees[1].id));
    assert.deepEqual([...amara].sort(), ['chiara-rossi', 'jonas-berg', 'niamh-byrne', 'pedro-almeida']);
  });

  describe('range', () => {
    it('reads from/to as whole days in the workspace zone', () => {
      const window = scheduleWindow('America/New_York', '2026-03-08', '2026-03-08');
      assert.equal(window.start.toISO(), '2026-03-08T00:00:00.000-05:00');
      assert.equal(window.end.toISO(), '2026-03-09T00:00:00.000-04:00');
      assert.equal(window.fromDate, '2026-03-08');
      assert.equal(window.toDate, '2026-03-08');
    });

    it('refuses dates that are not ISO dates, and a range that ends before it starts', () => {
      assert.throws(() => buildSchedule(model, { from: '2026-02-30', to: '2026-03-01' }), ScheduleRangeError);
      assert.throws(() => buildSchedule(model, { from: '03/01/2026', to: '2026-03-01' }), /YYYY-MM-DD/);
      assert.throws(() => buildSchedule(model, { from: '2026-03-02', to: '2026-03-01' }), /before it starts/);
    });

    it('defaults to today and 8 weeks after, in the workspace zone', () => {
      // 23:30 UTC on Mar 31 is already Apr 1 in Berlin.
      const now = DateTime.fromISO('2026-03-31T23:30:00Z');
      assert.deepEqual(defaultScheduleRange('Europe/Berlin', now), { from: '2026-04-01', to: '2026-05-27' });
      assert.equal(DateTime.fromISO('2026-04-01').plus({ weeks: 8 }).toISODate(), '2026-05-27');
    });
  });
});
