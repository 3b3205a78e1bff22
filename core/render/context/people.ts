import type { WorkspaceModel } from '../../model/workspace-model';
import { ownerOf, renderIndex, type OwnerRef, type RenderIndex } from './model-index';
import type { NamedRef, PersonView, TeamView } from './types';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const bare = (ref: string, prefix: string): string => (ref.startsWith(prefix) ? ref.slice(prefix.length) : ref);

/** A person by id, with their name (the id when they are not in the Org). */
export function personRef(model: WorkspaceModel, id: string): NamedRef {
  return renderIndex(model).shared(PERSON_REFS, id, () => ({ id, name: str(model.people.get(id)?.value.name) ?? id }));
}

/** The owner of {@link personRef}'s shared results. */
const PERSON_REFS = {};

export function teamRef(model: WorkspaceModel, id: string): NamedRef {
  return { id, name: str(model.teams.get(id)?.value.name) ?? id };
}

/** The name of a person or team reference (`team/frontline` → `Frontline (Tier 1)`). */
export function ownerName(model: WorkspaceModel, owner: OwnerRef | undefined): string | null {
  if (!owner) return null;
  return owner.kind === 'person' ? personRef(model, owner.id).name : teamRef(model, owner.id).name;
}

export function teamView(model: WorkspaceModel, id: string): TeamView {
  return renderIndex(model).shared(TEAM_VIEWS, id, () => {
    const lead = str(model.teams.get(id)?.value.lead);
    const { name } = teamRef(model, id);
    return { id, name, lead: lead ? personRef(model, bare(lead, 'person/')) : null };
  });
}

/** The owner of {@link teamView}'s shared results. */
const TEAM_VIEWS = {};

export function personView(model: WorkspaceModel, id: string): PersonView {
  const p = model.people.get(id)?.value;
  const team = str(p?.team);
  const vendor = str(p?.vendor);
  const manager = str(p?.manager);
  return {
    id,
    name: personRef(model, id).name,
    role: str(p?.role),
    email: str(p?.email),
    location: str(p?.location),
    timezone: str(p?.timezone),
    employment: str(p?.employment),
    team: team ? teamView(model, bare(team, 'team/')) : null,
    vendor: vendor ? { id: vendor, name: str(model.vendors.get(vendor)?.value.name) ?? vendor } : null,
    manager: manager ? personRef(model, bare(manager, 'person/')) : null,
  };
}

/**
 * Person ids of a `reports` / `participants` list, in order, without repeats: a person id (or
 * `person/<id>`) is that person; `team/<id>` is every person whose team it is, in Org order,
 * except `exclude` (a 1:1's manager, who does not meet themselves).
 */
export function expandMembers(index: RenderIndex, refs: unknown, exclude?: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>(exclude === undefined ? [] : [exclude]);
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  };
  if (!Array.isArray(refs)) return out;
  for (const ref of refs) {
    if (typeof ref !== 'string' || ref === '') continue;
    if (ref.startsWith('team/')) for (const id of index.teamMembers.get(ref.slice(5)) ?? []) add(id);
    else add(bare(ref, 'person/'));
  }
  return out;
}

