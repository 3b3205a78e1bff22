/**
 * Markdown about an item, for hovers and for the documentation of completion items. Text from
 * the workspace is escaped: a title with `*` or `<` shows as written, never as markup.
 */
import type { DateTime } from 'luxon';
import { cycleInterval } from '../compute/cycle';
import { currentValue } from '../compute/progress';
import { parseReference } from '../model/reference-fields';
import type { Entity, KeyResultEntity, ObjectiveEntity, WorkspaceModel } from '../model/workspace-model';
import { escapeMarkdown } from '../render/markdown-escape';
import { definitionsOf, KIND_LABEL, type DefinitionKind } from './entities';
import { formatPercent, keyResultFigures, objectiveFigures, STATUS_LABEL, type OkrFigures } from './okr-figures';
import { tierCapacity, tierChannelCapacity } from '../compute/tier-capacity';

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** Plain text from the workspace, escaped for Markdown. */
const md = (v: unknown): string => escapeMarkdown(typeof v === 'number' ? String(v) : v);
/** An id in a code span; ids cannot hold a backtick, but values being typed can. */
const code = (id: string): string => '`' + id.replace(/`/g, "'") + '`';
const fmt = (n: number): string => String(Number(n.toFixed(4)));
/** A value with its unit: `75%`, `4.2 EUR`, `480 seconds`. */
const withUnit = (n: number, unit: string | undefined): string =>
  unit === 'percent' ? `${fmt(n)}%` : unit ? `${fmt(n)} ${md(unit)}` : fmt(n);

/** `Inês Carvalho (`ines-carvalho`)`, or the id alone when it names nothing. */
function nameOf(
  model: WorkspaceModel,
  kind: 'person' | 'team' | 'vendor' | 'tier' | 'kpi' | 'objective',
  id: string | undefined,
): string | undefined {
  if (!id) return undefined;
  const entity = definitionsOf(model, kind, id)[0];
  const name = entity && (str(rec(entity.value).name) ?? str(rec(entity.value).title));
  return name ? `${md(name)} (${code(id)})` : `${code(id)}${entity ? '' : ' (not defined)'}`;
}

/** An owner as written: `team/frontline` → the team's name; a bare id → a person, else a team. */
function ownerName(model: WorkspaceModel, value: unknown): string | undefined {
  const written = str(value);
  if (!written) return undefined;
  const { prefix, id } = parseReference(written);
  if (prefix === 'team' || (!prefix && !model.people.has(id) && model.teams.has(id))) return `team ${nameOf(model, 'team', id)}`;
  return nameOf(model, 'person', id);
}

function header(kind: DefinitionKind, id: string, name: string | undefined): string {
  return `**${name ? md(name) : code(id)}** · ${KIND_LABEL[kind]} ${code(id)}`;
}

function facts(list: Array<[string, string | undefined]>): string {
  const lines = list.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `- ${k}: ${v}`);
  return lines.join('\n');
}

function join(...blocks: Array<string | undefined>): string {
  return blocks.filter((b) => b !== undefined && b !== '').join('\n\n');
}

function describePerson(model: WorkspaceModel, e: Entity<unknown>): string {
  const p = rec(e.value);
  const reports = model.people.all.filter((o) => rec(o.value).manager === e.id).length;
  return join(
    header('person', e.id, str(p.name)),
    str(p.role) && `_${md(p.role)}_`,
    facts([
      ['Team', nameOf(model, 'team', str(p.team))],
      ['Manager', nameOf(model, 'person', str(p.manager))],
      ['Direct reports', reports > 0 ? String(reports) : undefined],
      ['Employment', str(p.employment) && md(p.employment) + (str(p.vendor) ? ` at ${nameOf(model, 'vendor', str(p.vendor))}` : '')],
      ['Location', str(p.location) && md(p.location)],
      ['Email', str(p.email) && md(p.email)],
    ]),
  );
}

function describeTeam(model: WorkspaceModel, e: Entity<unknown>): string {
  const t = rec(e.value);
  const members = model.people.all.filter((p) => rec(p.value).team === e.id).length;
  const children = model.teams.all.filter((c) => rec(c.value).parent === e.id).map((c) => nameOf(model, 'team', c.id));
  return join(
    header('team', e.id, str(t.name)),
    facts([
      ['Lead', nameOf(model, 'person', str(t.lead))],
      ['Parent', nameOf(model, 'team', str(t.parent))],
      ['People', String(members)],
      ['Sub-teams', children.length > 0 ? children.join(', ') : undefined],
    ]),
  );
}

function describeVendor(model: WorkspaceModel, e: Entity<unknown>): string {
  const v = rec(e.value);
  const sites = Array.isArray(v.sites) ? v.sites.filter((s): s is string => typeof s === 'string').map(md) : [];
  const people = model.people.all.filter((p) => rec(p.value).vendor === e.id).length;
  const tiers = model.tiers.all.filter((t) => rec(rec(t.value).staffing).vendor === e.id).map((t) => nameOf(model, 'tier', t.id));
  return join(
    header('vendor', e.id, str(v.name)),
    facts([
      ['Sites', sites.length > 0 ? sites.join('; ') : undefined],
      ['Staffs', tiers.length > 0 ? tiers.join(', ') : undefined],
      ['People listed', people > 0 ? String(people) : undefined],
    ]),
    str(v.contract) && md(v.contract),
  );
}

