/**
 * The numbers okra computes from the model: progress, score, status, KPI attainment and
 * staffing. Pure functions; dates with luxon in the zone the caller passes (the workspace's).
 */
export { aggregationOf, attainment, bandAttainment, directionOf, findActual, findTarget, kpiAttainment, rollUp } from './attainment';
export type { Aggregation } from './attainment';
export type { Attainment, Band, Direction, KpiInput, TargetInput } from './attainment';
export { cycleElapsed, cycleInterval, elapsedShare, parseCycle, periodWithin } from './cycle';
export type { CycleUnit, ParsedCycle } from './cycle';
export { nowIn, parseDate } from './date';
export { durationSeconds } from './duration';
export { agentsNeeded, MAX_AGENTS, serviceLevel, trafficErlangs, waitProbability } from './erlang-c';
export {
  currentValue,
  isDone,
  keyResultProgress,
  keyResultsOf,
  lastConfidence,
  metricProgress,
  objectiveProgress,
  sortedCheckIns,
  weightedMean,
} from './progress';
export type { KeyResultInput, ObjectiveInput } from './progress';
export { keyResultScore, objectiveScore, SCORE_GREEN, SCORE_RED, scoreRag, toScore } from './score';
export type { Rag } from './score';
export { keyResultStatus, objectiveStatus, status, STATUS_THRESHOLDS } from './status';
export type { Status, StatusInput } from './status';
export { tierCapacity } from './tier-capacity';
export type { CapacityVerdict } from './tier-capacity';
