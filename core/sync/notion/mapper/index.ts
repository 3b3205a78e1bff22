import type { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../../model/workspace-model';
import { buildSchedule, reviewStageEvents, retrospectiveEvents, scheduleWindow } from '../../../schedule';
import type { LocalRow } from '../types';
import { calendarRow } from './calendar';
import type { MapContext } from './context';
import { keyResultRow } from './key-result';
import { kpiRow } from './kpi';
import { objectiveRow } from './objective';
import { tierRow } from './tier';

export { calendarRow } from './calendar';
export { keyResultRow } from './key-result';
export { kpiRow } from './kpi';
export { objectiveRow } from './objective';
export { tierRow } from './tier';
export { fromPage, makeRow, optionName, toProperties, toPropertyValue, type PropertyValues } from './properties';
export type { MapContext } from './context';

/** Which 1:1s the Calendar database holds: days in the workspace zone, both inclusive. */
export interface CalendarWindow {
  from: string;
  to: string;
}

/** Weeks of past and future 1:1s the Calendar database holds by default. */
export const CALENDAR_WEEKS = Object.freeze({ past: 4, ahead: 13 });

/** The default calendar window around `now`: 4 weeks back, 13 weeks (a quarter) ahead. */
export function defaultCalendarWindow(now: DateTime, zone: string): CalendarWindow {
  const today = now.setZone(zone).startOf('day');
  return { from: today.minus({ weeks: CALENDAR_WEEKS.past }).toISODate()!, to: today.plus({ weeks: CALENDAR_WEEKS.ahead }).toISODate()! };
}

/**
 * Every row okra wants in Notion, in database order. 1:1s come from the calendar window (they
 * recur without end); review stages and retrospectives are all included. Ids that appear twice
 * (reported by `id/duplicate`) are synced once, first definition winning.
 */
export function mapWorkspace(model: WorkspaceModel, ctx: MapContext, window: CalendarWindow): LocalRow[] {
  const rows: LocalRow[] = [];
  const seen = new Set<string>();
  const add = (row: LocalRow) => {
    if (seen.has(row.key)) return;
    seen.add(row.key);
    rows.push(row);
  };
  for (const kpi of model.kpis.all) add(kpiRow(kpi, ctx));
  for (const tier of model.tiers.all) add(tierRow(tier, ctx));
  for (const objective of model.objectives.all) add(objectiveRow(objective, ctx));
  for (const kr of model.keyResults.all) add(keyResultRow(kr, ctx));
  const everything = scheduleWindow(model.timezone, '1900-01-01', '2999-12-31');
  const events = [
    ...buildSchedule(model, window).filter((e) => e.kind === 'one-on-one'),
    ...reviewStageEvents(model, everything),
    ...retrospectiveEvents(model, everything),
  ];
  for (const event of events) add(calendarRow(event, ctx));
  return rows;
}
