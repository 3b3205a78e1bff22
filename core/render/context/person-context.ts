import { IANAZone } from 'luxon';
import type { Located, WorkspaceModel } from '../../model/workspace-model';
import type { OneOnOne } from '../../model/types.generated';
import { formatDay } from './format-value';
import { checkInView, groupByObjective, scoreSummary } from './key-results';
import { kpiViews } from './kpis';
import { renderIndex, type PreparedKeyResult, type RenderIndex } from './model-index';
import { meetingsAround } from '../../schedule/expand-one-on-ones';
import { expandMembers, personRef, personScopes, personView, unlinkedTiersNote } from './people';
import { upcomingStages } from './stages';
import type { CheckInView, MilestoneView, NamedRef, OneOnOneMeetingView, OneOnOneView } from './types';

export interface OneOnOneOptions {
  /** The day the agenda is prepared (ISO date): numbers are as of its end; the meeting is the series' first on or after it. */
  date: string;
  /** The manager whose series to use when the person has 1:1s with several; default: the first series. */
  manager?: string;
}

const CADENCE_LABELS: Record<string, string> = { weekly: 'weekly', biweekly: 'every two weeks', monthly: 'monthly' };

/** The 1:1 series in which `personId` is a report, as (manager, entry) pairs in file order. */
export function oneOnOneSeriesOf(model: WorkspaceModel, personId: string): Array<{ manager: string; entry: Located<OneOnOne> }> {
  const index = renderIndex(model);
  const out: Array<{ manager: string; entry: Located<OneOnOne> }> = [];
  for (const entry of model.oneOnOnes) {
    const manager = typeof entry.value.manager === 'string' ? entry.value.manager.replace(/^person\//, '') : undefined;
    if (manager !== undefined && expandMembers(index, entry.value.reports, manager).includes(personId)) out.push({ manager, entry });
  }
  return out;
}

/**
 * A person's key results for a document as of `day`: those they own and those their team owns,
 * in the cycles running on `day` (or, when none is, the latest cycle that started before it).
 */
export function keyResultsOfPerson(index: RenderIndex, personId: string, teamId: string | null, day: string): PreparedKeyResult[] {
  const own = [...(index.byPersonOwner.get(personId) ?? []), ...(teamId ? (index.byTeamOwner.get(teamId) ?? []) : [])];
  const byCycle = new Map<string, PreparedKeyResult[]>();
  for (const p of own) {
    const cycle = String(p.objective?.set.cycle ?? '');
    const list = byCycle.get(cycle);
    if (list) list.push(p);
    else byCycle.set(cycle, [p]);
  }
  const spans = [...byCycle.keys()].map((cycle) => ({ cycle, days: index.periodDays(cycle) }));
  const running = spans.filter((s) => s.days && s.days.start <= day && day < s.days.end);
  let chosen = running;
  if (chosen.length === 0) {
    const started = spans.filter((s) => s.days && s.days.start <= day).sort((a, b) => (b.days!.start < a.days!.start ? -1 : 1));
    chosen = started.length > 0 ? [started[0]] : [];
  }
  const keep = new Set(chosen.map((s) => s.cycle));
  return own.filter((p) => keep.has(String(p.objective?.set.cycle ?? '')));
}

function meetingOf(index: RenderIndex, personId: string, options: OneOnOneOptions): OneOnOneMeetingView {
  const { model } = index;
  const all = oneOnOneSeriesOf(model, personId);
  const series = (options.manager === undefined ? all[0] : all.find((s) => s.manager === options.manager)) ?? undefined;
  const managerId =
    series?.manager ??
    (typeof model.people.get(personId)?.value.manager === 'string'
      ? String(model.people.get(personId)?.value.manager).replace(/^person\//, '')
      : undefined);
  // Dates, time and zone as `okra schedule` has them: the manager's zone, reports back to back.
  const around = series ? meetingsAround(model, series.entry.value, personId, options.date) : undefined;
  const zone = around?.zone ?? model.timezone;
  const personZone = model.people.get(personId)?.value.timezone;
  const reportZone = typeof personZone === 'string' && personZone !== zone && IANAZone.isValidZone(personZone) ? personZone : null;
  const cadence = around ? (series!.entry.value.cadence as string) : undefined;
  return {
    manager: managerId ? personRef(model, managerId) : null,
    cadence: cadence ?? null,
    cadenceLabel: cadence ? CADENCE_LABELS[cadence] : null,
    date: around?.next ?? options.date,
    start: around?.start?.toISO() ?? null,
    time: around?.start?.toFormat('HH:mm') ?? null,
    zone,
    reportZone,
    previous: around?.previous ?? null,
    next: around?.following ?? null,
    inSeries: around !== undefined,
  };
}

type NoteView = CheckInView & { keyResult: NamedRef };

/**
 * The `one-on-one` view model: a report's key results grouped by objective with progress,
 * score, status and movement since the previous 1:1 of the series; KPI attainment for their
 * team, tier and vendor; open milestones; upcoming review deadlines; check-in notes since the
 * last 1:1 and older notes on open key results as follow-ups.
 */
export function buildOneOnOneView(model: WorkspaceModel, personId: string, options: OneOnOneOptions): OneOnOneView {
  const index = renderIndex(model);
  const day = options.date;
  const person = personView(model, personId);
  const meeting = meetingOf(index, personId, options);
  const since = meeting.previous;
  const teamId = person.team?.id ?? null;
  const prepared = keyResultsOfPerson(index, personId, teamId, day);
  const objectives = groupByObjective(index, prepared, { day, since, person: { id: personId, team: teamId } });

  const updates: NoteView[] = [];
  const followUps: NoteView[] = [];
  for (const p of prepared) {
    const state = index.state(p, day);
    const ref = { id: p.id, name: typeof p.kr.title === 'string' ? p.kr.title : p.id };
    for (const c of state.checkIns)
      if (since !== null && c.date > since && c.note) updates.push({ ...checkInView(index, c, p.kr.unit), keyResult: ref });
    if (state.done) continue;
    const older = state.checkIns.filter((c) => c.note && (since === null || c.date <= since));
    const last = older[older.length - 1];
    if (last) followUps.push({ ...checkInView(index, last, p.kr.unit), keyResult: ref });
  }
  const byDate = (a: NoteView, b: NoteView) => (a.date ?? '').localeCompare(b.date ?? '');
  updates.sort(byDate);
  followUps.sort(byDate);

  const milestones: MilestoneView[] = [];
  for (const objective of objectives) {
    for (const kr of objective.keyResults) {
      if (!kr.isMilestone || kr.done || kr.due === null || kr.daysToDue === null) continue;
      milestones.push({
        id: kr.id,
        title: kr.title,
        objective: { id: objective.id, name: objective.title },
        ownerName: kr.ownerName,
        due: kr.due,
        daysLeft: kr.daysToDue,
        overdue: kr.overdue,
      });
    }
  }
  milestones.sort((a, b) => a.due.localeCompare(b.due));

  const owned = index.kpisOwnedBy(personId);
  const linked = new Set(prepared.map((p) => p.kr.kpi).filter((k): k is string => typeof k === 'string'));
  const keyResults = objectives.flatMap((o) => o.keyResults);
  return {
    title: `1:1 ${person.name}${meeting.manager ? ` and ${meeting.manager.name}` : ''}, ${formatDay(meeting.date)}`,
    kind: 'person',
    zone: model.timezone,
    date: day,
    person,
    meeting,
    objectives,
    summary: scoreSummary(objectives),
    moved: keyResults.filter((k) => k.movement.moved).length,
    kpis: kpiViews(index, { scopes: personScopes(model, personId), owned, linked, day, prefer: 'recent' }),
    kpisMissing: unlinkedTiersNote(model, personId),
    milestones,
    stages: upcomingStages(index, personId, day),
    updates,
    followUps,
  };
}
