import type { Review } from '../../model/types.generated';
import type { Entity, WorkspaceModel } from '../../model/workspace-model';
import { groupByObjective, scoreSummary } from './key-results';
import { kpiViews } from './kpis';
import { dayBefore, isoDate, renderIndex, type PreparedKeyResult } from './model-index';
import { expandMembers, personScopes, personView } from './people';
import { keyResultsOfPerson } from './person-context';
import { stageOfKind, stageViews } from './stages';
import type { ReviewInfoView, ReviewView } from './types';

export interface ReviewOptions {
  /** The day the document is prepared (ISO date); numbers are as of it, or of the period's end when that is earlier. */
  date: string;
}

const TYPE_LABELS: Record<string, string> = {
  performance: 'Performance review',
  probation: 'Probation review',
  pip: 'Performance improvement plan',
};

/** The people a review covers, in order: `team/<id>` is all of the team's people. */
export function reviewParticipants(model: WorkspaceModel, reviewId: string): string[] {
  const review = model.reviews.get(reviewId);
  return review ? expandMembers(renderIndex(model), review.value.participants) : [];
}

function reviewInfo(review: Entity<Review>, start: string | null, end: string | null): ReviewInfoView {
  const type = typeof review.value.type === 'string' ? review.value.type : 'performance';
  const name = typeof review.value.name === 'string' && review.value.name.trim() !== '' ? review.value.name : review.id;
  return {
    id: review.id,
    name,
    type,
    typeLabel: TYPE_LABELS[type] ?? type,
    isPerformance: type === 'performance',
    isProbation: type === 'probation',
    isPip: type === 'pip',
    start,
    end,
  };
}

/**
 * The `growwise-review` view model for one participant: the review's stages and deadlines
 * (self review, manager review, calibration found by id or name), the participant's key results
 * in every cycle that overlaps the review period with their score and status as of the period's
 * end (or the document's date, if earlier) and their movement over the period, and KPI
 * attainment for their scopes over periods inside the review period.
 */
export function buildReviewView(model: WorkspaceModel, reviewId: string, personId: string, options: ReviewOptions): ReviewView {
  const index = renderIndex(model);
  const review = model.reviews.get(reviewId);
  if (!review) throw new Error(`No review "${reviewId}"`);
  const start = isoDate(review.value.period?.start) ?? null;
  const end = isoDate(review.value.period?.end) ?? null;
  const asOf = end !== null && end < options.date ? end : options.date;
  const participant = personView(model, personId);
  const teamId = participant.team?.id ?? null;

  let prepared: PreparedKeyResult[];
  if (start !== null && end !== null) {
    const own = [...(index.byPersonOwner.get(personId) ?? []), ...(teamId ? (index.byTeamOwner.get(teamId) ?? []) : [])];
    prepared = own.filter((p) => {
      const days = index.periodDays(p.objective?.set.cycle);
      return days !== undefined && days.start <= end && days.end > start;
    });
  } else {
    prepared = keyResultsOfPerson(index, personId, teamId, asOf);
  }
  const since = start !== null ? dayBefore(start) : null;
  const objectives = groupByObjective(index, prepared, { day: asOf, since, person: { id: personId, team: teamId } });
  const stages = stageViews(index, review, options.date);
  const deadlines = index.shared(stages, 'kinds', () => ({
    self: stageOfKind(stages, 'self'),
    manager: stageOfKind(stages, 'manager'),
    calibration: stageOfKind(stages, 'calibration'),
  }));
  const info = index.shared(review, 'info', () => reviewInfo(review, start, end));
  const owned = index.kpisOwnedBy(personId);
  const linked = new Set(prepared.map((p) => p.kr.kpi).filter((k): k is string => typeof k === 'string'));
  return {
    title: `${info.name}: ${participant.name}`,
    kind: 'review',
    zone: model.timezone,
    date: options.date,
    asOf,
    review: info,
    participant,
    reviewer: participant.manager,
    stages,
    selfReview: deadlines.self,
    managerReview: deadlines.manager,
    calibration: deadlines.calibration,
    objectives,
    summary: scoreSummary(objectives),
    kpis: kpiViews(index, {
      scopes: personScopes(model, personId),
      owned,
      linked,
      day: asOf,
      within: start !== null && end !== null ? { start, end } : undefined,
      prefer: 'longest',
    }),
  };
}
