/**
 * The numbers the editor shows for an objective or a key result (progress, score, status) and
 * how they read: one place, so hover, CodeLens and the tree say the same thing.
 */
import type { DateTime } from 'luxon';
import { cycleInterval } from '../compute/cycle';
import { keyResultProgress, objectiveProgress } from '../compute/progress';
import { keyResultScore, objectiveScore } from '../compute/score';
import { keyResultStatus, objectiveStatus, type Status } from '../compute/status';
import type { KeyResultEntity, ObjectiveEntity, WorkspaceModel } from '../model/workspace-model';

export interface OkrFigures {
  /** 0..1, when it can be known. */
  progress: number | undefined;
  /** 0.0–1.0, rounded to two decimals. */
  score: number | undefined;
  /** `undefined` when the file's cycle cannot be read. */
  status: Status | undefined;
}

export const STATUS_LABEL: Record<Status, string> = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' };

export function objectiveFigures(model: WorkspaceModel, objective: ObjectiveEntity, at: DateTime): OkrFigures {
  const interval = cycleInterval(objective.set?.cycle, model.timezone);
  return {
    progress: objectiveProgress(objective.value),
    score: objectiveScore(objective.value),
    status: interval ? objectiveStatus(objective.value, interval, at) : undefined,
  };
}

export function keyResultFigures(model: WorkspaceModel, kr: KeyResultEntity, at: DateTime): OkrFigures {
  const interval = cycleInterval(kr.objective.set?.cycle, model.timezone);
  return {
    progress: keyResultProgress(kr.value),
    score: keyResultScore(kr.value),
    status: interval ? keyResultStatus(kr.value, interval, at) : undefined,
  };
}

/** `0.623` → `62%`. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * `62% · on track · score 0.6`: what a CodeLens and a tree item say. The score is shown to one
 * decimal, the way OKR scores are read out in a review; the hover gives two.
 */
export function figuresLine(f: OkrFigures): string {
  const parts: string[] = [];
  parts.push(f.progress === undefined ? 'no progress yet' : formatPercent(f.progress));
  if (f.status) parts.push(STATUS_LABEL[f.status]);
  if (f.score !== undefined) parts.push(`score ${f.score.toFixed(1)}`);
  return parts.join(' · ');
}
