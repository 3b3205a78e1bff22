import { DateTime, type Interval } from 'luxon';
import {
  currentValue,
  cycleInterval,
  isDone,
  keyResultProgress,
  keyResultsOf,
  keyResultStatus,
  lastConfidence,
  objectiveProgress,
  objectiveStatus,
  toScore,
  type KeyResultInput,
  type Status,
} from '../../compute';
import type { KeyResult, Objective } from '../../model/types.generated';
import { isRecord } from '../../util/is-record';
import { type ObjectiveEntity, type WorkspaceModel } from '../../model/workspace-model';

/**
 * What the view models need from a model, computed once per model (documents of a review
 * share it): key results by owner with their check-ins sorted, team members, cycle intervals,
 * and the state of a key result on a given day.
 */

export interface OwnerRef {
  kind: 'person' | 'team';
  id: string;
}

export interface PreparedCheckIn {
  /** ISO date; '' when unreadable (such check-ins count as the oldest, like `sortedCheckIns`). */
  date: string;
  value: number | undefined;
  done: boolean | undefined;
  confidence: number | undefined;
  note: string | null;
  by: string | null;
}

export interface PreparedKeyResult {
  id: string;
  kr: KeyResult;
  objective: ObjectiveEntity | undefined;
  owner: OwnerRef | undefined;
  checkIns: PreparedCheckIn[];
}

/** A key result as it stood at the end of a day. */
export interface KeyResultState {
  /** The key result with only what was known that day, for the compute functions. */
  input: KeyResultInput;
  progress: number | undefined;
  score: number | undefined;
  confidence: number | undefined;
  value: number | undefined;
  done: boolean;
  /** Check-ins up to that day. */
  checkIns: PreparedCheckIn[];
}

export interface ObjectiveState {
  progress: number | undefined;
  score: number | undefined;
  status: Status | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An ISO date from a string or a YAML timestamp; `undefined` otherwise. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** Whole days from `from` to `to` (ISO dates); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
}

/** The day before an ISO date. */
export function dayBefore(day: string): string {
  let before = daysBefore.get(day);
  if (before === undefined) {
    const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - 86_400_000;
    before = new Date(t).toISOString().slice(0, 10);
    if (daysBefore.size >= 10_000) daysBefore.clear();
    daysBefore.set(day, before);
  }
  return before;
}

/** Documents ask for the same few days again and again. */
const daysBefore = new Map<string, string>();

/** A reference to a person or a team: `person/<id>`, `team/<id>`, or a bare id (a person first, then a team). */
export function ownerOf(model: WorkspaceModel, ref: unknown): OwnerRef | undefined {
  if (typeof ref !== 'string' || ref === '') return undefined;
  if (ref.startsWith('person/')) return { kind: 'person', id: ref.slice(7) };
  if (ref.startsWith('team/')) return { kind: 'team', id: ref.slice(5) };
  if (!model.people.has(ref) && model.teams.has(ref)) return { kind: 'team', id: ref };
  return { kind: 'person', id: ref };
}

function prepareCheckIns(raw: unknown): PreparedCheckIn[] {
  if (!Array.isArray(raw)) return [];
  const list = raw.filter(isRecord).map((c, i) => ({
    i,
    c: {
      date: isoDate(c.date) ?? '',
      value: isNumber(c.value) ? c.value : undefined,
      done: typeof c.done === 'boolean' ? c.done : undefined,
      confidence: isNumber(c.confidence) ? c.confidence : undefined,
      note: typeof c.note === 'string' && c.note.trim() !== '' ? c.note : null,
      by: typeof c.by === 'string' ? c.by.replace(/^person\//, '') : null,
    },
  }));
  list.sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i));
  return list.map((x) => x.c);
}

/** `value` and every object and array in it frozen (view model parts are plain data). */
function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freezeDeep(child);
  }
  return value;
}

/** What the compute functions read of a key result, with `current`, `done` and check-ins as of some day. */
function snapshotOf(kr: KeyResult, current: unknown, done: unknown, checkIns: KeyResultInput['check_ins']): KeyResultInput {
  return {
    type: kr.type,
    start: kr.start,
    target: kr.target,
    current,
    due: kr.due,
    done,
    weight: kr.weight,
    confidence: kr.confidence,
    check_ins: checkIns,
  };
}

const NONE: ReadonlySet<string> = new Set();

export class RenderIndex {
  readonly keyResults: PreparedKeyResult[] = [];
  readonly byPersonOwner = new Map<string, PreparedKeyResult[]>();
  readonly byTeamOwner = new Map<string, PreparedKeyResult[]>();
  readonly teamMembers = new Map<string, string[]>();
  private readonly byRaw = new WeakMap<object, PreparedKeyResult>();
  private readonly states = new Map<PreparedKeyResult, Map<string, KeyResultState>>();
  private readonly objectiveStates = new Map<ObjectiveEntity, Map<string, ObjectiveState>>();
  private readonly cycles = new Map<string, Interval | undefined>();
  private readonly ends = new Map<string, DateTime>();
  private readonly periodCache = new Map<string, { start: string; end: string } | undefined>();
  private readonly statuses = new Map<PreparedKeyResult, Map<string, Status | undefined>>();
  private order: Map<ObjectiveEntity, number> | undefined;
  private readonly baselines = new Map<PreparedKeyResult, KeyResultState>();
  private readonly kpiCache = new Map<object, unknown>();
  private kpiOwners: Map<string, Set<string>> | undefined;
  private readonly sharedViews = new Map<unknown, Map<string, { value: unknown; frozen: boolean }>>();

