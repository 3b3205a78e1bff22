import type { WorkspaceModel } from '../../core';

/**
 * Quick pick items built from the model: people, reviews, retrospectives. Pure (the shape of
 * vscode.QuickPickItem plus the id): unit-tested in test/extension-unit/.
 */
export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  id: string;
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined;

const byLabel = (a: PickItem, b: PickItem) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

/** Every person: "Tomás Novák" · "tomas-novak" · "Team lead, Frontline". */
export function peopleItems(model: WorkspaceModel): PickItem[] {
  return model.people.all
    .map((p) => {
      const v = rec(p.value);
      const team = str(v.team);
      const teamName = team ? (str(rec(model.teams.get(team)?.value).name) ?? team) : undefined;
      const detail = [str(v.role), teamName].filter(Boolean).join(', ');
      const item: PickItem = { label: str(v.name) ?? p.id, description: p.id, id: p.id };
      if (detail) item.detail = detail;
      return item;
    })
    .sort(byLabel);
}

/** Every review: its name, id, and period. */
export function reviewItems(model: WorkspaceModel): PickItem[] {
  return model.reviews.all
    .map((r) => {
      const v = rec(r.value);
      const period = rec(v.period);
      const start = str(period.start);
      const end = str(period.end);
      const participants = Array.isArray(v.participants) ? v.participants.length : 0;
      const item: PickItem = { label: str(v.name) ?? r.id, description: r.id, id: r.id };
      const detail = [
        str(v.type),
        start && end ? `${start} – ${end}` : undefined,
        participants > 0 ? `${participants} participant entr${participants === 1 ? 'y' : 'ies'}` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      if (detail) item.detail = detail;
      return item;
    })
    .sort(byLabel);
}

/** Every retrospective: its id, cycle and date. */
export function retrospectiveItems(model: WorkspaceModel): PickItem[] {
  return model.retrospectives.all
    .map((r) => {
      const v = rec(r.value);
      const item: PickItem = { label: str(v.name) ?? r.id, description: str(v.name) ? r.id : undefined, id: r.id };
      if (item.description === undefined) delete item.description;
      const detail = [str(v.cycle) && `cycle ${str(v.cycle)}`, str(v.date)].filter(Boolean).join(' · ');
      if (detail) item.detail = detail;
      return item;
    })
    .sort(byLabel);
}
