import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { cycleInterval } from '../../core/compute/cycle';
import { currentValue, isDone, keyResultProgress, lastConfidence, metricProgress, objectiveProgress } from '../../core/compute/progress';
import { keyResultScore, objectiveScore, scoreRag, toScore } from '../../core/compute/score';
import { keyResultStatus, objectiveStatus, status } from '../../core/compute/status';

const close = (actual: number | undefined, expected: number) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('compute/progress', () => {
  it('runs from start to target in either direction', () => {
    close(metricProgress(4.9, 4.2, 4.55), 0.5);
    close(metricProgress(80, 90, 85), 0.5);
    close(metricProgress(0, 10, 2.5), 0.25);
  });

  it('clamps to 0..1', () => {
    assert.equal(metricProgress(4.9, 4.2, 5.2), 0);
    assert.equal(metricProgress(4.9, 4.2, 3.9), 1);
    assert.equal(metricProgress(80, 90, 95), 1);
    assert.equal(metricProgress(80, 90, 70), 0);
  });

  it('is undefined when start equals target', () => {
    assert.equal(metricProgress(5, 5, 5), undefined);
    assert.equal(keyResultProgress({ type: 'metric', start: 5, target: 5, current: 6 }), undefined);
  });

  it('takes the latest check-in value when current is missing', () => {
    const kr = {
      type: 'metric',
      start: 4.9,
      target: 4.2,
      check_ins: [
        { date: '2026-03-01', value: 4.55, confidence: 0.6 },
        { date: '2026-01-15', value: 4.8, confidence: 0.9 },
        { date: '2026-02-01', note: 'no value this time', confidence: 0.5 },
      ],
    };
    assert.equal(currentValue(kr), 4.55);
    close(keyResultProgress(kr), 0.5);
    assert.equal(lastConfidence(kr), 0.6);
    close(keyResultProgress({ ...kr, current: 4.2 }), 1);
    assert.equal(keyResultProgress({ type: 'metric', start: 4.9, target: 4.2 }), 0);
  });

  it('counts milestones and booleans as 1 when done, else 0', () => {
    assert.equal(keyResultProgress({ type: 'milestone', due: '2026-05-01', done: true }), 1);
    assert.equal(keyResultProgress({ type: 'milestone', due: '2026-05-01' }), 0);
    assert.equal(keyResultProgress({ type: 'boolean', done: false }), 0);
    assert.equal(
      isDone({
        type: 'boolean',
        check_ins: [
          { date: '2026-02-01', done: false },
          { date: '2026-03-01', done: true },
        ],
      }),
      true,
    );
    assert.equal(keyResultProgress({ type: 'something-else', done: true }), undefined);
  });

  it('averages key results with their weights, or equally when none are given', () => {
    const metric = { type: 'metric', start: 0, target: 100, current: 50 };
    const done = { type: 'boolean', done: true };
    close(objectiveProgress({ key_results: [metric, done] }), 0.75);
    close(
      objectiveProgress({
        key_results: [
          { ...metric, weight: 0.8 },
          { ...done, weight: 0.2 },
        ],
      }),
      0.6,
    );
    // A weight missing on one KR: the weights are not trusted (okr/weights-sum reports it).
    close(objectiveProgress({ key_results: [{ ...metric, weight: 0.8 }, done] }), 0.75);
    // A KR whose progress cannot be known is left out rather than read as 0.
    close(objectiveProgress({ key_results: [metric, { type: 'metric', start: 1, target: 1 }] }), 0.5);
    assert.equal(objectiveProgress({ key_results: [] }), undefined);
    assert.equal(objectiveProgress({ key_results: 'none' }), undefined);
  });
});

describe('compute/score', () => {
  it('rounds progress to two decimals on the 0.0–1.0 scale', () => {
    assert.equal(toScore(0.6666), 0.67);
    assert.equal(toScore(1.2), 1);
    assert.equal(toScore(undefined), undefined);
    assert.equal(keyResultScore({ type: 'metric', start: 4.9, target: 4.2, current: 4.55 }), 0.5);
    assert.equal(
      objectiveScore({
        key_results: [
          { type: 'metric', start: 0, target: 3, current: 1 },
          { type: 'metric', start: 0, target: 3, current: 1 },
        ],
      }),
      0.33,
    );
  });
  it("colours scores with Google's bands", () => {
    assert.equal(scoreRag(0.7), 'green');
    assert.equal(scoreRag(0.69), 'amber');
    assert.equal(scoreRag(0.4), 'amber');
    assert.equal(scoreRag(0.39), 'red');
  });
});