/** Targets in force at `at`; when none is, those of the latest period. */
function currentTargets(model: WorkspaceModel, targets: Obj[], at: DateTime): Obj[] {
  const withInterval = targets.map((t) => ({ t, interval: cycleInterval(t.period, model.timezone) }));
  const now = withInterval.filter((x) => x.interval?.contains(at));
  if (now.length > 0) {
    // The narrowest period wins per scope: a Q1 target is more current than the H1 one in March.
    const byScope = new Map<string, { t: Obj; length: number }>();
    for (const { t, interval } of now) {
      const scope = str(t.scope) ?? 'global';
      const length = interval!.length('days');
      const seen = byScope.get(scope);
      if (!seen || length < seen.length) byScope.set(scope, { t, length });
    }
    return [...byScope.values()].map((x) => x.t);
  }
  const latest = Math.max(...withInterval.map((x) => x.interval?.start?.toMillis() ?? -Infinity));
  return withInterval.filter((x) => (x.interval?.start?.toMillis() ?? -Infinity) === latest).map((x) => x.t);
}

function describeKpi(model: WorkspaceModel, e: Entity<unknown>, at: DateTime): string {
  const k = rec(e.value);
  const unit = str(k.unit);
  const direction =
    k.direction === 'higher_is_better'
      ? 'higher is better'
      : k.direction === 'lower_is_better'
        ? 'lower is better'
        : k.direction === 'within_band'
          ? 'within a band'
          : undefined;
  const targets = Array.isArray(k.targets) ? k.targets.map(rec).filter((t) => num(t.target) !== undefined) : [];
  const current = targets.length > 0 ? currentTargets(model, targets, at) : [];
  const lines = current.map((t) => {
    const value = withUnit(num(t.target)!, unit);
    const warn = num(t.warn) !== undefined ? `, amber at ${withUnit(num(t.warn)!, unit)}` : '';
    return `- ${md(str(t.scope) ?? 'global')}, ${md(str(t.period) ?? '')}: **${value}**${warn}`;
  });
  return join(
    header('kpi', e.id, str(k.name)),
    facts([
      ['Unit', unit && md(unit)],
      ['Direction', direction],
      ['Owner', ownerName(model, k.owner)],
    ]),
    lines.length > 0 ? `Current targets:\n${lines.join('\n')}` : 'No targets set',
    str(k.definition) && md(k.definition),
  );
}

function figureFacts(f: OkrFigures): Array<[string, string | undefined]> {
  return [
    ['Progress', f.progress === undefined ? 'unknown' : formatPercent(f.progress)],
    ['Score', f.score === undefined ? undefined : f.score.toFixed(2)],
    ['Status', f.status && STATUS_LABEL[f.status]],
  ];
}

function describeObjective(model: WorkspaceModel, e: ObjectiveEntity, at: DateTime): string {
  const o = rec(e.value);
  const krs = Array.isArray(o.key_results) ? o.key_results.length : 0;
  return join(
    header('objective', e.id, str(o.title)),
    facts([
      ['Owner', ownerName(model, e.set?.owner)],
      ['Cycle', str(e.set?.cycle) && md(e.set.cycle)],
      ...figureFacts(objectiveFigures(model, e, at)),
      ['Key results', String(krs)],
      ['Aligns to', nameOf(model, 'objective', str(o.aligns_to))],
    ]),
  );
}

function describeKeyResult(model: WorkspaceModel, e: KeyResultEntity, at: DateTime): string {
  const k = rec(e.value);
  const unit = str(k.unit);
  const current = currentValue(k);
  const metric =
    k.type === 'metric' && num(k.start) !== undefined && num(k.target) !== undefined
      ? `${withUnit(num(k.start)!, unit)} → ${withUnit(num(k.target)!, unit)}${current !== undefined ? `, now ${withUnit(current, unit)}` : ''}`
      : undefined;
  return join(
    header('key_result', e.id, str(k.title)),
    facts([
      ['Objective', nameOf(model, 'objective', e.objective.id)],
      ['Type', str(k.type) && md(k.type)],
      ['Metric', metric],
      ['Due', str(k.due) && md(k.due)],
      ['Owner', ownerName(model, k.owner ?? e.objective.set?.owner)],
      ...figureFacts(keyResultFigures(model, e, at)),
      ['KPI', nameOf(model, 'kpi', str(k.kpi))],
    ]),
  );
}

