/**
 * Completion of reference values: the people, teams, KPIs, tiers, objectives and vendors of the
 * whole workspace, which no JSON Schema can know. Keys and enum values are the schema's job.
 */
import { DateTime } from 'luxon';
import type { DataPath, Range } from '../diagnostics';
import { acceptedKinds, indexOfKind, parseReference, referenceFieldAt, type ReferenceField, type RefKind } from '../model/reference-fields';
import type { Entity, WorkspaceModel } from '../model/workspace-model';
import { describeItem, summaryOf } from './describe';
import { definitionKindAt, KIND_LABEL } from './entities';
import { pathAt } from './path-at';
import { rangeAt } from './position';

export type CompletionKind = RefKind | 'keyword';

export interface CompletionItem {
  /** What the list shows, and what is inserted: `tomas-novak`, `team/frontline`, `global`. */
  label: string;
  insertText: string;
  /** One line beside the label: the name, and a person's role. */
  detail: string;
  /** Markdown about the item (the same as its hover). */
  documentation?: string;
  kind: CompletionKind;
  /** The text replaced: the whole value under the cursor, so a partly typed id is replaced. */
  range: Range;
  /** Orders the list: the likeliest first (a 1:1 manager's direct reports, people of the same team). */
  sortText: string;
}

export interface CompletionOptions {
  /** The moment progress in the documentation is judged at; now by default. */
  at?: DateTime;
  /** Leave out `documentation` (an editor may resolve it lazily). Default true. */
  documentation?: boolean;
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function dataAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (rec(node) === node) node = (node as Obj)[String(segment)];
    else return undefined;
  }
  return node;
}

/** What the cursor's surroundings say about who is likely meant. */
interface Context {
  /** The item that holds the field: its kind and id, so it is not offered as its own parent. */
  self?: { kind: string; id: string };
  /** Ids already listed beside the cursor in the same list. */
  siblings: Set<string>;
  /** A team whose people come first. */
  team?: string;
  /** People who come before everyone else (a 1:1 manager's direct reports). */
  preferred: Set<string>;
  /** People left out (the manager of a 1:1 among its reports). */
  excluded: Set<string>;
}

function contextOf(model: WorkspaceModel, fileKind: string | undefined, data: unknown, path: DataPath, field: ReferenceField): Context {
  const itemPath = path.slice(0, basePatternLength(field));
  const item = rec(dataAt(data, itemPath));
  const ctx: Context = { siblings: new Set(), preferred: new Set(), excluded: new Set() };
  const itemKind = definitionKindAt(fileKind, itemPath);
  if (itemKind && str(item.id)) ctx.self = { kind: itemKind, id: str(item.id)! };
  if (field.pattern[field.pattern.length - 1] === '*') {
    const list = dataAt(data, path.slice(0, -1));
    const index = path[path.length - 1];
    if (Array.isArray(list)) list.forEach((v, i) => i !== index && typeof v === 'string' && ctx.siblings.add(parseReference(v).id));
  }
  const teamOfPerson = (id: string | undefined) => (id ? str(rec(model.people.get(id)?.value).team) : undefined);
  switch (fileKind) {
    case 'Org':
      ctx.team = itemKind === 'team' ? str(item.id) : str(item.team);
      break;
    case 'Objectives': {
      const owner = str(rec(data).owner);
      const parsed = owner ? parseReference(owner) : undefined;
      ctx.team = parsed?.prefix === 'team' ? parsed.id : teamOfPerson(parsed?.id);
      break;
    }
    case 'ReviewCycles': {
      const manager = str(item.manager);
      if (manager && field.pattern.includes('reports')) {
        ctx.excluded.add(manager);
        for (const p of model.people.all) if (rec(p.value).manager === manager) ctx.preferred.add(p.id);
      }
      ctx.team = teamOfPerson(manager);
      break;
    }
  }
  return ctx;
}

/** How many leading segments of a field's pattern locate the item that holds it. */
function basePatternLength(field: ReferenceField): number {
  return field.pattern.length - field.field.length;
}