describe('compute/status', () => {
  it('is on track before the cycle starts, whatever the numbers', () => {
    assert.equal(status({ progress: 0, elapsed: 0, confidence: 0.1 }), 'on_track');
  });

  it('compares progress with the elapsed share and the latest confidence', () => {
    assert.equal(status({ progress: 0.45, elapsed: 0.5, confidence: 0.8 }), 'on_track');
    assert.equal(status({ progress: 0.4, elapsed: 0.5, confidence: 0.8 }), 'on_track');
    assert.equal(status({ progress: 0.39, elapsed: 0.5, confidence: 0.8 }), 'at_risk');
    assert.equal(status({ progress: 0.5, elapsed: 0.5, confidence: 0.6 }), 'at_risk');
    assert.equal(status({ progress: 0.2, elapsed: 0.5, confidence: 0.8 }), 'at_risk');
    assert.equal(status({ progress: 0.19, elapsed: 0.5, confidence: 0.8 }), 'off_track');
    assert.equal(status({ progress: 0.9, elapsed: 0.5, confidence: 0.3 }), 'off_track');
    assert.equal(status({ progress: 0.5, elapsed: 0.5 }), 'on_track');
  });

  it('is on track once complete, and judges the end of the cycle on the final numbers', () => {
    assert.equal(status({ progress: 1, elapsed: 1, confidence: 0.2 }), 'on_track');
    assert.equal(status({ progress: 0.85, elapsed: 1, confidence: 0.9 }), 'at_risk');
    assert.equal(status({ progress: 0.6, elapsed: 1, confidence: 0.9 }), 'off_track');
  });

  it('uses the cycle in the workspace zone at its edges', () => {
    const zone = 'Europe/Lisbon';
    const h1 = cycleInterval('2026-H1', zone)!;
    const kr = { type: 'metric', start: 0, target: 10, current: 0, confidence: 0.9 };
    assert.equal(keyResultStatus(kr, h1, DateTime.fromISO('2025-12-31T23:59:59', { zone })), 'on_track');
    assert.equal(keyResultStatus(kr, h1, DateTime.fromISO('2026-01-01T00:00:00', { zone })), 'on_track');
    // 31 of 181 days elapsed, no progress: more than 0.1 behind, less than 0.3.
    assert.equal(keyResultStatus(kr, h1, DateTime.fromISO('2026-02-01', { zone })), 'at_risk');
    // 59 of 181 days: more than 0.3 behind.
    assert.equal(keyResultStatus(kr, h1, DateTime.fromISO('2026-03-01', { zone })), 'off_track');
    assert.equal(keyResultStatus(kr, h1, DateTime.fromISO('2026-07-01', { zone })), 'off_track');
    const milestone = { type: 'milestone', due: '2026-04-30', confidence: 0.8 };
    assert.equal(keyResultStatus(milestone, h1, DateTime.fromISO('2026-04-30T23:00', { zone })), 'on_track');
    assert.equal(keyResultStatus({ ...milestone, confidence: 0.5 }, h1, DateTime.fromISO('2026-04-01', { zone })), 'at_risk');
    assert.equal(keyResultStatus(milestone, h1, DateTime.fromISO('2026-05-01', { zone })), 'off_track');
    assert.equal(keyResultStatus({ ...milestone, done: true }, h1, DateTime.fromISO('2026-06-01', { zone })), 'on_track');
    assert.equal(keyResultStatus({ type: 'boolean' }, h1, DateTime.fromISO('2026-06-30T12:00', { zone })), 'on_track');
    assert.equal(keyResultStatus({ type: 'boolean' }, h1, h1.end!), 'off_track');
    const objective = {
      key_results: [
        { type: 'boolean', done: true, weight: 0.5, check_ins: [{ date: '2026-02-01', confidence: 0.9 }] },
        { type: 'metric', start: 0, target: 10, current: 4, weight: 0.5, confidence: 0.5 },
      ],
    };
    // Progress 0.7 at 100 % elapsed → at risk (more than 0.1 behind, within 0.3).
    assert.equal(objectiveStatus(objective, h1, h1.end!), 'at_risk');
  });
});
