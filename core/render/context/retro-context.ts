import type { ObjectiveEntity, WorkspaceModel } from '../../model/workspace-model';
import { formatDay } from './format-value';
import { keyResultView, objectiveView, scoreSummary } from './key-results';
import { dayBefore, isoDate, ownerOf, renderIndex, type RenderIndex } from './model-index';
import { expandMembers, personRef, teamView } from './people';
import type { RetroKeyResultView, RetroObjectiveView, RetroOwnerGroup, RetroView } from './types';

export interface RetroOptions {
  /** The day the document is prepared (ISO date); numbers are as of it, or of the retrospective's date when that is earlier. */
  date: string;
  /** Only this team's objectives (owned by the team or by its people). */
  team?: string;
}

/** Objectives of a cycle (same span, however it is spelt), optionally only a team's, in file order. */
export function objectivesOfCycle(index: RenderIndex, cycle: string, team?: string): ObjectiveEntity[] {
  const span = index.periodDays(cycle);
  const { model } = index;
  return (model.objectives.all as ObjectiveEntity[]).filter((objective) => {
    const days = index.periodDays(objective.set.cycle);
    const sameCycle = span && days ? days.start === span.start && days.end === span.end : objective.set.cycle === cycle;
    if (!sameCycle) return false;
    if (team === undefined) return true;
    const owner = ownerOf(model, objective.set.owner);
    if (!owner) return false;
    if (owner.kind === 'team') return owner.id === team;
    return String(model.people.get(owner.id)?.value.team ?? '').replace(/^team\//, '') === team;
  });
}

/** The cycle a team's retrospective is about on `day`: the running one with objectives of the team, else the latest that started. */
export function teamCycle(model: WorkspaceModel, team: string, day: string): string | undefined {
  const index = renderIndex(model);
  const cycles = [...new Set(objectivesOfCycleAny(index, team).map((o) => String(o.set.cycle)))];
  const spans = cycles.map((cycle) => ({ cycle, days: index.periodDays(cycle) })).filter((s) => s.days !== undefined);
  const running = spans.find((s) => s.days!.start <= day && day < s.days!.end);
  if (running) return running.cycle;
  const started = spans.filter((s) => s.days!.start <= day).sort((a, b) => (a.days!.start < b.days!.start ? 1 : -1));
  return started[0]?.cycle ?? spans[0]?.cycle;
}

function objectivesOfCycleAny(index: RenderIndex, team: string): ObjectiveEntity[] {
  const cycles = new Set((index.model.objectives.all as ObjectiveEntity[]).map((o) => String(o.set.cycle)));
  return [...cycles].flatMap((cycle) => objectivesOfCycle(index, cycle, team));
}

/** Depth of the owning team in the Org (0 for a top-level team); people's objectives after all teams. */
function ownerRank(index: RenderIndex, objective: ObjectiveEntity | undefined): number {
  const owner = objective ? ownerOf(index.model, objective.set.owner) : undefined;
  if (!owner) return 1000;
  if (owner.kind === 'person') return 500;
  let depth = 0;
  const seen = new Set<string>();
  for (let team = owner.id; !seen.has(team); depth++) {
    seen.add(team);
    const parent = index.model.teams.get(team)?.value.parent;
    if (typeof parent !== 'string') break;
    team = parent.replace(/^team\//, '');
  }
  return depth;
}

export interface RetroSource {
  /** The retrospective's id, when the document is for one. */
  id?: string;
  cycle: string;
  /** The day of the retrospective. */
  date?: string;
  participants?: unknown;
}

/**
 * The `okr-retrospective` view model: every objective of the cycle (or of a team in it), grouped
 * by owner, with score and status as of the retrospective, and its key results split into those
 * that moved over the cycle (start of the cycle → the last check-in) and those that did not.
 */
export function buildRetroView(model: WorkspaceModel, source: RetroSource, options: RetroOptions): RetroView {
  const index = renderIndex(model);
  const retroDate = isoDate(source.date) ?? null;
  const asOf = retroDate !== null && retroDate < options.date ? retroDate : options.date;
  const span = index.periodDays(source.cycle);
  const since = span ? dayBefore(span.start) : null;
  const team = options.team === undefined ? null : teamView(model, options.team);
  const objectives: RetroObjectiveView[] = [];
  const wrongWay: RetroKeyResultView[] = [];
  const objectiveEntities = new Map<RetroObjectiveView, ObjectiveEntity>();
  for (const objective of objectivesOfCycle(index, source.cycle, options.team)) {
    const krs = index.keyResultsOf(objective).map((p) => keyResultView(index, p, { day: asOf, since }));
    const view = objectiveView(index, objective, krs, asOf);
    const retroView: RetroObjectiveView = {
      ...view,
      moved: krs.filter((k) => k.movement.moved),
      notMoved: krs.filter((k) => !k.movement.moved),
    };
    objectiveEntities.set(retroView, objective);
    objectives.push(retroView);
    for (const kr of krs) if (kr.movement.direction === 'worse') wrongWay.push({ ...kr, objective: { id: view.id, name: view.title } });
  }
  // Top-level teams first, then their sub-teams, then people's own objectives; file order within.
  const rank = (objective: RetroObjectiveView) => ownerRank(index, objectiveEntities.get(objective));
  objectives.sort((a, b) => rank(a) - rank(b));
  const owners: RetroOwnerGroup[] = [];
  for (const objective of objectives) {
    const group = owners.find((g) => g.ownerName === objective.ownerName);
    if (group) group.objectives.push(objective);
    else owners.push({ ownerName: objective.ownerName, objectives: [objective] });
  }
  const participants =
    source.participants !== undefined
      ? expandMembers(index, source.participants)
      : options.team !== undefined
        ? (index.teamMembers.get(options.team) ?? [])
        : [];
  const krs = objectives.flatMap((o) => o.keyResults);
  const summary = scoreSummary(objectives);
  const title = `OKR retrospective ${source.cycle}${team ? `: ${team.name}` : ''}${retroDate ? `, ${formatDay(retroDate)}` : ''}`;
  return {
    title,
    kind: 'retrospective',
    zone: model.timezone,
    date: options.date,
    asOf,
    retro: {
      id: source.id ?? null,
      cycle: source.cycle,
      date: retroDate,
      start: span?.start ?? null,
      end: span ? dayBefore(span.end) : null,
    },
    team,
    participants: participants.map((id) => personRef(model, id)),
    summary: {
      ...summary,
      moved: krs.filter((k) => k.movement.moved).length,
      notMoved: krs.filter((k) => !k.movement.moved).length,
      wrongWay: wrongWay.length,
    },
    owners,
    objectives,
    wrongWay,
  };
}

/** The retrospective with this id as a {@link RetroSource}; `undefined` when there is none. */
export function retroSource(model: WorkspaceModel, retroId: string): RetroSource | undefined {
  const retro = model.retrospectives.get(retroId);
  if (!retro) return undefined;
  return {
    id: retro.id,
    cycle: String(retro.value.cycle ?? ''),
    date: isoDate(retro.value.date),
    participants: retro.value.participants ?? [],
  };
}
