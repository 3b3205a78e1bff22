import type { Rag, Status } from '../../compute';

/**
 * The view models of okra's documents. Everything a template shows is computed here, never in
 * a template; strings are plain text (the renderer escapes them), dates are ISO dates
 * (`2026-06-05`, shown with `formatDate`), shares are 0..1 numbers (shown with `percent`).
 * Every field is always present: an unknown value is `null`, so a template that reads a field
 * the view model does not have is a typo, and strict mode reports it.
 */

export interface NamedRef {
  id: string;
  name: string;
}

export interface TeamView extends NamedRef {
  lead: NamedRef | null;
}

export interface PersonView extends NamedRef {
  role: string | null;
  email: string | null;
  location: string | null;
  timezone: string | null;
  employment: string | null;
  team: TeamView | null;
  vendor: NamedRef | null;
  manager: NamedRef | null;
}

export interface CheckInView {
  date: string | null;
  /** The measured value with its unit (metric KRs). */
  value: string | null;
  done: boolean | null;
  confidence: number | null;
  note: string | null;
  by: NamedRef | null;
}

export type MovementDirection = 'better' | 'worse' | 'none';

/** What changed on a key result between two days. */
export interface MovementView {
  /** The first day of the comparison (exclusive), or `null` when there is nothing to compare with. */
  since: string | null;
  /** The last day of the comparison (inclusive). */
  until: string;
  moved: boolean;
  direction: MovementDirection;
  /** The state on each day: a value with its unit, or `done` / `not done`. */
  from: string | null;
  to: string | null;
  progressFrom: number | null;
  progressTo: number | null;
  /** Change of progress, -1..1 (shown in percentage points). */
  progressDelta: number | null;
  /** Change of the metric's value, with its unit and sign. */
  valueDelta: string | null;
  /** Check-ins made in the window, oldest first. */
  checkIns: CheckInView[];
  checkedIn: boolean;
}

export interface KeyResultView {
  id: string;
  title: string;
  type: string;
  isMetric: boolean;
  isMilestone: boolean;
  isBoolean: boolean;
  /** Who drives it: a person's or a team's name. */
  ownerName: string | null;
  /** For a person's documents: whether it is theirs or their team's. */
  ownedBy: 'person' | 'team' | null;
  kpi: NamedRef | null;
  unit: string | null;
  start: string | null;
  target: string | null;
  current: string | null;
  /** One line for a table cell: `4.55 EUR (target 4.20 EUR)`, `done`, `not done`. */
  valueText: string;
  due: string | null;
  done: boolean;
  /** Days from the document's date to `due` (negative when past). */
  daysToDue: number | null;
  overdue: boolean;
  weight: number | null;
  progress: number | null;
  score: number | null;
  scoreRag: Rag | null;
  /** Scored 0.7 or more: a good result for an ambitious key result. */
  delivered: boolean;
  status: Status | null;
  confidence: number | null;
  movement: MovementView;
  lastCheckIn: CheckInView | null;
}

export interface ObjectiveView {
  id: string;
  title: string;
  description: string | null;
  cycle: string;
  ownerName: string;
  alignsTo: NamedRef | null;
  /** Of the whole objective, all key results counted. */
  progress: number | null;
  score: number | null;
  scoreRag: Rag | null;
  status: Status | null;
  /** Key results of the objective that belong in this document (a person's own, or all). */
  keyResults: KeyResultView[];
  keyResultCount: number;
}

export interface KpiView {
  id: string;
  name: string;
  definition: string | null;
  unit: string;
  direction: string;
  directionLabel: string;
  scope: string;
  scopeName: string;
  period: string;
  actual: string;
  target: string;
  warn: string | null;
  /** Attained share of target, oriented so that above 1 is better (see `attainment`). */
  ratio: number | null;
  rag: Rag;
  previous: { period: string; actual: string } | null;
  trend: MovementDirection | null;
  /** Why the KPI is in the document: its scope is the person's, they own it, or a key result of theirs moves it. */
  reason: 'scope' | 'owner' | 'key-result';
}

