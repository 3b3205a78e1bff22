import { directionOf, kpiAttainment, parseCycle, type KpiInput } from '../../compute';
import type { Entity } from '../../model/workspace-model';
import type { Kpi as KpiDefinition } from '../../model/types.generated';
import { directionLabel, formatValue } from './format-value';
import { dayBefore, type RenderIndex } from './model-index';
import { scopeIdOf, scopeName } from './people';
import type { MovementDirection, KpiView } from './types';

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

interface PeriodActual {
  period: string;
  /** First day, the day after the last, and the last day (ISO). */
  start: string;
  end: string;
  last: string;
  unit: string | undefined;
  value: number;
}

/** One scope of a KPI as written (`frontline`, `team/frontline`, `global`): its actuals and a KPI reduced to it. */
interface ScopeData {
  scope: string;
  /** The id it names, without a `team/`-style prefix. */
  id: string;
  actuals: PeriodActual[];
  /** The KPI with only this scope's targets and actuals, for `kpiAttainment`. */
  reduced: KpiInput;
  /** Attainment by period, computed on first use (people of a team share their team's figures). */
  attainments: Map<string, ReturnType<typeof kpiAttainment>>;
}

/** A KPI's scopes by the id they name, each with its actuals by period (the last listed wins, as in `findActual`). Computed once per model. */
function scopesOf(index: RenderIndex, kpi: KpiDefinition): Map<string, ScopeData[]> {
  return index.memo(kpi, () => {
    const targets = new Map<string, unknown[]>();
    const actuals = new Map<string, Record<string, unknown>[]>();
    const order: string[] = [];
    const note = (scope: string) => {
      if (!targets.has(scope)) {
        targets.set(scope, []);
        actuals.set(scope, []);
        order.push(scope);
      }
    };
    for (const t of Array.isArray(kpi.targets) ? kpi.targets : []) {
      if (!isObject(t) || typeof t.scope !== 'string') continue;
      note(t.scope);
      targets.get(t.scope)!.push(t);
    }
    for (const a of Array.isArray(kpi.actuals) ? kpi.actuals : []) {
      if (!isObject(a)) continue;
      const scope = typeof a.scope === 'string' ? a.scope : 'global';
      note(scope);
      actuals.get(scope)!.push(a);
    }
    const byId = new Map<string, ScopeData[]>();
    for (const scope of order) {
      const byPeriod = new Map<string, PeriodActual>();
      for (const a of actuals.get(scope)!) {
        if (typeof a.period !== 'string' || typeof a.value !== 'number' || !Number.isFinite(a.value)) continue;
        const days = index.periodDays(a.period);
        if (!days) continue;
        byPeriod.set(a.period, { period: a.period, ...days, last: dayBefore(days.end), unit: parseCycle(a.period)?.unit, value: a.value });
      }
      const reduced: KpiInput = {
        direction: kpi.direction,
        aggregation: kpi.aggregation,
        targets: targets.get(scope),
        actuals: actuals.get(scope),
      };
      const id = scopeIdOf(scope);
      const data: ScopeData = { scope, id, actuals: [...byPeriod.values()], reduced, attainments: new Map() };
      const list = byId.get(id);
      if (list) list.push(data);
      else byId.set(id, [data]);
    }
    return byId;
  });
}

function pick(candidates: readonly PeriodActual[], prefer: KpiOptions['prefer']): PeriodActual | undefined {
  let best: PeriodActual | undefined;
  for (const c of candidates) {
    if (!best || c.end > best.end || (c.end === best.end && (prefer === 'recent' ? c.start > best.start : c.start < best.start))) best = c;
  }
  return best;
}

function trendOf(direction: string | undefined, from: number, to: number): MovementDirection {
  if (Math.abs(to - from) < 1e-9 || !direction || direction === 'within_band') return 'none';
  return to > from === (direction === 'higher_is_better') ? 'better' : 'worse';
}

