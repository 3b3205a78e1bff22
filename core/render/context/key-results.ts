import { SCORE_GREEN, scoreRag } from '../../compute';
import type { ObjectiveEntity } from '../../model/workspace-model';
import { formatChange, formatValue } from './format-value';
import { daysBetween, ownerOf, type KeyResultState, type PreparedCheckIn, type PreparedKeyResult, type RenderIndex } from './model-index';
import { ownerName, personRef } from './people';
import type { CheckInView, MovementDirection, KeyResultView, MovementView, NamedRef, ObjectiveView, ScoreSummary } from './types';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const EPSILON = 1e-9;

export function checkInView(index: RenderIndex, c: PreparedCheckIn, unit: unknown): CheckInView {
  return {
    date: c.date === '' ? null : c.date,
    value: formatValue(c.value, unit),
    done: c.done ?? null,
    confidence: c.confidence ?? null,
    note: c.note,
    by: c.by ? personRef(index.model, c.by) : null,
  };
}

function stateText(prepared: PreparedKeyResult, state: KeyResultState): string | null {
  if (prepared.kr.type === 'metric') return formatValue(state.value, prepared.kr.unit);
  return state.done ? 'done' : 'not done';
}

/**
 * What changed between the end of `since` and the end of `until`. Without `since` there is
 * nothing to compare with: no movement, no check-ins.
 */
export function movement(index: RenderIndex, prepared: PreparedKeyResult, since: string | null, until: string): MovementView {
  const now = index.state(prepared, until);
  if (since === null) {
    return {
      since,
      until,
      moved: false,
      direction: 'none',
      from: null,
      to: stateText(prepared, now),
      progressFrom: null,
      progressTo: now.progress ?? null,
      progressDelta: null,
      valueDelta: null,
      checkIns: [],
      checkedIn: false,
    };
  }
  const before = index.stateOrBaseline(prepared, since);
  const progressDelta = before.progress !== undefined && now.progress !== undefined ? now.progress - before.progress : null;
  const valueChange = before.value !== undefined && now.value !== undefined ? now.value - before.value : undefined;
  const valueMoved = valueChange !== undefined && Math.abs(valueChange) > EPSILON;
  const doneChanged = before.done !== now.done;
  const moved = valueMoved || doneChanged || (progressDelta !== null && Math.abs(progressDelta) > EPSILON);
  let direction: MovementDirection = 'none';
  if (progressDelta !== null && Math.abs(progressDelta) > EPSILON) direction = progressDelta > 0 ? 'better' : 'worse';
  else if (doneChanged) direction = now.done ? 'better' : 'worse';
  else if (valueMoved && prepared.kr.type === 'metric' && typeof prepared.kr.start === 'number' && typeof prepared.kr.target === 'number') {
    // Progress is clamped: past the target (or behind the start) the value still tells the way.
    direction = valueChange! > 0 === prepared.kr.target > prepared.kr.start ? 'better' : 'worse';
  }
  const window = now.checkIns.filter((c) => c.date > since);
  return {
    since,
    until,
    moved,
    direction,
    from: stateText(prepared, before),
    to: stateText(prepared, now),
    progressFrom: before.progress ?? null,
    progressTo: now.progress ?? null,
    progressDelta,
    valueDelta: valueMoved ? formatChange(valueChange, prepared.kr.unit) : null,
    checkIns: window.map((c) => checkInView(index, c, prepared.kr.unit)),
    checkedIn: window.length > 0,
  };
}

export interface KeyResultOptions {
  /** The day the document's numbers are as of. */
  day: string;
  /** Movement is measured from the end of this day (exclusive) to `day`. */
  since: string | null;
  /** For a person's documents: their id and team, to say whose a key result is. */
  person?: { id: string; team: string | null };
}

/** For a person's documents: whether a key result is theirs or their team's. */
function ownership(prepared: PreparedKeyResult, person: KeyResultOptions['person']): KeyResultView['ownedBy'] {
  if (!person || !prepared.owner) return null;
  if (prepared.owner.kind === 'person' && prepared.owner.id === person.id) return 'person';
  if (prepared.owner.kind === 'team' && prepared.owner.id === person.team) return 'team';
  return null;
}

/**
 * A key result as of `options.day`, with its movement since `options.since`. A team's key
 * result is in each member's documents: it is built once per model for each (day, since,
 * ownership). A person's own is in theirs only, and is not kept.
 */
export function keyResultView(index: RenderIndex, prepared: PreparedKeyResult, options: KeyResultOptions): KeyResultView {
  const ownedBy = ownership(prepared, options.person);
  if (personal(prepared)) return buildKeyResultView(index, prepared, options, ownedBy);
  return index.shared(prepared, `${options.day}|${options.since}|${ownedBy}`, () => buildKeyResultView(index, prepared, options, ownedBy));
}

/** Owned by a person: keeping what is built for it would only hold memory (see `RenderIndex.shared`). */
const personal = (prepared: PreparedKeyResult): boolean => prepared.owner?.kind === 'person';

