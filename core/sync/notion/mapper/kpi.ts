import { Interval } from 'luxon';
import { cycleInterval } from '../../../compute/cycle';
import { kpiAttainment } from '../../../compute/attainment';
import type { Kpi } from '../../../model/types.generated';
import type { Entity } from '../../../model/workspace-model';
import type { LocalRow } from '../types';
import { num, ownerLabel, ownerUsers, share, str, type MapContext } from './context';
import { makeRow } from './properties';

const RAG_LABEL = { green: 'Green', amber: 'Amber', red: 'Red' } as const;
const DIRECTION_LABEL: Record<string, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_band: 'Within a band',
};

interface TargetLike {
  scope?: unknown;
  period?: unknown;
  min?: unknown;
  max?: unknown;
  target?: unknown;
  warn?: unknown;
}

/**
 * The global target the row shows: the one whose period contains `now`, else the latest
 * one listed. Teams see the whole list in `Targets`.
 */
function currentGlobalTarget(kpi: Kpi, ctx: MapContext): TargetLike | undefined {
  const globals = (Array.isArray(kpi.targets) ? (kpi.targets as TargetLike[]) : []).filter(
    (t) => (t.scope ?? 'global') === 'global' && typeof t.period === 'string',
  );
  const containing = globals.filter((t) => {
    const interval = cycleInterval(t.period, ctx.model.timezone);
    return interval instanceof Interval && interval.contains(ctx.now);
  });
  return containing[containing.length - 1] ?? globals[globals.length - 1];
}

/** A KPI as a row of the KPIs database. */
export function kpiRow(entity: Entity<Kpi>, ctx: MapContext): LocalRow {
  const kpi = entity.value;
  const target = currentGlobalTarget(kpi, ctx);
  const period = target ? str(target.period) : '';
  const attained = period ? kpiAttainment(kpi, 'global', period) : undefined;
  const targets = (Array.isArray(kpi.targets) ? (kpi.targets as TargetLike[]) : [])
    .map(
      (t) =>
        `${str(t.scope) || 'global'} ${str(t.period)}: ${typeof t.min === 'number' && typeof t.max === 'number' ? `${t.min}–${t.max}` : String(t.target)}${typeof t.warn === 'number' ? ` (warn ${t.warn})` : ''}`,
    )
    .join('\n');
  return makeRow(
    'kpis',
    entity.id,
    {
      Name: str(kpi.name) || entity.id,
      Definition: str(kpi.definition),
      Unit: str(kpi.unit),
      Direction: DIRECTION_LABEL[str(kpi.direction)] ?? null,
      Owner: ownerLabel(ctx, kpi.owner),
      'Owner user': ownerUsers(ctx, kpi.owner),
      Period: period,
      Target: target ? num(target.target) : null,
      Warn: target ? num(target.warn) : null,
      Actual: attained?.actual ?? null,
      Attainment: share(attained?.ratio),
      RAG: attained ? RAG_LABEL[attained.rag] : null,
      Targets: targets,
    },
    {},
  );
}
