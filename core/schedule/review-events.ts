import { isRecord } from '../util/is-record';
import { type WorkspaceModel } from '../model/workspace-model';
import { attendeeOf, expandPeople } from './attendees';
import { plainDate } from './recurrence';
import type { ScheduleEvent, ScheduleWindow } from './types';
import { WallClock } from './wall-clock';

function inWindow(day: string, window: ScheduleWindow): boolean {
  return day >= window.fromDate && day <= window.toDate;
}

function nameOf(value: unknown, fallback: string): string {
  // `cycle: 2026` reads as a number in YAML.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}

/**
 * Review stages whose `due` day is in `window`, as all-day events in the workspace zone titled
 * "<review name>: <stage name> due" (the stage id when it has no name). Attendees are the
 * review's `participants`; a `team/<id>` there stands for all of that team's people.
 * UIDs (`okra-review-<review>-<stage>@okra`) do not contain the date, so moving a deadline
 * updates the imported event.
 */
export function reviewStageEvents(model: WorkspaceModel, window: ScheduleWindow, clock = new WallClock()): ScheduleEvent[] {
  const events: ScheduleEvent[] = [];
  for (const review of model.reviews.all) {
    const stages = review.value.stages;
    if (!Array.isArray(stages)) continue;
    const reviewName = nameOf(review.value.name, review.id);
    let attendees: ScheduleEvent['attendees'] | undefined;
    stages.forEach((stage: unknown, index) => {
      if (!isRecord(stage) || typeof stage.id !== 'string') return;
      const due = plainDate(stage.due);
      if (!due) return;
      if (!inWindow(due.toISODate()!, window)) return;
      const slot = clock.day(model.timezone, due);
      attendees ??= expandPeople(model, review.value.participants).map((id) => attendeeOf(model, id));
      events.push({
        uid: `okra-review-${review.id}-${stage.id}@okra`,
        kind: 'review-stage',
        title: `${reviewName}: ${nameOf(stage.name, stage.id)} due`,
        start: slot.start,
        end: slot.end,
        allDay: true,
        zone: model.timezone,
        attendees,
        source: { file: review.file, path: [...review.path, 'stages', index] },
        series: `okra-review-${review.id}`,
      });
    });
  }
  return events;
}

/**
 * Retrospectives whose `date` is in `window`, as all-day events in the workspace zone titled
 * "OKR retrospective <cycle>", with the `participants` as attendees
 * (UID `okra-retro-<retrospective>@okra`).
 */
export function retrospectiveEvents(model: WorkspaceModel, window: ScheduleWindow, clock = new WallClock()): ScheduleEvent[] {
  const events: ScheduleEvent[] = [];
  for (const retro of model.retrospectives.all) {
    const date = plainDate(retro.value.date);
    if (!date || !inWindow(date.toISODate()!, window)) continue;
    const slot = clock.day(model.timezone, date);
    events.push({
      uid: `okra-retro-${retro.id}@okra`,
      kind: 'retrospective',
      title: `OKR retrospective ${nameOf(retro.value.cycle, retro.id)}`,
      start: slot.start,
      end: slot.end,
      allDay: true,
      zone: model.timezone,
      attendees: expandPeople(model, retro.value.participants).map((id) => attendeeOf(model, id)),
      source: { file: retro.file, path: retro.path },
      series: `okra-retro-${retro.id}`,
    });
  }
  return events;
}