/** The row of a KPI scope for a document, once per model for each (day, period span, preference, reason). */
function rowFor(
  index: RenderIndex,
  entity: Entity<KpiDefinition>,
  data: ScopeData,
  options: KpiOptions,
  reason: KpiView['reason'],
): KpiView | undefined {
  const { day, within, prefer } = options;
  return index.shared(data, `${day}|${within ? `${within.start}/${within.end}` : ''}|${prefer}|${reason}`, () =>
    buildRow(index, entity, data, options, reason),
  );
}

function buildRow(
  index: RenderIndex,
  entity: Entity<KpiDefinition>,
  data: ScopeData,
  options: KpiOptions,
  reason: KpiView['reason'],
): KpiView | undefined {
  const kpi = entity.value;
  const within = options.within;
  const chosen = pick(
    data.actuals.filter((p) => p.start <= options.day && (!within || (p.start >= within.start && p.last <= within.end))),
    options.prefer,
  );
  if (!chosen) return undefined;
  if (!data.attainments.has(chosen.period)) data.attainments.set(chosen.period, kpiAttainment(data.reduced, data.scope, chosen.period));
  const result = data.attainments.get(chosen.period);
  if (!result) return undefined;
  const earlier = pick(
    data.actuals.filter((p) => p.end <= chosen.start && p.unit === chosen.unit),
    'recent',
  );
  return {
    id: entity.id,
    name: str(kpi.name) ?? entity.id,
    definition: str(kpi.definition),
    unit: str(kpi.unit) ?? '',
    direction: str(kpi.direction) ?? '',
    directionLabel: directionLabel(kpi.direction),
    scope: data.scope,
    scopeName: scopeName(index.model, data.scope),
    period: chosen.period,
    actual: formatValue(result.actual, kpi.unit) ?? '',
    target: formatValue(result.target, kpi.unit) ?? '',
    warn: result.warn === undefined ? null : formatValue(result.warn, kpi.unit),
    ratio: result.ratio ?? null,
    rag: result.rag,
    previous: earlier ? { period: earlier.period, actual: formatValue(earlier.value, kpi.unit) ?? '' } : null,
    trend: earlier ? trendOf(directionOf(kpi as KpiInput), earlier.value, result.actual) : null,
    reason,
  };
}

/**
 * KPI attainment for a document: for each KPI, one row per scope of the document that has an
 * actual and a target (latest period as of `day`), and for a KPI the person owns or moves with
 * a key result, its global figure as well.
 */
export function kpiViews(index: RenderIndex, options: KpiOptions): KpiView[] {
  // People of a team have the same scopes and, most often, the same KPIs through their key results.
  const { scopes, owned, linked, day, within, prefer } = options;
  const variant = [
    scopes.join(','),
    [...(owned ?? [])].join(','),
    [...(linked ?? [])].join(','),
    day,
    within ? `${within.start}/${within.end}` : '',
    prefer,
  ].join('|');
  return index.shared(KPI_ROWS, variant, () => buildKpiViews(index, options));
}

/** The owner of {@link kpiViews}' shared results. */
const KPI_ROWS = {};

function buildKpiViews(index: RenderIndex, options: KpiOptions): KpiView[] {
  const rows: KpiView[] = [];
  for (const entity of index.model.kpis.all) {
    const scopes = scopesOf(index, entity.value);
    let found = false;
    for (const wanted of options.scopes) {
      for (const data of scopes.get(wanted) ?? []) {
        const row = rowFor(index, entity, data, options, 'scope');
        if (row) {
          rows.push(row);
          found = true;
        }
      }
    }
    // A KPI the person owns or moves with a key result is shown at its global figure too.
    const reason = options.owned?.has(entity.id) ? 'owner' : options.linked?.has(entity.id) ? 'key-result' : undefined;
    if (!reason || (found && options.scopes.includes('global'))) continue;
    const global = scopes.get('global')?.[0];
    const row = global === undefined ? undefined : rowFor(index, entity, global, options, reason);
    if (row) rows.push(row);
  }
  return rows;
}
