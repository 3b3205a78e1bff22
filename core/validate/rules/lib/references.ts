import type { DataPath } from '../../../diagnostics';
import type { EntityIndex, WorkspaceModel } from '../../../model/workspace-model';
import type { Location, Report } from '../../../plugins/define-rule';
import { didYouMean } from '../../../util/did-you-mean';
import { obj, records, str, strings } from './fields';

/** The kinds of thing a reference can name; each has its own `ref/unknown-<kind>` rule. */
export type RefKind = 'person' | 'team' | 'kpi' | 'objective' | 'tier' | 'vendor';

/**
 * What a field accepts.
 * - `one`: a bare id of one kind (`person/<id>` and the like are accepted too);
 * - `owner`: `person/<id>` or `team/<id>`; a bare id may name either;
 * - `member`: a person, or `team/<id>` (1:1 reports, participants);
 * - `scope`: `global`, or the id of a team, a tier or a vendor.
 */
type Accepts = { form: 'one'; kind: RefKind } | { form: 'owner' } | { form: 'member' } | { form: 'scope' };

/** A reference that names nothing defined. */
export interface UnknownReference {
  /** The rule it belongs to: the kind it names, or for an ambiguous bare id the kind of the best suggestion. */
  kind: RefKind;
  /** True when the field accepts several kinds and the value did not say which. */
  ambiguous: boolean;
  /** The value as written. */
  value: string;
  /** The id without its `team/`-style prefix. */
  id: string;
  /** What the field is, for the message: `Owner of key result "cut-cpc"`. */
  subject: string;
  /** For ambiguous values: what is wrong with it, for the message (`is not the id of any …`). */
  problem: string;
  /** The value to write instead, with the prefix it had, when one is close enough. */
  suggestion?: string;
  at: Location;
}

const PREFIXED = /^(person|team|tier|vendor|kpi|objective)\/(.+)$/;

const EXPECTED = {
  owner: 'is not the id of any person or team in this workspace',
  member: 'is not the id of any person or team in this workspace',
  scope: 'is neither "global" nor the id of any team, tier or vendor in this workspace',
} as const;

function indexOf(model: WorkspaceModel, kind: RefKind): EntityIndex<unknown> {
  switch (kind) {
    case 'person':
      return model.people;
    case 'team':
      return model.teams;
    case 'kpi':
      return model.kpis;
    case 'objective':
      return model.objectives;
    case 'tier':
      return model.tiers;
    case 'vendor':
      return model.vendors;
  }
}

function acceptedKinds(accepts: Accepts): RefKind[] {
  switch (accepts.form) {
    case 'one':
      return [accepts.kind];
    case 'owner':
    case 'member':
      return ['person', 'team'];
    case 'scope':
      return ['team', 'tier', 'vendor'];
  }
}

/** Resolves one value; returns the problem, or `undefined` when it names something (or is not ours to judge). */
function resolve(model: WorkspaceModel, value: string, accepts: Accepts, subject: string, at: Location): UnknownReference | undefined {
  const kinds = acceptedKinds(accepts);
  const prefixed = PREFIXED.exec(value);
  if (prefixed) {
    const kind = prefixed[1] as RefKind;
    // A prefix the field does not accept is a format error: the schema reports it.
    if (!kinds.includes(kind)) return undefined;
    const id = prefixed[2];
    if (indexOf(model, kind).has(id)) return undefined;
    const match = didYouMean(id, indexOf(model, kind).ids());
    return { kind, ambiguous: false, value, id, subject, problem: '', suggestion: match && `${kind}/${match}`, at };
  }
  if (accepts.form === 'scope' && value === 'global') return undefined;
  if (accepts.form === 'one' || accepts.form === 'member') {
    const kind: RefKind = accepts.form === 'one' ? accepts.kind : 'person';
    if (indexOf(model, kind).has(value)) return undefined;
    const match = didYouMean(value, indexOf(model, kind).ids());
    return { kind, ambiguous: false, value, id: value, subject, problem: '', suggestion: match, at };
  }
  if (kinds.some((kind) => indexOf(model, kind).has(value))) return undefined;
  // A bare id that may name several kinds: suggest the closest id of any of them and file the
  // problem under that kind's rule, so exactly one rule reports it.
  const candidates = new Map<string, RefKind>();
  for (const kind of kinds) for (const id of indexOf(model, kind).ids()) if (!candidates.has(id)) candidates.set(id, kind);
  if (accepts.form === 'scope') candidates.set('global', 'team');
  const match = didYouMean(value, candidates.keys());
  const kind = match === undefined ? kinds[0] : candidates.get(match)!;
  return { kind, ambiguous: true, value, id: value, subject, problem: EXPECTED[accepts.form], suggestion: match, at };
}

const cache = new WeakMap<WorkspaceModel, UnknownReference[]>();

/**
 * Every reference in the workspace that names nothing defined, computed once per model and
 * shared by the six `ref/unknown-*` rules.
 */
export function unknownReferences(model: WorkspaceModel): UnknownReference[] {
  let found = cache.get(model);
  if (!found) {
    found = collect(model);
    cache.set(model, found);
  }
  return found;
}

