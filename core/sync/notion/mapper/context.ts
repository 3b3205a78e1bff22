import type { DateTime } from 'luxon';
import type { WorkspaceModel } from '../../../model/workspace-model';
import { personIdOf } from '../../../schedule/attendees';

/** What the mappers need besides the item: the model for lookups, the time, Notion's people. */
export interface MapContext {
  model: WorkspaceModel;
  /** The instant progress and status are computed for. */
  now: DateTime;
  /** Notion user ids by lower-cased email (people okra can mention in people properties). */
  userIdByEmail: ReadonlyMap<string, string>;
}

const TEAM = 'team/';

/** A person's or team's name for an owner reference; the reference itself when unknown. */
export function ownerLabel(ctx: MapContext, ref: unknown): string {
  if (typeof ref !== 'string' || ref === '') return '';
  if (ref.startsWith(TEAM)) {
    const team = ctx.model.teams.get(ref.slice(TEAM.length))?.value;
    return typeof team?.name === 'string' ? team.name : ref;
  }
  const id = personIdOf(ref);
  const person = id === undefined ? undefined : ctx.model.people.get(id)?.value;
  return typeof person?.name === 'string' ? person.name : ref;
}

/** The Notion user of a person (by their Org email), if Notion has one. */
export function notionUserOf(ctx: MapContext, personId: string | undefined): string | undefined {
  if (personId === undefined) return undefined;
  const email = ctx.model.people.get(personId)?.value.email;
  return typeof email === 'string' ? ctx.userIdByEmail.get(email.trim().toLowerCase()) : undefined;
}

/** Notion users for an owner reference: the person's, none for a team. */
export function ownerUsers(ctx: MapContext, ref: unknown): string[] {
  if (typeof ref !== 'string' || ref.startsWith(TEAM)) return [];
  const user = notionUserOf(ctx, personIdOf(ref));
  return user ? [user] : [];
}

/** A finite number or null. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A share 0..1 rounded to 4 decimals (0.1 % in Notion's percent format), so float noise never reads as a change. */
export function share(value: number | undefined | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : null;
}

/** A string or ''. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Strings of a list. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export const STATUS_LABEL = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' } as const;