interface Candidate {
  kind: RefKind;
  entity: Entity<unknown>;
  text: string;
}

/** The values a field accepts, as they would be written. */
function candidates(model: WorkspaceModel, field: ReferenceField, typed: string): Candidate[] {
  const kinds = acceptedKinds(field.accepts);
  const typedPrefix = parseReference(typed).prefix;
  const out: Candidate[] = [];
  const add = (kind: RefKind, prefixed: boolean) => {
    for (const [id, list] of indexOfKind(model, kind).byId) out.push({ kind, entity: list[0], text: prefixed ? `${kind}/${id}` : id });
  };
  // Once `team/` is typed, only that kind's prefixed ids fit.
  if (typedPrefix && kinds.includes(typedPrefix)) {
    add(typedPrefix, true);
    return out;
  }
  switch (field.accepts.form) {
    case 'one':
      add(field.accepts.kind, false);
      break;
    case 'owner':
      add('person', field.prefix === 'required');
      add('team', true);
      break;
    case 'member':
      add('person', false);
      add('team', true);
      break;
    case 'scope': {
      // A bare scope id is resolved team, tier, vendor: an id two kinds share needs its prefix.
      const seen = new Map<string, number>();
      for (const kind of kinds) for (const id of indexOfKind(model, kind).ids()) seen.set(id, (seen.get(id) ?? 0) + 1);
      for (const kind of kinds) {
        for (const [id, list] of indexOfKind(model, kind).byId)
          out.push({ kind, entity: list[0], text: (seen.get(id) ?? 0) > 1 ? `${kind}/${id}` : id });
      }
      break;
    }
  }
  return out;
}

const KIND_ORDER: Record<RefKind, number> = { person: 0, team: 1, tier: 2, vendor: 3, kpi: 4, objective: 5 };

/**
 * Completion items for the reference value at `offset` in the file at `path`; empty where the
 * cursor is not on a reference field's value. Filtering by what is typed is the editor's job;
 * every item's range covers the whole value under the cursor, partly typed word included.
 */
export function completionsAt(model: WorkspaceModel, path: string, offset: number, options: CompletionOptions = {}): CompletionItem[] {
  const file = model.byPath.get(path);
  if (!file) return [];
  const under = pathAt(file, offset);
  if (!under || under.on !== 'value') return [];
  const field = referenceFieldAt(file.kind, under.path);
  if (!field) return [];
  const typed = under.text.slice(0, Math.max(0, offset - under.start));
  const range = rangeAt(file.text, under.start, under.end);
  const ctx = contextOf(model, file.kind, file.data, under.path, field);
  const at = options.at ?? DateTime.now();
  const withDocs = options.documentation ?? true;

  const items: CompletionItem[] = [];
  if (field.accepts.form === 'scope' && !parseReference(typed).prefix) {
    items.push({
      label: 'global',
      insertText: 'global',
      detail: 'The whole support organisation',
      kind: 'keyword',
      range,
      sortText: '0-global',
    });
  }
  for (const c of candidates(model, field, typed)) {
    const id = c.entity.id;
    if (ctx.self && ctx.self.kind === c.kind && ctx.self.id === id) continue;
    if (ctx.siblings.has(id) || (c.kind === 'person' && ctx.excluded.has(id))) continue;
    let rank = 3;
    if (c.kind === 'person' && ctx.preferred.has(id)) rank = 1;
    else if (c.kind === 'person' && ctx.team && rec(c.entity.value).team === ctx.team) rank = 2;
    else if (c.kind === 'team' && ctx.team === id) rank = 2;
    const item: CompletionItem = {
      label: c.text,
      insertText: c.text,
      detail: `${summaryOf(c.kind, c.entity)} (${KIND_LABEL[c.kind]})`,
      kind: c.kind,
      range,
      sortText: `${rank}${KIND_ORDER[c.kind]}-${c.text}`,
    };
    if (withDocs) {
      const documentation = describeItem(model, c.kind, id, at);
      if (documentation) item.documentation = documentation;
    }
    items.push(item);
  }
  return items.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
}
