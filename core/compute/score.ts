import { keyResultProgress, keyResultsOf, weightedMean, type KeyResultInput, type ObjectiveInput } from './progress';

/** Red, amber or green, as support dashboards colour a score or an attainment. */
export type Rag = 'green' | 'amber' | 'red';

/**
 * A 0.0–1.0 score from progress, rounded to two decimals. Google grades to one decimal by
 * hand; okra keeps two so that a retrospective can show movement smaller than 10 points
 * (0.64 → 0.68) and rounds only where it displays.
 */
export function toScore(progress: number | undefined): number | undefined {
  if (progress === undefined || !Number.isFinite(progress)) return undefined;
  return Math.round(Math.min(1, Math.max(0, progress)) * 100) / 100;
}

/** Score of a key result: its progress as a 0.0–1.0 score. */
export function keyResultScore(kr: KeyResultInput): number | undefined {
  return toScore(keyResultProgress(kr));
}

/**
 * Score of an objective: the weighted mean of its key results' unrounded progress, rounded
 * once, so rounding errors of several KRs do not add up.
 */
export function objectiveScore(objective: ObjectiveInput): number | undefined {
  return toScore(weightedMean(keyResultsOf(objective), keyResultProgress));
}

/** Score at or above which a KR counts as delivered: 0.7 is a good result for an ambitious KR. */
export const SCORE_GREEN = 0.7;
/** Score below which a KR counts as missed (Google's 0.0–0.3 band). */
export const SCORE_RED = 0.4;

/** Google's colour bands: 0.7–1.0 green (delivered), 0.4–0.6 amber (progress), 0.0–0.3 red. */
export function scoreRag(score: number): Rag {
  if (score >= SCORE_GREEN) return 'green';
  if (score >= SCORE_RED) return 'amber';
  return 'red';
}
