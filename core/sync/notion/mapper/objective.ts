import { cycleInterval } from '../../../compute/cycle';
import { objectiveProgress } from '../../../compute/progress';
import { objectiveScore } from '../../../compute/score';
import { objectiveStatus } from '../../../compute/status';
import type { ObjectiveEntity } from '../../../model/workspace-model';
import type { LocalRow } from '../types';
import { ownerLabel, ownerUsers, share, STATUS_LABEL, str, type MapContext } from './context';
import { makeRow } from './properties';

/** An objective as a row of the Objectives database. */
export function objectiveRow(entity: ObjectiveEntity, ctx: MapContext): LocalRow {
  const o = entity.value;
  const cycle = cycleInterval(entity.set.cycle, ctx.model.timezone);
  const status = cycle ? objectiveStatus(o, cycle, ctx.now) : undefined;
  const aligns = typeof o.aligns_to === 'string' && o.aligns_to !== entity.id && ctx.model.objectives.has(o.aligns_to) ? [o.aligns_to] : [];
  return makeRow(
    'objectives',
    entity.id,
    {
      Name: str(o.title) || entity.id,
      Description: str(o.description),
      Cycle: str(entity.set.cycle),
      Owner: ownerLabel(ctx, entity.set.owner),
      'Owner user': ownerUsers(ctx, entity.set.owner),
      Progress: share(objectiveProgress(o)),
      Score: objectiveScore(o) ?? null,
      Status: status ? STATUS_LABEL[status] : null,
      File: entity.file,
    },
    { 'Aligns to': aligns },
  );
}
