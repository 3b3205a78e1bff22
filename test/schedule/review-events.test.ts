import { strict as assert } from 'node:assert';
import { reviewStageEvents, retrospectiveEvents, scheduleWindow } from '../../core/schedule';
import { person, workspace, type WorkspaceSpec } from './helpers';

const spec: WorkspaceSpec = {
  timezone: 'Europe/Lisbon',
  teams: [{ id: 'desk', name: 'Desk', lead: 'lena' }],
  people: [person('lena', { team: 'desk' }), person('oskar', { team: 'desk' }), person('maya', { timezone: 'America/New_York' })],
  reviews: [
    {
      id: 'growwise-2026-h1',
      name: 'GrowWise 2026 H1',
      type: 'performance',
      period: { start: '2026-01-01', end: '2026-06-30' },
      participants: ['team/desk', 'maya', 'oskar'],
      stages: [
        { id: 'self-review', name: 'Self review', due: '2026-03-29' },
        { id: 'calibration', due: '2026-06-24' },
      ],
    },
  ],
  retrospectives: [{ id: 'okr-retro-2026-h1', cycle: '2026-H1', date: '2026-06-30', participants: ['team/desk'] }],
};

describe('schedule: review stages and retrospectives', () => {
  const model = workspace(spec);

  it('makes each stage an all-day event on its due day, in the workspace zone', () => {
    const events = reviewStageEvents(model, scheduleWindow(model.timezone, '2026-01-01', '2026-12-31'));
    assert.deepEqual(
      events.map((e) => [e.title, e.start.toISO(), e.end.toISO(), e.allDay, e.zone, e.kind]),
      [
        // Mar 29 is the day Lisbon springs forward: the day is 23 hours long and ends at the next midnight.
        [
          'GrowWise 2026 H1: Self review due',
          '2026-03-29T00:00:00.000+00:00',
          '2026-03-30T00:00:00.000+01:00',
          true,
          'Europe/Lisbon',
          'review-stage',
        ],
        [
          'GrowWise 2026 H1: calibration due',
          '2026-06-24T00:00:00.000+01:00',
          '2026-06-25T00:00:00.000+01:00',
          true,
          'Europe/Lisbon',
          'review-stage',
        ],
      ],
    );
  });

  it('invites the participants, a team standing for all of its people', () => {
    const [event] = reviewStageEvents(model, scheduleWindow(model.timezone, '2026-03-29', '2026-03-29'));
    assert.deepEqual(
      event.attendees.map((a) => a.id),
      ['lena', 'oskar', 'maya'],
    );
    assert.equal(event.uid, 'okra-review-growwise-2026-h1-self-review@okra');
    assert.deepEqual(event.source, { file: 'reviews.yaml', path: ['reviews', 0, 'stages', 0] });
  });

  it('includes a stage due on the first or the last day of the range, and none outside', () => {
    assert.equal(reviewStageEvents(model, scheduleWindow(model.timezone, '2026-03-29', '2026-04-30')).length, 1);
    assert.equal(reviewStageEvents(model, scheduleWindow(model.timezone, '2026-03-01', '2026-03-29')).length, 1);
    assert.equal(reviewStageEvents(model, scheduleWindow(model.timezone, '2026-03-30', '2026-06-23')).length, 0);
  });

  it('makes a retrospective an all-day event on its date', () => {
    const events = retrospectiveEvents(model, scheduleWindow(model.timezone, '2026-06-30', '2026-06-30'));
    assert.equal(events.length, 1);
    const [retro] = events;
    assert.equal(retro.title, 'OKR retrospective 2026-H1');
    assert.equal(retro.kind, 'retrospective');
    assert.equal(retro.uid, 'okra-retro-okr-retro-2026-h1@okra');
    assert.equal(retro.start.toISODate(), '2026-06-30');
    assert.equal(retro.allDay, true);
    assert.deepEqual(
      retro.attendees.map((a) => a.id),
      ['lena', 'oskar'],
    );
    assert.deepEqual(retrospectiveEvents(model, scheduleWindow(model.timezone, '2026-07-01', '2026-07-31')), []);
  });

  it('skips stages without an id or a readable due date', () => {
    const broken = workspace({
      ...spec,
      reviews: [
        {
          ...spec.reviews![0],
          stages: [{ id: 'a', due: 'next week' }, { name: 'no id', due: '2026-03-01' } as never, { id: 'b', due: '2026-03-02' }],
        },
      ],
    });
    const events = reviewStageEvents(broken, scheduleWindow(broken.timezone, '2026-01-01', '2026-12-31'));
    assert.deepEqual(
      events.map((e) => e.uid),
      ['okra-review-growwise-2026-h1-b@okra'],
    );
  });
});
