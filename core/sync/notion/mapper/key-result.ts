import { cycleInterval } from '../../../compute/cycle';
import { currentValue, isDone, keyResultProgress } from '../../../compute/progress';
import { keyResultStatus } from '../../../compute/status';
import type { KeyResultEntity } from '../../../model/workspace-model';
import type { LocalRow } from '../types';
import { num, ownerLabel, ownerUsers, share, STATUS_LABEL, str, type MapContext } from './context';
import { makeRow } from './properties';

const TYPE_LABEL: Record<string, string> = { metric: 'Metric', milestone: 'Milestone', boolean: 'Boolean' };

/**
 * A key result as a row of the Key Results database. Its objective is set from this side
 * (one item), so an objective with any number of key results never needs a relation
 * request over Notion's 100-item limit; Notion fills in the objective's `Key results`.
 */
export function keyResultRow(entity: KeyResultEntity, ctx: MapContext): LocalRow {
  const kr = entity.value;
  const set = entity.objective.set;
  const cycle = cycleInterval(set.cycle, ctx.model.timezone);
  const status = cycle ? keyResultStatus(kr, cycle, ctx.now) : undefined;
  const owner = kr.owner ?? set.owner;
  const metric = kr.type === 'metric';
  return makeRow(
    'keyResults',
    entity.id,
    {
      Name: str(kr.title) || entity.id,
      Type: TYPE_LABEL[str(kr.type)] ?? null,
      Cycle: str(set.cycle),
      Owner: ownerLabel(ctx, owner),
      'Owner user': ownerUsers(ctx, owner),
      Progress: share(keyResultProgress(kr)),
      Status: status ? STATUS_LABEL[status] : null,
      Confidence: share(num(kr.confidence)),
      Weight: share(num(kr.weight)),
      Unit: str(kr.unit),
      Start: metric ? num(kr.start) : null,
      Target: metric ? num(kr.target) : null,
      Current: metric ? (currentValue(kr) ?? null) : null,
      Due: typeof kr.due === 'string' && kr.due !== '' ? { start: kr.due, end: null } : null,
      Done: kr.type === 'metric' ? false : isDone(kr),
    },
    {
      Objective: [entity.objective.id],
      KPI: typeof kr.kpi === 'string' && ctx.model.kpis.has(kr.kpi) ? [kr.kpi] : [],
    },
  );
}