/** Whether a KPI scope (`global`, `frontline`, `team/frontline`, `tier/tier-1`) names one of `ids`. */
export function scopeIdOf(scope: unknown): string {
  if (typeof scope !== 'string' || scope === '') return 'global';
  return scope.replace(/^(team|tier|vendor)\//, '');
}

/** `global`, or the name of the team, tier or vendor a scope names, with what it is. */
export function scopeName(model: WorkspaceModel, scope: string): string {
  const id = scopeIdOf(scope);
  if (id === 'global') return 'Global';
  const kind = /^(team|tier|vendor)\//.exec(scope)?.[1];
  if ((kind === undefined || kind === 'team') && model.teams.has(id)) return `${teamRef(model, id).name} · team`;
  if ((kind === undefined || kind === 'tier') && model.tiers.has(id)) return `${str(model.tiers.get(id)?.value.name) ?? id} · tier`;
  if ((kind === undefined || kind === 'vendor') && model.vendors.has(id)) return `${str(model.vendors.get(id)?.value.name) ?? id} · vendor`;
  return id;
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The tiers a team works as: those whose `staffing.teams` lists it. A tier without
 * `staffing.teams` (files from before Format 1.1) keeps the old convention: a tier with the
 * team's name, or whose id ends with the team's id (`tier-1-frontline` for `frontline`). KPI
 * scopes that name the team itself always apply.
 */
export function tiersOfTeam(model: WorkspaceModel, teamId: string): string[] {
  const team = model.teams.get(teamId)?.value;
  const name = str(team?.name)?.toLowerCase();
  const idTokens = tokens(teamId);
  const found: string[] = [];
  for (const tier of model.tiers.all) {
    const teams = tier.value.staffing?.teams;
    if (Array.isArray(teams)) {
      if (teams.includes(teamId)) found.push(tier.id);
      continue;
    }
    const tierName = str(tier.value.name)?.toLowerCase();
    const tierTokens = tokens(tier.id);
    const suffix =
      idTokens.length > 0 &&
      idTokens.length < tierTokens.length &&
      idTokens.every((t, i) => tierTokens[tierTokens.length - idTokens.length + i] === t);
    if (tier.id === teamId || (name !== undefined && name === tierName) || suffix) found.push(tier.id);
  }
  return found;
}

/**
 * The KPI scopes that are a person's: their team, the tiers it works as, their BPO vendor, and
 * `global` for people in a top-level team (the head of support and their staff).
 */
export function personScopes(model: WorkspaceModel, id: string): string[] {
  const person = model.people.get(id)?.value;
  const scopes: string[] = [];
  const team = str(person?.team);
  if (team) {
    const teamId = bare(team, 'team/');
    const parent = model.teams.get(teamId)?.value.parent;
    if (model.teams.has(teamId) && (parent === undefined || parent === null)) scopes.push('global');
    scopes.push(teamId, ...tiersOfTeam(model, teamId));
  }
  const vendor = str(person?.vendor);
  if (vendor) {
    scopes.push(vendor);
    for (const tier of model.tiers.all) if (tier.value.staffing?.vendor === vendor && !scopes.includes(tier.id)) scopes.push(tier.id);
  }
  return [...new Set(scopes)];
}

/**
 * Why tier KPIs are missing from a person's document: their team is linked to no tier, while
 * KPI targets are set for tiers. Renaming a tier used to drop the rows without a word.
 */
export function unlinkedTiersNote(model: WorkspaceModel, personId: string): string | null {
  const team = str(model.people.get(personId)?.value.team);
  if (!team) return null;
  const teamId = bare(team, 'team/');
  if (tiersOfTeam(model, teamId).length > 0) return null;
  const targeted = new Set<string>();
  for (const kpi of model.kpis.all) {
    for (const target of Array.isArray(kpi.value.targets) ? kpi.value.targets : []) {
      const id = scopeIdOf((target as { scope?: unknown } | null)?.scope);
      if (model.tiers.has(id)) targeted.add(id);
    }
  }
  if (targeted.size === 0) return null;
  const tiers = [...targeted].map((id) => str(model.tiers.get(id)?.value.name) ?? id).join(', ');
  return `KPIs of ${tiers} are not listed: team ${teamRef(model, teamId).name} staffs no tier. List the team in the tier's staffing.teams to show them.`;
}

/** The team scopes of a team: the team and the tiers it works as. */
export function teamScopes(model: WorkspaceModel, teamId: string): string[] {
  const parent = model.teams.get(teamId)?.value.parent;
  return [...(parent === undefined || parent === null ? ['global'] : []), teamId, ...tiersOfTeam(model, teamId)];
}

export { ownerOf };
