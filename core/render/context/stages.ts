import type { Entity } from '../../model/workspace-model';
import type { Review } from '../../model/types.generated';
import { daysBetween, isoDate, type RenderIndex } from './model-index';
import { expandMembers } from './people';
import type { StageView } from './types';

/** Days ahead within which a deadline counts as soon. */
export const SOON_DAYS = 14;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** A stage id turned into words when it has no name: `manager-review` → `Manager review`. */
function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The stages of a review, in file order, relative to `day`; once per model for each review and day. */
export function stageViews(index: RenderIndex, review: Entity<Review>, day: string): StageView[] {
  return index.shared(review, `stages|${day}`, () => buildStageViews(review, day));
}

function buildStageViews(review: Entity<Review>, day: string): StageView[] {
  const stages = Array.isArray(review.value.stages) ? review.value.stages : [];
  const out: StageView[] = [];
  for (const stage of stages) {
    if (typeof stage !== 'object' || stage === null || typeof stage.id !== 'string') continue;
    const due = isoDate(stage.due) ?? null;
    const daysLeft = due === null ? null : daysBetween(day, due);
    out.push({
      reviewId: review.id,
      reviewName: str(review.value.name) ?? review.id,
      id: stage.id,
      name: str(stage.name) ?? humanize(stage.id),
      due,
      daysLeft,
      past: daysLeft !== null && daysLeft < 0,
      soon: daysLeft !== null && daysLeft >= 0 && daysLeft <= SOON_DAYS,
    });
  }
  return out;
}

/** Upcoming deadlines (due on or after `day`) of every review `personId` takes part in, soonest first. */
export function upcomingStages(index: RenderIndex, personId: string, day: string): StageView[] {
  const out: StageView[] = [];
  for (const review of index.model.reviews.all) {
    if (!expandMembers(index, review.value.participants).includes(personId)) continue;
    for (const stage of stageViews(index, review, day)) if (stage.daysLeft !== null && stage.daysLeft >= 0) out.push(stage);
  }
  return out.sort((a, b) => (a.due as string).localeCompare(b.due as string));
}

/** The stage of a review that is its self review, manager review or calibration, by id or name. */
export function stageOfKind(stages: readonly StageView[], kind: 'self' | 'manager' | 'calibration'): StageView | null {
  const pattern = kind === 'self' ? /\bself\b/i : kind === 'manager' ? /\bmanager\b/i : /calibrat/i;
  return stages.find((s) => pattern.test(s.id.replace(/[-_]/g, ' ')) || pattern.test(s.name)) ?? null;
}
