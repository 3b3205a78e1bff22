import { isRecord } from '../util/is-record';
import { parseDate } from './date';

/**
 * The fields of a key result that progress reads. Every field is `unknown` on purpose: the
 * model keeps whatever a file holds, and a half-typed file must not break a document.
 */
export interface KeyResultInput {
  type?: unknown;
  start?: unknown;
  target?: unknown;
  current?: unknown;
  due?: unknown;
  done?: unknown;
  weight?: unknown;
  confidence?: unknown;
  check_ins?: unknown;
}

export interface ObjectiveInput {
  key_results?: unknown;
}

interface CheckInLike {
  date?: unknown;
  value?: unknown;
  done?: unknown;
  confidence?: unknown;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Check-ins sorted oldest first. Check-ins without a readable date keep their place at the
 * start, so a dated check-in always counts as later than an undated one.
 */
export function sortedCheckIns(kr: KeyResultInput): CheckInLike[] {
  return Array.isArray(kr.check_ins) ? [...sortedOnce(kr.check_ins)] : [];
}

/**
 * The sorted check-ins of a list, sorted once: a key result's current value, done flag and
 * confidence each read them, for each day a document asks about. Model data is not changed in
 * place (an edit builds a new model), so the list's identity and length name its order.
 */
function sortedOnce(checkIns: unknown[]): readonly CheckInLike[] {
  const known = sortedLists.get(checkIns);
  if (known && known.length === checkIns.length) return known.sorted;
  const items = checkIns.filter(isRecord).map((c, i) => ({ c: c as CheckInLike, i, t: parseDate(c.date)?.toMillis() ?? -Infinity }));
  items.sort((a, b) => a.t - b.t || a.i - b.i);
  const sorted = items.map((x) => x.c);
  sortedLists.set(checkIns, { length: checkIns.length, sorted });
  return sorted;
}

const sortedLists = new WeakMap<unknown[], { length: number; sorted: readonly CheckInLike[] }>();

/** The latest check-in that has `field` set to a value accepted by `accept`. */
function latest<T>(kr: KeyResultInput, accept: (v: unknown) => v is T, field: keyof CheckInLike): T | undefined {
  if (!Array.isArray(kr.check_ins)) return undefined;
  const list = sortedOnce(kr.check_ins);
  for (let i = list.length - 1; i >= 0; i--) {
    const v = list[i][field];
    if (accept(v)) return v;
  }
  return undefined;
}

/**
 * Progress from `start` to `target` at `current`, clamped to 0..1, in either direction:
 * 4.90 → 4.20 EUR at 4.55 is 0.5. `undefined` when start equals target (no distance to cover).
 */
export function metricProgress(start: number, target: number, current: number): number | undefined {
  if (![start, target, current].every(isNumber) || start === target) return undefined;
  const raw = (current - start) / (target - start);
  return Math.min(1, Math.max(0, raw));
}

/** A metric KR's current value: `current`, else the latest check-in's `value`. */
export function currentValue(kr: KeyResultInput): number | undefined {
  if (isNumber(kr.current)) return kr.current;
  return latest(kr, isNumber, 'value');
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Whether a milestone or boolean KR is done: `done`, else the latest check-in's `done`. */
export function isDone(kr: KeyResultInput): boolean {
  if (isBoolean(kr.done)) return kr.done;
  return latest(kr, isBoolean, 'done') ?? false;
}

const isConfidence = (value: unknown): value is number => isNumber(value) && value >= 0 && value <= 1;

/** The latest confidence (0..1): from the newest check-in that gives one, else the KR's own. */
export function lastConfidence(kr: KeyResultInput): number | undefined {
  return latest(kr, isConfidence, 'confidence') ?? (isConfidence(kr.confidence) ? kr.confidence : undefined);
}

/**
 * Progress of a key result, 0..1. Metric: from start to target at the current value (no
 * current value yet counts as the start, 0). Milestone and boolean: 1 when done, else 0.
 * `undefined` when it cannot be known (unknown type, missing or equal start and target).
 */
export function keyResultProgress(kr: KeyResultInput): number | undefined {
  switch (kr.type) {
    case 'metric': {
      if (!isNumber(kr.start) || !isNumber(kr.target)) return undefined;
      return metricProgress(kr.start, kr.target, currentValue(kr) ?? kr.start);
    }
    case 'milestone':
    case 'boolean':
      return isDone(kr) ? 1 : 0;
    default:
      return undefined;
  }
}

/** The key results of an objective that are mappings; anything else is the schema's problem. */
export function keyResultsOf(objective: ObjectiveInput): KeyResultInput[] {
  return Array.isArray(objective.key_results) ? (objective.key_results.filter(isRecord) as KeyResultInput[]) : [];
}

/**
 * Weighted mean of `values` per key result. Weights are used only when every key result has a
 * non-negative weight and at least one is positive (otherwise `okr/weights-sum` reports it and
 * equal weights are the least surprising stand-in). Key results whose value is `undefined` are
 * left out and the rest re-weighted, so one unreadable KR does not read as 0 %.
 */
export function weightedMean(krs: readonly KeyResultInput[], value: (kr: KeyResultInput) => number | undefined): number | undefined {
  const weighted =
    krs.length > 0 && krs.every((kr) => isNumber(kr.weight) && kr.weight >= 0) && krs.some((kr) => (kr.weight as number) > 0);
  let sum = 0;
  let total = 0;
  for (const kr of krs) {
    const v = value(kr);
    if (v === undefined) continue;
    const w = weighted ? (kr.weight as number) : 1;
    sum += w * v;
    total += w;
  }
  return total > 0 ? sum / total : undefined;
}

/** Objective progress: the weighted mean of its key results' progress (equal weights when none). */
export function objectiveProgress(objective: ObjectiveInput): number | undefined {
  return weightedMean(keyResultsOf(objective), keyResultProgress);
}
