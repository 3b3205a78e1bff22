import { isRecord } from '../util/is-record';
import { cycleInterval, periodWithin } from './cycle';
import type { Rag } from './score';

export type Direction = 'higher_is_better' | 'lower_is_better' | 'within_band';

/** The fields of a KPI that attainment reads; `unknown` because the model keeps raw file data. */
export interface KpiInput {
  direction?: unknown;
  aggregation?: unknown;
  targets?: unknown;
  actuals?: unknown;
}

export interface TargetInput {
  scope?: unknown;
  period?: unknown;
  target?: unknown;
  warn?: unknown;
  min?: unknown;
  max?: unknown;
  warn_min?: unknown;
  warn_max?: unknown;
}

/** A within_band target: green from `min` to `max`, amber out to `warnMin` / `warnMax`. */
export interface Band {
  min: number;
  max: number;
  warnMin?: number;
  warnMax?: number;
}

export interface Attainment {
  actual: number;
  target: number;
  warn?: number;
  /**
   * How much of the target was attained, oriented so that above 1 is better than target in
   * both directions: actual ÷ target when higher is better, target ÷ actual when lower is
   * better. `undefined` when the division has no meaning (a zero or negative denominator).
   */
  ratio: number | undefined;
  /** Green at or better than target, amber up to and including `warn`, red beyond it. */
  rag: Rag;
  /** For a within_band KPI, the band; `target` is then the edge of the band nearest the actual. */
  band?: Band;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `higher_is_better` / `lower_is_better` / `within_band`, or `undefined` for anything else. */
export function directionOf(kpi: KpiInput): Direction | undefined {
  return kpi.direction === 'higher_is_better' || kpi.direction === 'lower_is_better' || kpi.direction === 'within_band'
    ? kpi.direction
    : undefined;
}

/**
 * Attainment of `actual` against a band: green from `min` to `max` (both included), amber below
 * `min` down to `warnMin` or above `max` up to `warnMax`, red beyond (or anywhere outside the band
 * when there is no warn bound on that side). `target` is the edge of the band nearest the actual
 * (the actual itself inside it), and `ratio` is 1 inside and shrinks with the distance outside:
 * actual ÷ min below the band, max ÷ actual above it.
 */
export function bandAttainment(actual: number, band: Band): Attainment {
  const { min, max, warnMin, warnMax } = band;
  let rag: Rag;
  let target: number;
  let ratio: number | undefined;
  if (actual < min) {
    target = min;
    ratio = min > 0 && actual >= 0 ? actual / min : undefined;
    rag = isNumber(warnMin) && actual >= warnMin ? 'amber' : 'red';
  } else if (actual > max) {
    target = max;
    ratio = actual > 0 && max >= 0 ? max / actual : undefined;
    rag = isNumber(warnMax) && actual <= warnMax ? 'amber' : 'red';
  } else {
    target = actual;
    ratio = 1;
    rag = 'green';
  }
  return { actual, target, ratio, rag, band };
}

/**
 * Attainment of `actual` against `target` for a KPI's direction. Without `warn` there is no
 * amber band: anything worse than target is red.
 */
export function attainment(actual: number, target: number, direction: 'higher_is_better' | 'lower_is_better', warn?: number): Attainment {
  const better = direction === 'higher_is_better' ? (a: number, b: number) => a >= b : (a: number, b: number) => a <= b;
  const [num, den] = direction === 'higher_is_better' ? [actual, target] : [target, actual];
  const ratio = den > 0 && num >= 0 ? num / den : undefined;
  let rag: Rag;
  if (better(actual, target)) rag = 'green';
  else if (isNumber(warn) && better(actual, warn)) rag = 'amber';
  else rag = 'red';
  const result: Attainment = { actual, target, ratio, rag };
  if (isNumber(warn)) result.warn = warn;
  return result;
}

/** Scope of a target or actual; an actual without one is global. */
function scopeOf(item: Record<string, unknown>): string {
  return typeof item.scope === 'string' ? item.scope : 'global';
}

/** Length of a period in milliseconds (UTC), for "the shortest period that covers it". */
function periodLength(period: unknown): number {
  const interval = cycleInterval(period);
  return interval?.start && interval.end ? interval.end.toMillis() - interval.start.toMillis() : Number.POSITIVE_INFINITY;
}

/** Whether a target has a value to measure against: `target`, or `min` and `max` for a band. */
function hasTargetValue(t: Record<string, unknown>): boolean {
  return isNumber(t.target) || (isNumber(t.min) && isNumber(t.max));
}

/**
 * The KPI's target for `scope` and `period`: the scope's own targets before `global`, then among
 * them the shortest period that covers `period` (a Q1 target before an H1 target for a March
 * actual). The order of targets in the file never matters; of two targets with the same scope and
 * period (`kpi/duplicate-target`), the first is taken.
 */
export function findTarget(kpi: KpiInput, scope: string, period: string): TargetInput | undefined {
  if (!Array.isArray(kpi.targets)) return undefined;
  const usable = kpi.targets.filter((t): t is Record<string, unknown> => isRecord(t) && hasTargetValue(t));
  for (const s of [scope, 'global']) {
    let best: Record<string, unknown> | undefined;
    let bestLength = Number.POSITIVE_INFINITY;
    for (const t of usable) {
      if (scopeOf(t) !== s || !(t.period === period || periodWithin(period, t.period))) continue;
      const length = periodLength(t.period);
      if (!best || length < bestLength) [best, bestLength] = [t, length];
    }
    if (best) return best;
  }
  return undefined;
}

export type Aggregation = 'mean' | 'sum' | 'last' | 'max' | 'min' | 'volume_weighted';

const AGGREGATIONS: readonly string[] = ['mean', 'sum', 'last', 'max', 'min', 'volume_weighted'];

/** The KPI's `aggregation`, `mean` when it has none (or an unknown one). */
export function aggregationOf(kpi: KpiInput): Aggregation {
  return typeof kpi.aggregation === 'string' && AGGREGATIONS.includes(kpi.aggregation) ? (kpi.aggregation as Aggregation) : 'mean';
}

interface Measured {
  value: number;
  volume?: number;
  start: number;
  end: number;
}

/**
 * Rolls measured values up with `aggregation`. `volume_weighted` uses the actuals that have a
 * `volume` (Σ value × volume ÷ Σ volume); `undefined` when nothing is left to weigh.
 */
export function rollUp(values: readonly Measured[], aggregation: Aggregation): number | undefined {
  if (values.length === 0) return undefined;
  const xs = values.map((v) => v.value);
  switch (aggregation) {
    case 'sum':
      return xs.reduce((a, b) => a + b, 0);
    case 'max':
      return Math.max(...xs);
    case 'min':
      return Math.min(...xs);
    case 'last':
      return values.reduce((a, b) => (b.end > a.end || (b.end === a.end && b.start >= a.start) ? b : a)).value;
    case 'volume_weighted': {
      const weighed = values.filter((v) => v.volume !== undefined && v.volume > 0);
      const total = weighed.reduce((a, v) => a + v.volume!, 0);
      return total > 0 ? weighed.reduce((a, v) => a + v.value * v.volume!, 0) / total : undefined;
    }
    default:
      return xs.reduce((a, b) => a + b, 0) / xs.length;
  }
}

/**
 * The KPI's value for `scope` and `period`: the actual written for exactly that period (the last
 * one listed wins), else the roll-up (the KPI's `aggregation`) of the actuals inside it. Of
 * actuals nested in one another (a month and its weeks), only the outermost count, so nothing
 * counts twice.
 */
export function findActual(kpi: KpiInput, scope: string, period: string): number | undefined {
  if (!Array.isArray(kpi.actuals)) return undefined;
  const mine = kpi.actuals.filter((a): a is Record<string, unknown> => isRecord(a) && scopeOf(a) === scope && isNumber(a.value));
  const exact = mine.filter((a) => a.period === period);
  if (exact.length > 0) return exact[exact.length - 1].value as number;
  const byPeriod = new Map<string, Measured>();
  for (const a of mine) {
    if (typeof a.period !== 'string' || !periodWithin(a.period, period)) continue;
    const interval = cycleInterval(a.period);
    if (!interval?.start || !interval.end) continue;
    byPeriod.set(a.period, {
      value: a.value as number,
      volume: isNumber(a.volume) ? a.volume : undefined,
      start: interval.start.toMillis(),
      end: interval.end.toMillis(),
    });
  }
  const inside = [...byPeriod.values()];
  const outermost = inside.filter(
    (m) => !inside.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
  return rollUp(outermost, aggregationOf(kpi));
}

/**
 * Attainment of a KPI for a scope (`global`, a team, a tier or a vendor id) and period, from the
 * actual reported for them and the matching target. `undefined` when either is missing.
 */
export function kpiAttainment(kpi: KpiInput, scope: string, period: string): Attainment | undefined {
  const direction = directionOf(kpi);
  const actual = findActual(kpi, scope, period);
  const target = findTarget(kpi, scope, period);
  if (!direction || actual === undefined || !target) return undefined;
  if (direction === 'within_band') {
    if (!isNumber(target.min) || !isNumber(target.max)) return undefined;
    const band: Band = { min: target.min, max: target.max };
    if (isNumber(target.warn_min)) band.warnMin = target.warn_min;
    if (isNumber(target.warn_max)) band.warnMax = target.warn_max;
    return bandAttainment(actual, band);
  }
  if (!isNumber(target.target)) return undefined;
  return attainment(actual, target.target, direction, isNumber(target.warn) ? target.warn : undefined);
}