export interface StageView {
  reviewId: string;
  reviewName: string;
  id: string;
  name: string;
  due: string | null;
  daysLeft: number | null;
  past: boolean;
  /** Due within the next 14 days. */
  soon: boolean;
}

export interface MilestoneView {
  id: string;
  title: string;
  objective: NamedRef;
  ownerName: string | null;
  due: string;
  daysLeft: number;
  overdue: boolean;
}

export interface ScoreSummary {
  keyResults: number;
  objectives: number;
  averageScore: number | null;
  /** Key results scored 0.7 or more, 0.4–0.69, below 0.4. */
  delivered: number;
  progressing: number;
  missed: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
}

export interface OneOnOneMeetingView {
  manager: NamedRef | null;
  cadence: string | null;
  cadenceLabel: string | null;
  /** The meeting this agenda is for: the first of the series on or after the document's date. */
  date: string;
  /** Its start as an ISO date-time with offset, when the series has a time. */
  start: string | null;
  time: string | null;
  zone: string;
  /** The report's own zone when it differs, for "11:00 in Prague". */
  reportZone: string | null;
  /** The previous meeting of the series, before the document's date. */
  previous: string | null;
  /** The meeting after this one. */
  next: string | null;
  inSeries: boolean;
}

/** `one-on-one`: a report's 1:1 agenda. */
export interface OneOnOneView {
  title: string;
  kind: 'person';
  zone: string;
  /** The document's date: what the numbers are as of. */
  date: string;
  person: PersonView;
  meeting: OneOnOneMeetingView;
  objectives: ObjectiveView[];
  summary: ScoreSummary;
  moved: number;
  kpis: KpiView[];
  /** Why tier KPIs are missing, when the person's team staffs no tier (see `unlinkedTiersNote`). */
  kpisMissing: string | null;
  milestones: MilestoneView[];
  stages: StageView[];
  /** Check-in notes made since the last 1:1. */
  updates: Array<CheckInView & { keyResult: NamedRef }>;
  /** The latest note on each open key result, from before the last 1:1: likely follow-ups. */
  followUps: Array<CheckInView & { keyResult: NamedRef }>;
}

export interface ReviewInfoView {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  isPerformance: boolean;
  isProbation: boolean;
  isPip: boolean;
  start: string | null;
  end: string | null;
}

/** `growwise-review`: one participant's review document. */
export interface ReviewView {
  title: string;
  kind: 'review';
  zone: string;
  date: string;
  /** The day the numbers are as of: the document's date, or the period's end when that is earlier. */
  asOf: string;
  review: ReviewInfoView;
  participant: PersonView;
  reviewer: NamedRef | null;
  stages: StageView[];
  selfReview: StageView | null;
  managerReview: StageView | null;
  calibration: StageView | null;
  objectives: ObjectiveView[];
  summary: ScoreSummary;
  kpis: KpiView[];
}

export interface RetroKeyResultView extends KeyResultView {
  objective: NamedRef;
}

export interface RetroObjectiveView extends ObjectiveView {
  moved: KeyResultView[];
  notMoved: KeyResultView[];
}

export interface RetroOwnerGroup {
  ownerName: string;
  objectives: RetroObjectiveView[];
}

/** `okr-retrospective`: a cycle's objectives, what moved and what did not. */
export interface RetroView {
  title: string;
  kind: 'retrospective';
  zone: string;
  date: string;
  asOf: string;
  retro: { id: string | null; cycle: string; date: string | null; start: string | null; end: string | null };
  team: TeamView | null;
  participants: NamedRef[];
  summary: ScoreSummary & { moved: number; notMoved: number; wrongWay: number };
  owners: RetroOwnerGroup[];
  /** Every objective of the document, in file order (the table at the top). */
  objectives: RetroObjectiveView[];
  /** Key results that moved the wrong way. */
  wrongWay: RetroKeyResultView[];
}

export type AnyDocumentView = OneOnOneView | ReviewView | RetroView;