  constructor(readonly model: WorkspaceModel) {
    for (const entity of model.keyResults.all) {
      const prepared = this.prepare(entity.value, entity.objective);
      this.keyResults.push(prepared);
      if (!prepared.owner) continue;
      const map = prepared.owner.kind === 'person' ? this.byPersonOwner : this.byTeamOwner;
      const list = map.get(prepared.owner.id);
      if (list) list.push(prepared);
      else map.set(prepared.owner.id, [prepared]);
    }
    for (const person of model.people.all) {
      const team = person.value.team;
      if (typeof team !== 'string') continue;
      const id = team.replace(/^team\//, '');
      const list = this.teamMembers.get(id);
      if (list) list.push(person.id);
      else this.teamMembers.set(id, [person.id]);
    }
  }

  get zone(): string {
    return this.model.timezone;
  }

  /** A key result (by its raw object) with its owner and sorted check-ins. */
  prepare(kr: KeyResult, objective: ObjectiveEntity | undefined): PreparedKeyResult {
    let prepared = this.byRaw.get(kr);
    if (!prepared) {
      prepared = {
        id: typeof kr.id === 'string' ? kr.id : '',
        kr,
        objective,
        owner: ownerOf(this.model, kr.owner ?? objective?.set.owner),
        checkIns: prepareCheckIns(kr.check_ins),
      };
      this.byRaw.set(kr, prepared);
    }
    return prepared;
  }

  /** Every key result of an objective, prepared. */
  keyResultsOf(objective: ObjectiveEntity): PreparedKeyResult[] {
    return (keyResultsOf(objective.value) as KeyResult[]).map((kr) => this.prepare(kr, objective));
  }

  /** The cycle's interval in the workspace zone, cached. */
  cycle(cycle: unknown): Interval | undefined {
    const key = String(cycle);
    if (!this.cycles.has(key)) this.cycles.set(key, cycleInterval(cycle, this.zone));
    return this.cycles.get(key);
  }

  /** First day and the day after the last day of a period (`2026-Q1` → 2026-01-01, 2026-04-01), cached. */
  periodDays(period: unknown): { start: string; end: string } | undefined {
    const key = `period:${String(period)}`;
    if (!this.periodCache.has(key)) {
      const interval = cycleInterval(period, 'UTC');
      this.periodCache.set(
        key,
        interval?.start && interval.end
          ? { start: interval.start.toISODate() as string, end: interval.end.toISODate() as string }
          : undefined,
      );
    }
    return this.periodCache.get(key);
  }

  /** 00:00 of the day after `day` in the workspace zone: "as of the end of that day". */
  endOfDay(day: string): DateTime {
    let end = this.ends.get(day);
    if (!end) {
      end = DateTime.fromISO(day, { zone: this.zone }).startOf('day').plus({ days: 1 });
      this.ends.set(day, end);
    }
    return end;
  }

  /**
   * The key result as it stood at the end of `day`: only check-ins up to that day count, and
   * `current` / `done` (which describe the latest state) only when no check-in is later. The
   * snapshot's check-ins carry no dates (they are already in order), so the compute functions
   * need not parse them again.
   */
  state(prepared: PreparedKeyResult, day: string): KeyResultState {
    let perDay = this.states.get(prepared);
    if (!perDay) this.states.set(prepared, (perDay = new Map()));
    let state = perDay.get(day);
    if (state) return state;
    const { kr, checkIns } = prepared;
    let count = checkIns.length;
    while (count > 0 && checkIns[count - 1].date > day) count--;
    const upTo = count === checkIns.length ? checkIns : checkIns.slice(0, count);
    const complete = upTo === checkIns;
    const input = snapshotOf(
      kr,
      complete ? kr.current : undefined,
      complete ? kr.done : undefined,
      upTo.map((c) => ({ value: c.value, done: c.done, confidence: c.confidence })),
    );
    const progress = keyResultProgress(input);
    state = {
      input,
      progress,
      score: toScore(progress),
      confidence: lastConfidence(input),
      value: kr.type === 'metric' ? (currentValue(input) ?? (isNumber(kr.start) ? kr.start : undefined)) : undefined,
      done: kr.type === 'metric' ? progress === 1 : isDone(input),
      checkIns: upTo,
    };
    perDay.set(day, state);
    return state;
  }

  /**
   * The key result at the start of its cycle: a metric at its `start` value, a milestone or
   * boolean not done, no check-ins.
   */
  baseline(prepared: PreparedKeyResult): KeyResultState {
    const known = this.baselines.get(prepared);
    if (known) return known;
    const state = this.computeBaseline(prepared);
    this.baselines.set(prepared, state);
    return state;
  }

  private computeBaseline(prepared: PreparedKeyResult): KeyResultState {
    const { kr } = prepared;
    const input = snapshotOf(kr, undefined, false, []);
    const progress = keyResultProgress(input);
    return {
      input,
      progress,
      score: toScore(progress),
      confidence: lastConfidence(input),
      value: isNumber(kr.start) ? kr.start : undefined,
      done: false,
      checkIns: [],
    };
  }

  /** The state at the end of `day`, or the baseline when `day` is before the key result's cycle. */
  stateOrBaseline(prepared: PreparedKeyResult, day: string): KeyResultState {
    const cycleStart = this.periodDays(prepared.objective?.set.cycle)?.start;
    return cycleStart !== undefined && day < cycleStart ? this.baseline(prepared) : this.state(prepared, day);
  }

  /** A key result's status at the end of `day`, within its objective's cycle. */
  status(prepared: PreparedKeyResult, day: string): Status | undefined {
    let perDay = this.statuses.get(prepared);
    if (!perDay) this.statuses.set(prepared, (perDay = new Map()));
    if (!perDay.has(day)) {
      const interval = this.cycle(prepared.objective?.set.cycle);
      perDay.set(day, interval ? keyResultStatus(this.state(prepared, day).input, interval, this.endOfDay(day)) : undefined);
    }
    return perDay.get(day);
  }

  /** An objective's position in the workspace (file order). */
  objectiveOrder(objective: ObjectiveEntity): number {
    if (!this.order) this.order = new Map((this.model.objectives.all as ObjectiveEntity[]).map((o, i) => [o, i]));
    return this.order.get(objective) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Ids of the KPIs a person owns (`owner: <person>` or `person/<id>`), in file order. */
  kpisOwnedBy(personId: string): ReadonlySet<string> {
    if (!this.kpiOwners) {
      this.kpiOwners = new Map();
      for (const kpi of this.model.kpis.all) {
        const owner = ownerOf(this.model, kpi.value.owner);
        if (owner?.kind !== 'person') continue;
        const ids = this.kpiOwners.get(owner.id);
        if (ids) ids.add(kpi.id);
        else this.kpiOwners.set(owner.id, new Set([kpi.id]));
      }
    }
    return this.kpiOwners.get(personId) ?? NONE;
  }

  /** A value derived from a KPI (or other model object), computed once per model. */
  memo<T>(key: object, compute: () => T): T {
    if (!this.kpiCache.has(key)) this.kpiCache.set(key, compute());
    return this.kpiCache.get(key) as T;
  }

  /**
   * A part of a view model computed once per model for `owner` (a key result, a KPI scope, a
   * review, a person id) and `variant` (the day and whatever else it depends on): documents
   * share it (a team's key results and KPI rows appear in each member's review). It is deeply
   * frozen once it is handed out a second time, and the renderer escapes a frozen part once,
   * not once per document (see `escapeDeep`); parts only one document uses are not worth that.
   * View models are read-only.
   */
  shared<T>(owner: unknown, variant: string, compute: () => T): T {
    let variants = this.sharedViews.get(owner);
    if (!variants) this.sharedViews.set(owner, (variants = new Map()));
    const known = variants.get(variant);
    if (known) {
      if (!known.frozen) {
        freezeDeep(known.value);
        known.frozen = true;
      }
      return known.value as T;
    }
    const value = compute();
    variants.set(variant, { value, frozen: false });
    return value;
  }

  /** An objective's progress, score and status at the end of `day`, all its key results counted. */
  objectiveState(objective: ObjectiveEntity, day: string): ObjectiveState {
    let perDay = this.objectiveStates.get(objective);
    if (!perDay) this.objectiveStates.set(objective, (perDay = new Map()));
    let state = perDay.get(day);
    if (state) return state;
    const snapshot: Pick<Objective, never> & { key_results: KeyResultInput[] } = {
      key_results: this.keyResultsOf(objective).map((p) => this.state(p, day).input),
    };
    const interval = this.cycle(objective.set.cycle);
    const progress = objectiveProgress(snapshot);
    state = { progress, score: toScore(progress), status: interval ? objectiveStatus(snapshot, interval, this.endOfDay(day)) : undefined };
    perDay.set(day, state);
    return state;
  }
}

const indexes = new WeakMap<WorkspaceModel, { files: WorkspaceModel['files']; index: RenderIndex }>();

/**
 * The render index of a model, built on first use and rebuilt when the model's files change
 * (`replaceFile` swaps the `files` list, as the editor does on every edit).
 */
export function renderIndex(model: WorkspaceModel): RenderIndex {
  const cached = indexes.get(model);
  if (cached && cached.files === model.files) return cached.index;
  const index = new RenderIndex(model);
  indexes.set(model, { files: model.files, index });
  return index;
}