function describeTier(model: WorkspaceModel, e: Entity<unknown>): string {
  const t = rec(e.value);
  const s = rec(t.staffing);
  const sla = rec(t.sla);
  const sl = rec(sla.service_level);
  const staffing = [
    str(s.model) && md(s.model),
    str(s.vendor) && `by ${nameOf(model, 'vendor', str(s.vendor))}`,
    num(s.headcount) !== undefined && `${s.headcount} headcount`,
    num(s.peak_agents) !== undefined && `${s.peak_agents} agents at peak`,
    num(s.shrinkage) !== undefined && `${formatPercent(s.shrinkage as number)} shrinkage`,
  ].filter(Boolean);
  const slText = num(sl.target) !== undefined ? `${formatPercent(sl.target as number)} within ${md(str(sl.within) ?? '?')}` : undefined;
  const capacity = tierCapacity(t);
  const byChannel = tierChannelCapacity(t, model.timezone);
  let verdict: string | undefined;
  if (byChannel && byChannel.needed !== undefined) {
    const parts = byChannel.channels.map((c) => `${c.channel} ${c.needed}`).join(', ');
    verdict = byChannel.ok
      ? `✅ Capacity: ${byChannel.available} agents available cover the ${byChannel.needed} needed at the forecast peak (${parts})`
      : `⚠️ Capacity: ${byChannel.available} agents available, ${byChannel.needed} needed at the forecast peak (${parts})`;
  } else if (capacity) {
    const reach = `${capacity.available} agents available answer ${formatPercent(capacity.achieved)} within ${md(capacity.within)} at the forecast peak`;
    verdict = capacity.ok
      ? `✅ Capacity: ${reach}, meeting the ${formatPercent(capacity.target)} target`
      : `⚠️ Capacity: ${reach}, short of the ${formatPercent(capacity.target)} target; ${capacity.needed ?? 'more'} agents are needed (Erlang C)`;
  }
  const escalates = Array.isArray(t.escalates_to)
    ? t.escalates_to.map((x) => str(rec(x).tier)).filter((x): x is string => x !== undefined)
    : [];
  return join(
    header('tier', e.id, str(t.name)),
    facts([
      ['Level', num(t.level) !== undefined ? String(t.level) : undefined],
      ['Staffing', staffing.length > 0 ? staffing.join(', ') : undefined],
      ['Coverage', str(s.coverage) && md(s.coverage)],
      ['First response', str(sla.first_response) && md(sla.first_response)],
      ['Resolution', str(sla.resolution) && md(sla.resolution)],
      ['Service level', slText],
      ['Escalates to', escalates.length > 0 ? [...new Set(escalates)].map((id) => nameOf(model, 'tier', id)).join(', ') : undefined],
    ]),
    verdict,
  );
}

function describeReview(e: Entity<unknown>): string {
  const r = rec(e.value);
  const period = rec(r.period);
  const stages = Array.isArray(r.stages)
    ? r.stages.map(rec).map((s) => `${md(str(s.name) ?? str(s.id) ?? '')} (${md(str(s.due) ?? '?')})`)
    : [];
  return join(
    header('review', e.id, str(r.name)),
    facts([
      ['Type', str(r.type) && md(r.type)],
      ['Period', str(period.start) && `${md(period.start)} to ${md(str(period.end) ?? '?')}`],
      ['Stages', stages.length > 0 ? stages.join(', ') : undefined],
    ]),
  );
}

function describeRetrospective(e: Entity<unknown>): string {
  const r = rec(e.value);
  const participants = Array.isArray(r.participants) ? r.participants.length : 0;
  return join(
    header('retrospective', e.id, undefined),
    facts([
      ['Cycle', str(r.cycle) && md(r.cycle)],
      ['Date', str(r.date) && md(r.date)],
      ['Participants', participants > 0 ? String(participants) : undefined],
    ]),
  );
}

/** Markdown about the item `kind` `id` (its first definition), or `undefined` when none is defined. */
export function describeItem(model: WorkspaceModel, kind: DefinitionKind, id: string, at: DateTime): string | undefined {
  const entity = definitionsOf(model, kind, id)[0];
  if (!entity) return undefined;
  switch (kind) {
    case 'person':
      return describePerson(model, entity);
    case 'team':
      return describeTeam(model, entity);
    case 'vendor':
      return describeVendor(model, entity);
    case 'kpi':
      return describeKpi(model, entity, at);
    case 'objective':
      return describeObjective(model, entity as ObjectiveEntity, at);
    case 'key_result':
      return describeKeyResult(model, entity as KeyResultEntity, at);
    case 'tier':
      return describeTier(model, entity);
    case 'review':
      return describeReview(entity);
    case 'retrospective':
      return describeRetrospective(entity);
  }
}

/** A one-line summary for a completion item's detail: the name and, for a person, the role. */
export function summaryOf(kind: DefinitionKind, entity: Entity<unknown>): string {
  const v = rec(entity.value);
  const name = str(v.name) ?? str(v.title) ?? entity.id;
  switch (kind) {
    case 'person':
      return [name, str(v.role)].filter(Boolean).join(' · ');
    case 'objective': {
      const cycle = str((entity as ObjectiveEntity).set?.cycle);
      return cycle ? `${name} · ${cycle}` : name;
    }
    case 'kpi':
      return [name, str(v.unit)].filter(Boolean).join(' · ');
    case 'tier':
      return num(v.level) !== undefined ? `${name} · level ${v.level}` : name;
    default:
      return name;
  }
}