function buildKeyResultView(
  index: RenderIndex,
  prepared: PreparedKeyResult,
  options: KeyResultOptions,
  ownedBy: KeyResultView['ownedBy'],
): KeyResultView {
  const { kr } = prepared;
  const state = index.state(prepared, options.day);
  const isMetric = kr.type === 'metric';
  const due = typeof kr.due === 'string' ? kr.due : null;
  const daysToDue = due && /^\d{4}-\d{2}-\d{2}$/.test(due) ? daysBetween(options.day, due) : null;
  const kpiId = str(kr.kpi);
  const last = state.checkIns[state.checkIns.length - 1];
  const start = formatValue(kr.start, kr.unit);
  const target = formatValue(kr.target, kr.unit);
  const current = isMetric ? formatValue(state.value, kr.unit) : null;
  return {
    id: prepared.id,
    title: str(kr.title) ?? prepared.id,
    type: str(kr.type) ?? 'unknown',
    isMetric,
    isMilestone: kr.type === 'milestone',
    isBoolean: kr.type === 'boolean',
    ownerName: ownerName(index.model, prepared.owner),
    ownedBy,
    kpi: kpiId ? { id: kpiId, name: str(index.model.kpis.get(kpiId)?.value.name) ?? kpiId } : null,
    unit: str(kr.unit),
    start: isMetric ? start : null,
    target: isMetric ? target : null,
    current,
    valueText: isMetric
      ? current === null
        ? ''
        : target === null
          ? current
          : `${current} (target ${target})`
      : state.done
        ? 'done'
        : 'not done',
    due,
    done: state.done,
    daysToDue,
    overdue: daysToDue !== null && daysToDue < 0 && !state.done,
    weight: num(kr.weight),
    progress: state.progress ?? null,
    score: state.score ?? null,
    scoreRag: state.score === undefined ? null : scoreRag(state.score),
    delivered: state.score !== undefined && state.score >= SCORE_GREEN,
    status: index.status(prepared, options.day) ?? null,
    confidence: state.confidence ?? null,
    movement: movement(index, prepared, options.since, options.day),
    lastCheckIn: last ? checkInView(index, last, kr.unit) : null,
  };
}

/** An objective as of `day`, with the given key results of it (already built). */
export function objectiveView(index: RenderIndex, objective: ObjectiveEntity, keyResults: KeyResultView[], day: string): ObjectiveView {
  const state = index.objectiveState(objective, day);
  const alignsTo = str(objective.value.aligns_to);
  return {
    id: objective.id,
    title: str(objective.value.title) ?? objective.id,
    description: str(objective.value.description),
    cycle: String(objective.set.cycle ?? ''),
    ownerName: ownerName(index.model, ownerOf(index.model, objective.set.owner)) ?? '',
    alignsTo: alignsTo ? { id: alignsTo, name: str(index.model.objectives.get(alignsTo)?.value.title) ?? alignsTo } : null,
    progress: state.progress ?? null,
    score: state.score ?? null,
    scoreRag: state.score === undefined ? null : scoreRag(state.score),
    status: state.status ?? null,
    keyResults,
    keyResultCount: index.keyResultsOf(objective).length,
  };
}

/**
 * Key results grouped by objective, objectives in file order, key results in their objective's
 * order.
 */
export function groupByObjective(index: RenderIndex, prepared: readonly PreparedKeyResult[], options: KeyResultOptions): ObjectiveView[] {
  const groups = new Map<ObjectiveEntity, PreparedKeyResult[]>();
  for (const p of prepared) {
    if (!p.objective) continue;
    const list = groups.get(p.objective);
    if (list) list.push(p);
    else groups.set(p.objective, [p]);
  }
  return [...groups.entries()]
    .sort((a, b) => index.objectiveOrder(a[0]) - index.objectiveOrder(b[0]))
    .map(([objective, list]) => {
      const all = index.keyResultsOf(objective);
      const sorted = list.map((p) => ({ p, at: all.indexOf(p) })).sort((a, b) => a.at - b.at);
      if (sorted.some(({ p }) => personal(p))) return objectiveWith(index, objective, sorted, options);
      // The same key results of an objective (a team's, in each member's document) make the same view.
      const variant = `${options.day}|${options.since}|${sorted.map(({ p, at }) => `${at}:${ownership(p, options.person)}`).join(',')}`;
      return index.shared(objective, variant, () => objectiveWith(index, objective, sorted, options));
    });
}

function objectiveWith(
  index: RenderIndex,
  objective: ObjectiveEntity,
  sorted: ReadonlyArray<{ p: PreparedKeyResult }>,
  options: KeyResultOptions,
): ObjectiveView {
  return objectiveView(
    index,
    objective,
    sorted.map(({ p }) => keyResultView(index, p, options)),
    options.day,
  );
}

/** Counts and the mean score over the key results shown. */
export function scoreSummary(objectives: readonly ObjectiveView[]): ScoreSummary {
  const summary: ScoreSummary = {
    keyResults: 0,
    objectives: objectives.length,
    averageScore: null,
    delivered: 0,
    progressing: 0,
    missed: 0,
    onTrack: 0,
    atRisk: 0,
    offTrack: 0,
  };
  let sum = 0;
  let scored = 0;
  for (const objective of objectives) {
    for (const kr of objective.keyResults) {
      summary.keyResults++;
      if (kr.score !== null) {
        sum += kr.score;
        scored++;
      }
      if (kr.scoreRag === 'green') summary.delivered++;
      else if (kr.scoreRag === 'amber') summary.progressing++;
      else if (kr.scoreRag === 'red') summary.missed++;
      if (kr.status === 'on_track') summary.onTrack++;
      else if (kr.status === 'at_risk') summary.atRisk++;
      else if (kr.status === 'off_track') summary.offTrack++;
    }
  }
  if (scored > 0) summary.averageScore = Math.round((sum / scored) * 100) / 100;
  return summary;
}

export type { NamedRef };
