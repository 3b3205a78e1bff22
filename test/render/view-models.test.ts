import { strict as assert } from 'node:assert';
import {
  buildOneOnOneView,
  buildRetroView,
  buildReviewView,
  formatChange,
  formatValue,
  personScopes,
  retroSource,
  type KeyResultView,
  type ObjectiveView,
} from '../../core/render';
import { DATE, loadModel, modelOf } from './fixtures';

const kr = (objectives: readonly ObjectiveView[], id: string): KeyResultView => {
  const found = objectives.flatMap((o) => o.keyResults).find((k) => k.id === id);
  assert.ok(found, `key result ${id}`);
  return found;
};

describe('render: view models', () => {
  const model = loadModel();

  describe('one-on-one', () => {
    it('finds the meeting and the previous 1:1 of the series', () => {
      const view = buildOneOnOneView(model, 'ana-lima', { date: DATE });
      assert.deepEqual(
        {
          date: view.meeting.date,
          previous: view.meeting.previous,
          next: view.meeting.next,
          manager: view.meeting.manager?.id,
          start: view.meeting.start,
          zone: view.meeting.zone,
          reportZone: view.meeting.reportZone,
        },
        // Held at 15:00 in the manager's zone (New York), as `okra schedule` has it.
        {
          date: '2026-04-14',
          previous: '2026-03-31',
          next: '2026-04-28',
          manager: 'ken-ito',
          start: '2026-04-14T15:00:00.000-04:00',
          zone: 'America/New_York',
          reportZone: 'Europe/Lisbon',
        },
      );
      const ken = buildOneOnOneView(model, 'ken-ito', { date: DATE });
      assert.equal(ken.meeting.date, '2026-04-20', 'weekly on Mondays: the next one');
      assert.equal(ken.meeting.previous, '2026-04-13');
    });

    it('movement since the last 1:1 comes from the check-ins after it, up to the document date', () => {
      const view = buildOneOnOneView(model, 'ana-lima', { date: DATE });
      const fcr = kr(view.objectives, 'fcr-up');
      assert.equal(fcr.movement.since, '2026-03-31');
      assert.equal(fcr.movement.moved, true);
      assert.equal(fcr.movement.direction, 'better');
      assert.equal(fcr.movement.from, '72%');
      assert.equal(fcr.movement.to, '75%');
      assert.equal(fcr.movement.valueDelta, '+3 pp');
      assert.ok(Math.abs((fcr.movement.progressDelta ?? 0) - 0.3) < 1e-9);
      assert.deepEqual(
        fcr.movement.checkIns.map((c) => [c.date, c.note]),
        [['2026-04-13', 'New macros live.']],
      );
      assert.equal(view.moved, 1);
      assert.deepEqual(
        view.updates.map((u) => u.keyResult.id),
        ['fcr-up'],
      );
      const aht = kr(view.objectives, 'aht-down');
      assert.equal(aht.movement.moved, false);
      assert.equal(aht.ownedBy, 'team', "owned by Ana's team through the file owner");
      assert.equal(fcr.ownedBy, 'person');
    });

    it('is as of its date: a later check-in does not count yet', () => {
      const view = buildOneOnOneView(model, 'ana-lima', { date: '2026-04-12' });
      const fcr = kr(view.objectives, 'fcr-up');
      assert.equal(fcr.current, '72%');
      assert.equal(fcr.progress, 0.2);
      assert.equal(fcr.movement.moved, false);
      assert.deepEqual(view.updates, []);
    });

    it('lists open milestones with days left, and overdue ones as overdue (and off track)', () => {
      const view = buildOneOnOneView(model, 'ken-ito', { date: DATE });
      assert.deepEqual(
        view.milestones.map((m) => [m.id, m.due, m.daysLeft, m.overdue]),
        [['rate-card', '2026-05-15', 31, false]],
      );
      const late = buildOneOnOneView(model, 'ken-ito', { date: '2026-05-20' });
      assert.deepEqual(
        late.milestones.map((m) => [m.id, m.daysLeft, m.overdue]),
        [['rate-card', -5, true]],
      );
      assert.equal(kr(late.objectives, 'rate-card').status, 'off_track');
      const lee = buildOneOnOneView(model, 'lee-park', { date: DATE });
      assert.deepEqual(
        lee.milestones.map((m) => m.id),
        ['team-training'],
        "his team's milestone; his done boolean key result is none",
      );
    });

    it("KPI attainment for the person's team, tier and vendor; their KRs' KPIs globally too", () => {
      const view = buildOneOnOneView(model, 'ana-lima', { date: DATE });
      assert.deepEqual(
        view.kpis.map((k) => [k.id, k.scope, k.period, k.actual, k.target, k.rag, k.reason]),
        [
          ['cost-per-contact', 'tier-1-frontline', '2026-03', '3.20 EUR', '3.00 EUR', 'amber', 'scope'],
          ['csat', 'frontline', '2026-Q1', '91.5%', '90%', 'green', 'scope'],
          ['csat', 'acme-bpo', '2026-Q1', '83%', '88%', 'red', 'scope'],
        ],
      );
      assert.equal(view.kpis[0].ratio, 3 / 3.2);
      assert.deepEqual(view.kpis[0].previous, { period: '2026-02', actual: '3.40 EUR' });
      assert.equal(view.kpis[0].trend, 'better');
      const ken = buildOneOnOneView(model, 'ken-ito', { date: DATE });
      assert.ok(ken.kpis.some((k) => k.id === 'cost-per-contact' && k.scope === 'global' && k.reason === 'key-result'));
      assert.deepEqual(personScopes(model, 'ana-lima'), ['frontline', 'tier-1-frontline', 'acme-bpo']);
      assert.deepEqual(personScopes(model, 'maria-schmidt'), ['global', 'support']);
    });

    it('upcoming review deadlines of the reviews the person is in', () => {
      const view = buildOneOnOneView(model, 'ana-lima', { date: '2026-06-10' });
      assert.deepEqual(
        view.stages.map((s) => [s.id, s.daysLeft, s.soon]),
        [
          ['manager-review', 6, true],
          ['calibration', 14, true],
        ],
      );
      assert.deepEqual(buildOneOnOneView(model, 'maria-schmidt', { date: DATE }).stages, []);
    });
  });

  describe('growwise-review', () => {
    it('outcomes over the period, KPIs inside the period, stages by kind', () => {
      const view = buildReviewView(model, 'h1-review', 'ana-lima', { date: DATE });
      assert.equal(view.asOf, DATE);
      assert.equal(view.reviewer?.id, 'ken-ito');
      assert.deepEqual([view.selfReview?.due, view.managerReview?.due, view.calibration?.due], ['2026-06-05', '2026-06-16', '2026-06-24']);
      const fcr = kr(view.objectives, 'fcr-up');
      assert.equal(fcr.movement.since, '2025-12-31');
      assert.equal(fcr.movement.from, '70%', 'the start value: the period starts with the cycle');
      assert.deepEqual(
        [view.summary.keyResults, view.summary.averageScore, view.summary.progressing, view.summary.missed],
        [2, 0.25, 1, 1],
      );
      const after = buildReviewView(model, 'h1-review', 'ana-lima', { date: '2026-08-01' });
      assert.equal(after.asOf, '2026-06-30', 'never past the period');
    });
  });

  describe('okr-retrospective', () => {
    it('every objective of the cycle with what moved and what did not, top-level teams first', () => {
      const view = buildRetroView(model, retroSource(model, 'retro-h1')!, { date: DATE });
      assert.deepEqual(
        view.owners.map((o) => o.ownerName),
        ['Customer Support', 'Frontline'],
      );
      assert.deepEqual(
        view.objectives.map((o) => [o.id, o.score, o.moved.map((k) => k.id), o.notMoved.map((k) => k.id)]),
        [
          ['cheaper-support', 0.42, ['cpc-down'], ['rate-card']],
          ['people-grow', 0.5, ['career-ladder'], ['team-training']],
          ['first-time-right', 0.25, ['fcr-up'], ['aht-down']],
        ],
      );
      assert.deepEqual([view.summary.moved, view.summary.notMoved, view.summary.wrongWay], [3, 3, 0]);
      assert.deepEqual(
        view.participants.map((p) => p.id),
        ['maria-schmidt', 'lee-park', 'ken-ito'],
      );
    });

    it('a key result that got worse is listed as moved the wrong way', () => {
      const small = modelOf({
        'okra.config.yaml': 'kind: Config\nversion: 1\n',
        'okrs.yaml': `kind: Objectives
version: 1
cycle: 2026-Q1
owner: team/t
objectives:
  - id: o
    title: O
    key_results:
      - { id: worse, title: Worse, type: metric, start: 10, target: 20, check_ins: [{ date: 2026-02-01, value: 12 }, { date: 2026-03-01, value: 8 }] }
`,
      });
      const view = buildRetroView(small, { cycle: '2026-Q1' }, { date: '2026-03-31' });
      assert.deepEqual(
        view.wrongWay.map((k) => [k.id, k.movement.from, k.movement.to, k.movement.direction]),
        [['worse', '10', '8', 'worse']],
      );
      assert.equal(view.objectives[0].moved[0].id, 'worse');
    });
  });

  it('values with units', () => {
    assert.deepEqual(
      [
        formatValue(4.5, 'EUR'),
        formatValue(86.4, 'percent'),
        formatValue(510, 'seconds'),
        formatValue(9000, 'seconds'),
        formatValue(0.8, 'ratio'),
        formatValue(38, 'hours'),
        formatValue(2.9, 'score'),
        formatValue(-3, 'count'),
        formatValue('x', 'EUR'),
      ],
      ['4.50 EUR', '86.4%', '8 min 30 s', '2 h 30 min', '80%', '38 h', '2.9', '\u22123', null],
    );
    assert.deepEqual(
      [formatChange(-0.11, 'EUR'), formatChange(1.5, 'percent'), formatChange(-900, 'seconds'), formatChange(0, 'EUR')],
      ['\u22120.11 EUR', '+1.5 pp', '\u221215 min', '±0'],
    );
  });
});
