import type { DateTime, Interval } from 'luxon';
import { elapsedShare } from './cycle';
import { parseDate } from './date';
import {
  isDone,
  keyResultProgress,
  keyResultsOf,
  lastConfidence,
  weightedMean,
  type KeyResultInput,
  type ObjectiveInput,
} from './progress';

export type Status = 'on_track' | 'at_risk' | 'off_track';

/**
 * How far progress may trail the elapsed share of the cycle and still be on track (10 points),
 * and beyond which it is off track (30 points). Checked-in confidence: on track needs at least
 * 0.7 (the score the team itself calls a good result), below 0.4 is off track.
 */
export const STATUS_THRESHOLDS = Object.freeze({
  onTrackLag: 0.1,
  offTrackLag: 0.3,
  onTrackConfidence: 0.7,
  offTrackConfidence: 0.4,
});

export interface StatusInput {
  /** Progress 0..1; `undefined` when unknown. */
  progress: number | undefined;
  /** Share of the cycle elapsed, 0..1. */
  elapsed: number;
  /** The latest confidence 0..1, if anyone gave one. */
  confidence?: number;
}

/**
 * `on_track` / `at_risk` / `off_track`:
 * - before the cycle starts (nothing elapsed), or once the KR is complete: on track;
 * - off track when progress trails the elapsed share by more than 0.3, or confidence < 0.4;
 * - on track when progress trails by at most 0.1 and confidence is ≥ 0.7 (or not given);
 * - otherwise at risk. Unknown progress is judged on confidence alone.
 */
export function status({ progress, elapsed, confidence }: StatusInput): Status {
  const t = STATUS_THRESHOLDS;
  if (elapsed <= 0) return 'on_track';
  if (progress !== undefined && progress >= 1) return 'on_track';
  const hasConfidence = typeof confidence === 'number' && Number.isFinite(confidence);
  if (hasConfidence && confidence < t.offTrackConfidence) return 'off_track';
  if (progress !== undefined && progress < elapsed - t.offTrackLag) return 'off_track';
  const confident = !hasConfidence || confidence >= t.onTrackConfidence;
  if ((progress === undefined || progress >= elapsed - t.onTrackLag) && confident) return 'on_track';
  return 'at_risk';
}

/**
 * Status of a key result at `at` within its cycle's interval (in the workspace zone).
 * A metric KR is judged by `status()`. A milestone or boolean KR moves from 0 to 1 in one step,
 * so comparing it with the elapsed share would call every open milestone off track a third of
 * the way in: until its deadline (`due`, else the end of the cycle) it is judged on confidence
 * alone, once done it is on track, and past the deadline and not done it is off track.
 */
export function keyResultStatus(kr: KeyResultInput, cycle: Interval, at: DateTime): Status {
  const elapsed = elapsedShare(cycle, at);
  const confidence = lastConfidence(kr);
  if (kr.type === 'milestone' || kr.type === 'boolean') {
    if (isDone(kr)) return 'on_track';
    const zone = cycle.start?.zoneName ?? 'UTC';
    // A milestone is late from the day after it is due.
    const due = parseDate(kr.due, zone);
    const deadline = (due && dayAfter(due)) ?? cycle.end;
    if (deadline && at >= deadline) return 'off_track';
    return status({ progress: undefined, elapsed, confidence });
  }
  return status({ progress: keyResultProgress(kr), elapsed, confidence });
}

/** `parseDate` gives one DateTime per (zone, date); luxon's `plus` in an IANA zone asks Intl for the offset each time. */
const nextDays = new WeakMap<DateTime, DateTime>();

function dayAfter(day: DateTime): DateTime {
  let next = nextDays.get(day);
  if (!next) nextDays.set(day, (next = day.plus({ days: 1 })));
  return next;
}

/**
 * Status of an objective: its progress (weighted mean of its KRs) against the cycle, with the
 * weighted mean of its KRs' latest confidences, so one pessimistic KR lowers it without
 * deciding it alone.
 */
export function objectiveStatus(objective: ObjectiveInput, cycle: Interval, at: DateTime): Status {
  const krs = keyResultsOf(objective);
  return status({
    progress: weightedMean(krs, keyResultProgress),
    elapsed: elapsedShare(cycle, at),
    confidence: weightedMean(krs, lastConfidence),
  });
}
