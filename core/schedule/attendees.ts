import { IANAZone } from 'luxon';
import type { WorkspaceModel } from '../model/workspace-model';
import type { ScheduleAttendee } from './types';

const TEAM = 'team/';
const PERSON = 'person/';

/** The person id of `person/<id>` or `<id>`; `undefined` for a team reference or a non-string. */
export function personIdOf(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || ref.length === 0 || ref.startsWith(TEAM)) return undefined;
  return ref.startsWith(PERSON) ? ref.slice(PERSON.length) : ref;
}

/** A person as an attendee; a person missing from the Org keeps the id as the name (the `ref/unknown-person` rule reports it). */
export function attendeeOf(model: WorkspaceModel, id: string): ScheduleAttendee {
  const person = model.people.get(id)?.value;
  const name = typeof person?.name === 'string' && person.name.trim() !== '' ? person.name : id;
  const email = typeof person?.email === 'string' && person.email.includes('@') ? person.email : undefined;
  return email ? { id, name, email } : { id, name };
}

/**
 * Person ids of a `reports` or `participants` list, in list order without repeats: a person id
 * (or `person/<id>`) stands for that person, `team/<id>` for the people whose `team` is that id,
 * in Org order. `exclude` (a 1:1's manager) is left out, so that a manager listing their own team
 * does not get a 1:1 with themselves. An unknown team expands to nobody.
 */
export function expandPeople(model: WorkspaceModel, refs: unknown, exclude?: string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>(exclude === undefined ? [] : [exclude]);
  const add = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
  };
  if (!Array.isArray(refs)) return ids;
  for (const ref of refs) {
    if (typeof ref === 'string' && ref.startsWith(TEAM)) {
      const team = ref.slice(TEAM.length);
      for (const person of model.people.all) if (person.value.team === team) add(person.id);
    } else {
      const id = personIdOf(ref);
      if (id !== undefined) add(id);
    }
  }
  return ids;
}

/** Whether `zone` is an IANA zone this runtime knows. */
export function isKnownZone(zone: unknown): zone is string {
  return typeof zone === 'string' && zone !== '' && IANAZone.isValidZone(zone);
}

/** The zone a person's meetings are held in: their own `timezone` when it is valid, else `fallback`. */
export function zoneOfPerson(model: WorkspaceModel, id: string | undefined, fallback: string): string {
  const zone = id === undefined ? undefined : model.people.get(id)?.value.timezone;
  return isKnownZone(zone) ? zone : fallback;
}