function collect(model: WorkspaceModel): UnknownReference[] {
  const found: UnknownReference[] = [];
  const check = (value: unknown, accepts: Accepts, subject: string, file: string, path: DataPath) => {
    const text = str(value);
    if (text === undefined) return;
    const problem = resolve(model, text, accepts, subject, { file, path });
    if (problem) found.push(problem);
  };
  const person = { form: 'one', kind: 'person' } as const;
  const team = { form: 'one', kind: 'team' } as const;
  const owner = { form: 'owner' } as const;
  const member = { form: 'member' } as const;

  for (const { value, file, path, id } of model.teams.all) {
    const t = obj(value);
    check(t.lead, person, `Lead of team "${id}"`, file, [...path, 'lead']);
    check(t.parent, team, `Parent of team "${id}"`, file, [...path, 'parent']);
  }
  for (const { value, file, path, id } of model.people.all) {
    const p = obj(value);
    check(p.team, team, `Team of "${id}"`, file, [...path, 'team']);
    check(p.manager, person, `Manager of "${id}"`, file, [...path, 'manager']);
    check(p.vendor, { form: 'one', kind: 'vendor' }, `Vendor of "${id}"`, file, [...path, 'vendor']);
  }
  for (const { value, file } of model.objectiveSets) {
    const set = obj(value);
    const cycle = str(set.cycle);
    check(set.owner, owner, cycle ? `Owner of the ${cycle} objectives` : 'Owner of these objectives', file, ['owner']);
  }
  for (const { value, file, path, id } of model.objectives.all) {
    check(obj(value).aligns_to, { form: 'one', kind: 'objective' }, `Alignment of objective "${id}"`, file, [...path, 'aligns_to']);
  }
  for (const { value, file, path, id } of model.keyResults.all) {
    const kr = obj(value);
    check(kr.owner, owner, `Owner of key result "${id}"`, file, [...path, 'owner']);
    check(kr.kpi, { form: 'one', kind: 'kpi' }, `KPI of key result "${id}"`, file, [...path, 'kpi']);
    for (const [checkIn, k] of records(kr.check_ins)) {
      const date = str(checkIn.date) ?? `#${k + 1}`;
      check(checkIn.by, person, `Author of the ${date} check-in on key result "${id}"`, file, [...path, 'check_ins', k, 'by']);
    }
  }
  for (const { value, file, path, id } of model.kpis.all) {
    const kpi = obj(value);
    check(kpi.owner, owner, `Owner of KPI "${id}"`, file, [...path, 'owner']);
    for (const [target, j] of records(kpi.targets)) {
      const period = str(target.period);
      check(target.scope, { form: 'scope' }, `Scope of the ${period ? `${period} ` : ''}target of KPI "${id}"`, file, [...path, 'targets', j, 'scope']);
    }
    for (const [actual, j] of records(kpi.actuals)) {
      const period = str(actual.period);
      check(actual.scope, { form: 'scope' }, `Scope of the ${period ? `${period} ` : ''}actual of KPI "${id}"`, file, [...path, 'actuals', j, 'scope']);
    }
  }
  for (const { value, file, path, id } of model.tiers.all) {
    const tier = obj(value);
    check(obj(tier.staffing).vendor, { form: 'one', kind: 'vendor' }, `Staffing vendor of tier "${id}"`, file, [...path, 'staffing', 'vendor']);
    for (const [escalation, j] of records(tier.escalates_to)) {
      check(escalation.tier, { form: 'one', kind: 'tier' }, `Escalation from tier "${id}"`, file, [...path, 'escalates_to', j, 'tier']);
    }
  }
  for (const { value, file, path } of model.oneOnOnes) {
    const meeting = obj(value);
    const manager = str(meeting.manager);
    check(meeting.manager, person, 'Manager of a 1:1', file, [...path, 'manager']);
    for (const [report, j] of strings(meeting.reports)) {
      check(report, member, manager ? `1:1 reports of "${manager}"` : 'Reports of a 1:1', file, [...path, 'reports', j]);
    }
  }
  for (const { value, file, path, id } of model.reviews.all) {
    for (const [participant, j] of strings(obj(value).participants)) {
      check(participant, member, `Participants of review "${id}"`, file, [...path, 'participants', j]);
    }
  }
  for (const { value, file, path, id } of model.retrospectives.all) {
    for (const [participant, j] of strings(obj(value).participants)) {
      check(participant, member, `Participants of retrospective "${id}"`, file, [...path, 'participants', j]);
    }
  }
  return found;
}

/**
 * Messages of the `ref/unknown-*` rules; `what` is the kind in words, `where` the kind of file.
 * `unknownAny` is for a bare id in a field that accepts several kinds; only the person, team,
 * tier and vendor rules can receive one, so only they declare it.
 */
export function referenceMessages(what: string, where: string): { unknown: string };
export function referenceMessages(what: string, where: string, ambiguous: true): { unknown: string; unknownAny: string };
export function referenceMessages(what: string, where: string, ambiguous = false): { unknown: string; unknownAny?: string } {
  const unknown = `{{subject}}: ${what} "{{id}}" is not defined in any ${where} file{{hint}}`;
  return ambiguous ? { unknown, unknownAny: '{{subject}}: "{{id}}" {{problem}}{{hint}}' } : { unknown };
}

/**
 * Reports every unknown reference of `kind`, with "did you mean" and a fix when there is a
 * close id. `M` is the rule's message names: `unknownAny` is only used for kinds that declare it.
 */
export function reportUnknown<M extends 'unknown' | 'unknownAny'>(model: WorkspaceModel, kind: RefKind, report: (r: Report<M>) => void): void {
  for (const ref of unknownReferences(model)) {
    if (ref.kind !== kind) continue;
    const r: Report<M> = {
      message: (ref.ambiguous ? 'unknownAny' : 'unknown') as M,
      data: { subject: ref.subject, id: ref.id, problem: ref.problem, hint: ref.suggestion ? `; did you mean "${ref.suggestion}"?` : '' },
      at: ref.at,
    };
    if (ref.suggestion) r.fix = { title: `Replace with "${ref.suggestion}"`, edits: [{ at: ref.at, newText: ref.suggestion }] };
    report(r);
  }
}
