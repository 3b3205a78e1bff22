import { isRecord } from '../util/is-record';
import { cycleInterval, periodWithin } from './cycle';
import type { Rag } from './score';

export type Direction = 'higher_is_better' | 'lower_is_better';

/** The fields of a KPI that attainment reads; `unknown` because the model keeps raw file data. */
export interface KpiInput {
  direction?: unknown;
  targets?: unknown;
  actuals?: unknown;
}

export interface TargetInput {
  scope?: unknown;
  period?: unknown;
  target?: unknown;
  warn?: unknown;
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
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `higher_is_better` / `lower_is_better`, or `undefined` for anything else. */
export function directionOf(kpi: KpiInput): Direction | undefined {
  return kpi.direction === 'higher_is_better' || kpi.direction === 'lower_is_better' ? kpi.direction : undefined;
}

/**
 * Attainment of `actual` against `target` for a KPI's direction. Without `warn` there is no
 * amber band: anything worse than target is red.
 */
export function attainment(actual: number, target: number, direction: Direction, warn?: number): Attainment {
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
  for (const s of scope === 'global' ? ['global'] : [scope, 'global']) {
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

/** The KPI's reported value for `scope` and `period` (the last one listed wins). */
export function findActual(kpi: KpiInput, scope: string, period: string): number | undefined {
  if (!Array.isArray(kpi.actuals)) return undefined;
  const matches = kpi.actuals.filter(
    (a): a is Record<string, unknown> => isRecord(a) && scopeOf(a) === scope && a.period === period && isNumber(a.value),
  );
  return matches.length > 0 ? (matches[matches.length - 1].value as number) : undefined;
}

/**
 * Attainment of a KPI for a scope (`global`, a team, a tier or a vendor id) and period, from the
 * actual reported for them and the matching target. `undefined` when either is missing.
 */
export function kpiAttainment(kpi: KpiInput, scope: string, period: string): Attainment | undefined {
  const direction = directionOf(kpi);
  const actual = findActual(kpi, scope, period);
  const target = findTarget(kpi, scope, period);
  if (!direction || actual === undefined || !target || !isNumber(target.target)) return undefined;
  return attainment(actual, target.target, direction, isNumber(target.warn) ? target.warn : undefined);
}
