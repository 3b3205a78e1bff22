import { directionOf, kpiAttainment, parseCycle, type KpiInput as Kpi } from '../../compute';
import type { Entity } from '../../model/workspace-model';
import type { Kpi as KpiDefinition } from '../../model/types.generated';
import { directionLabel, formatValue } from './format-value';
import { dayBefore, type RenderIndex } from './model-index';
import { scopeIdOf, scopeName } from './people';
import type { Direction, KpiView } from './types';

export interface KpiOptions {
  /** Scope ids that are the document's (`global`, team, tier and vendor ids), most relevant first. */
  scopes: readonly string[];
  /** KPIs that belong in the document whatever their scope (the person owns them, or their key results move them). */
  owned?: ReadonlySet<string>;
  linked?: ReadonlySet<string>;
  /** The day the document is as of: periods that start after it are not reported yet. */
  day: string;
  /** Only periods inside this span count (a review's period), ISO dates inclusive. */
  within?: { start: string; end: string };
  /**
   * Of the periods that end last, take the shortest (`recent`: last month's figure, for a
   * 1:1) or the longest (`longest`: the quarter or half, for a review).
   */
  prefer: 'recent' | 'longest';
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every scope string a KPI's targets and actuals use, as written (an actual without scope is `global`). */
function rawScopes(kpi: KpiDefinition): string[] {
  const scopes = new Set<string>();
  for (const t of Array.isArray(kpi.targets) ? kpi.targets : []) if (isObject(t) && typeof t.scope === 'string') scopes.add(t.scope);
  for (const a of Array.isArray(kpi.actuals) ? kpi.actuals : []) if (isObject(a)) scopes.add(typeof a.scope === 'string' ? a.scope : 'global');
  return [...scopes];
}

interface PeriodPick {
  period: string;
  start: string;
  end: string;
}

function actualPeriods(index: RenderIndex, kpi: KpiDefinition, scope: string): PeriodPick[] {
  const out: PeriodPick[] = [];
  const seen = new Set<string>();
  for (const a of Array.isArray(kpi.actuals) ? kpi.actuals : []) {
    if (!isObject(a) || (typeof a.scope === 'string' ? a.scope : 'global') !== scope || typeof a.period !== 'string' || seen.has(a.period)) continue;
    const days = index.periodDays(a.period);
    if (!days) continue;
    seen.add(a.period);
    out.push({ period: a.period, ...days });
  }
  return out;
}

function pick(candidates: PeriodPick[], prefer: KpiOptions['prefer']): PeriodPick | undefined {
  let best: PeriodPick | undefined;
  for (const c of candidates) {
    if (!best || c.end > best.end || (c.end === best.end && (prefer === 'recent' ? c.start > best.start : c.start < best.start))) best = c;
  }
  return best;
}

function trendOf(direction: string | undefined, from: number, to: number): Direction {
  if (Math.abs(to - from) < 1e-9 || !direction) return 'none';
  return (to > from) === (direction === 'higher_is_better') ? 'better' : 'worse';
}

function rowFor(index: RenderIndex, entity: Entity<KpiDefinition>, scope: string, options: KpiOptions, reason: KpiView['reason']): KpiView | undefined {
  const kpi = entity.value;
  const all = actualPeriods(index, kpi, scope);
  const candidates = all.filter((p) => p.start <= options.day && (!options.within || (p.start >= options.within.start && dayBefore(p.end) <= options.within.end)));
  const chosen = pick(candidates, options.prefer);
  if (!chosen) return undefined;
  const result = kpiAttainment(kpi as Kpi, scope, chosen.period);
  if (!result) return undefined;
  const unitOf = parseCycle(chosen.period)?.unit;
  const earlier = pick(
    all.filter((p) => p.end <= chosen.start && parseCycle(p.period)?.unit === unitOf),
    'recent',
  );
  const previousValue = earlier ? kpiActual(kpi, scope, earlier.period) : undefined;
  return {
    id: entity.id,
    name: str(kpi.name) ?? entity.id,
    definition: str(kpi.definition),
    unit: str(kpi.unit) ?? '',
    direction: str(kpi.direction) ?? '',
    directionLabel: directionLabel(kpi.direction),
    scope,
    scopeName: scopeName(index.model, scope),
    period: chosen.period,
    actual: formatValue(result.actual, kpi.unit) ?? '',
    target: formatValue(result.target, kpi.unit) ?? '',
    warn: result.warn === undefined ? null : formatValue(result.warn, kpi.unit),
    ratio: result.ratio ?? null,
    rag: result.rag,
    previous: earlier && previousValue !== undefined ? { period: earlier.period, actual: formatValue(previousValue, kpi.unit) ?? '' } : null,
    trend: earlier && previousValue !== undefined ? trendOf(directionOf(kpi as Kpi), previousValue, result.actual) : null,
    reason,
  };
}

function kpiActual(kpi: KpiDefinition, scope: string, period: string): number | undefined {
  let value: number | undefined;
  for (const a of Array.isArray(kpi.actuals) ? kpi.actuals : []) {
    if (isObject(a) && (typeof a.scope === 'string' ? a.scope : 'global') === scope && a.period === period && typeof a.value === 'number') value = a.value;
  }
  return value;
}

/**
 * KPI attainment for a document: for each KPI, one row per scope of the document that has an
 * actual and a target (latest period as of `day`), and for a KPI the person owns or moves with
 * a key result, its global figure as well.
 */
export function kpiViews(index: RenderIndex, options: KpiOptions): KpiView[] {
  const rows: KpiView[] = [];
  for (const entity of index.model.kpis.all) {
    const scopes = rawScopes(entity.value);
    let found = false;
    for (const wanted of options.scopes) {
      for (const raw of scopes) {
        if (scopeIdOf(raw) !== wanted) continue;
        const row = rowFor(index, entity, raw, options, 'scope');
        if (row) {
          rows.push(row);
          found = true;
        }
      }
    }
    // A KPI the person owns or moves with a key result is shown at its global figure too.
    const reason = options.owned?.has(entity.id) ? 'owner' : options.linked?.has(entity.id) ? 'key-result' : undefined;
    if (!reason || (found && options.scopes.includes('global'))) continue;
    const global = scopes.find((s) => scopeIdOf(s) === 'global');
    const row = global === undefined ? undefined : rowFor(index, entity, global, options, reason);
    if (row) rows.push(row);
  }
  return rows;
}
