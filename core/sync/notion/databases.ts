import type { SyncKind } from './types';

/** Property types okra uses in its databases. */
export type PropertyKind = 'title' | 'rich_text' | 'number' | 'select' | 'multi_select' | 'date' | 'people' | 'checkbox' | 'relation';

/** Colours Notion accepts for select options. */
export type OptionColor = 'default' | 'gray' | 'brown' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'red';

/** One column of an okra database. */
export interface PropertySpec {
  name: string;
  type: PropertyKind;
  /** Number format (`percent` shows 0.42 as 42 %). */
  format?: 'number' | 'percent';
  /** Select options okra creates up front, with their colours; other names are added by Notion on write. */
  options?: ReadonlyArray<{ name: string; color: OptionColor }>;
  /** Relation target. */
  target?: SyncKind;
  /**
   * For a two-way relation, the name of the property Notion adds on the target database
   * (`Key results` on Objectives). okra never writes that side: Notion mirrors it.
   */
  dual?: string;
  /** Short help shown in Notion's column header. */
  description?: string;
}

/** A database okra creates and keeps in step. */
export interface DatabaseSpec {
  kind: SyncKind;
  title: string;
  icon: string;
  /** Written into the database description; also how a lost state file finds the database again. */
  marker: string;
  properties: readonly PropertySpec[];
}

/** The title column's name in every database. */
export const TITLE = 'Name';
/** The okra id of a row (rich text): how okra finds its rows again without a state file. */
export const OKRA_ID = 'okra id';
/** The hash of what okra last wrote into a row (rich text): how it skips unchanged rows and spots edits. */
export const OKRA_HASH = 'okra hash';

/**
 * Columns whose edits in Notion `okra sync --pull` brings back into the YAML (as check-ins);
 * every other column is YAML-owned. okra remembers what it last wrote into these (the state's
 * `values`), so an edit can be told apart from a change in the YAML field by field.
 */
export const PULLED: Partial<Record<SyncKind, readonly string[]>> = { keyResults: ['Current', 'Confidence', 'Done'] };

const STATUS_OPTIONS = [
  { name: 'On track', color: 'green' },
  { name: 'At risk', color: 'yellow' },
  { name: 'Off track', color: 'red' },
] as const;

const common = (title: string): PropertySpec[] => [
  { name: TITLE, type: 'title', description: title },
  { name: OKRA_ID, type: 'rich_text', description: 'Set by okra: the id in the YAML. Do not edit.' },
  { name: OKRA_HASH, type: 'rich_text', description: 'Set by okra: what it last wrote. Do not edit.' },
];

const owner: PropertySpec[] = [
  { name: 'Owner', type: 'rich_text' },
  { name: 'Owner user', type: 'people', description: 'The owner, when they are a person with a Notion account (matched by email).' },
];

/**
 * The five databases. Relations: KR → Objective (two-way: Objectives get `Key results`),
 * KR → KPI (two-way: KPIs get `Key results`), Objective → aligned Objective and Tier →
 * escalation Tier (one-way, self relations). Every relation is written from the side that
 * holds one or few targets, so no request carries more than 100 relation items however many
 * key results an objective has: Notion fills in the other side.
 */
export const DATABASES: Record<SyncKind, DatabaseSpec> = {
  objectives: {
    kind: 'objectives',
    title: 'Objectives',
    icon: '🎯',
    marker: 'okra:objectives',
    properties: [
      ...common('The objective'),
      { name: 'Description', type: 'rich_text' },
      { name: 'Cycle', type: 'select' },
      ...owner,
      { name: 'Progress', type: 'number', format: 'percent', description: 'Weighted mean of the key results’ progress.' },
      { name: 'Score', type: 'number', format: 'number', description: '0.0–1.0' },
      { name: 'Status', type: 'select', options: STATUS_OPTIONS },
      { name: 'Aligns to', type: 'relation', target: 'objectives' },
      { name: 'File', type: 'rich_text' },
    ],
  },
  keyResults: {
    kind: 'keyResults',
    title: 'Key Results',
    icon: '📈',
    marker: 'okra:key-results',
    properties: [
      ...common('The key result'),
      { name: 'Objective', type: 'relation', target: 'objectives', dual: 'Key results' },
      { name: 'KPI', type: 'relation', target: 'kpis', dual: 'Key results' },
      {
        name: 'Type',
        type: 'select',
        options: [
          { name: 'Metric', color: 'blue' },
          { name: 'Milestone', color: 'purple' },
          { name: 'Boolean', color: 'gray' },
        ],
      },
      { name: 'Cycle', type: 'select' },
      ...owner,
      { name: 'Progress', type: 'number', format: 'percent' },
      { name: 'Status', type: 'select', options: STATUS_OPTIONS },
      { name: 'Confidence', type: 'number', format: 'percent' },
      { name: 'Weight', type: 'number', format: 'percent' },
      { name: 'Unit', type: 'rich_text' },
      { name: 'Start', type: 'number', format: 'number' },
      { name: 'Target', type: 'number', format: 'number' },
      { name: 'Current', type: 'number', format: 'number' },
      { name: 'Due', type: 'date' },
      { name: 'Done', type: 'checkbox' },
    ],
  },
  kpis: {
    kind: 'kpis',
    title: 'KPIs',
    icon: '📊',
    marker: 'okra:kpis',
    properties: [
      ...common('The KPI'),
      { name: 'Definition', type: 'rich_text' },
      { name: 'Unit', type: 'select' },
      {
        name: 'Direction',
        type: 'select',
        options: [
          { name: 'Higher is better', color: 'green' },
          { name: 'Lower is better', color: 'blue' },
        ],
      },
      ...owner,
      { name: 'Period', type: 'select', description: 'The period of the global target shown.' },
      { name: 'Target', type: 'number', format: 'number' },
      { name: 'Warn', type: 'number', format: 'number' },
      { name: 'Actual', type: 'number', format: 'number' },
      { name: 'Attainment', type: 'number', format: 'percent' },
      {
        name: 'RAG',
        type: 'select',
        options: [
          { name: 'Green', color: 'green' },
          { name: 'Amber', color: 'yellow' },
          { name: 'Red', color: 'red' },
        ],
      },
      { name: 'Targets', type: 'rich_text', description: 'Every target: scope, period, target (warn).' },
    ],
  },
  tiers: {
    kind: 'tiers',
    title: 'Tiers',
    icon: '🏢',
    marker: 'okra:tiers',
    properties: [
      ...common('The tier'),
      { name: 'Level', type: 'number', format: 'number' },
      {
        name: 'Staffing',
        type: 'select',
        options: [
          { name: 'In house', color: 'blue' },
          { name: 'BPO', color: 'orange' },
          { name: 'Mixed', color: 'purple' },
        ],
      },
      { name: 'Vendor', type: 'rich_text' },
      { name: 'Headcount', type: 'number', format: 'number' },
      { name: 'Peak agents', type: 'number', format: 'number' },
      { name: 'Shrinkage', type: 'number', format: 'percent' },
      { name: 'Channels', type: 'multi_select' },
      { name: 'Skills', type: 'multi_select' },
      { name: 'Languages', type: 'multi_select' },
      { name: 'Coverage', type: 'rich_text' },
      { name: 'First response', type: 'rich_text' },
      { name: 'Resolution', type: 'rich_text' },
      { name: 'Service level', type: 'rich_text' },
      { name: 'Escalates to', type: 'relation', target: 'tiers' },
      { name: 'Escalation when', type: 'multi_select' },
    ],
  },
  calendar: {
    kind: 'calendar',
    title: 'Calendar',
    icon: '📅',
    marker: 'okra:calendar',
    properties: [
      ...common('The event'),
      {
        name: 'Type',
        type: 'select',
        options: [
          { name: '1:1', color: 'blue' },
          { name: 'Review stage', color: 'orange' },
          { name: 'Retrospective', color: 'purple' },
        ],
      },
      { name: 'Date', type: 'date' },
      { name: 'Attendees', type: 'people', description: 'People with a Notion account (matched by email).' },
      { name: 'Attendee names', type: 'rich_text' },
      { name: 'Series', type: 'rich_text' },
    ],
  },
};

/** The spec of one property of a kind. */
export function propertySpec(kind: SyncKind, name: string): PropertySpec | undefined {
  return DATABASES[kind].properties.find((p) => p.name === name);
}

/** Request-form schema config of one property (without relations' target ids, which the caller adds). */
export function schemaConfig(spec: PropertySpec, dataSourceIds: Partial<Record<SyncKind, string>>): Record<string, unknown> | undefined {
  const description = spec.description ? { description: spec.description } : {};
  switch (spec.type) {
    case 'number':
      return { ...description, number: { format: spec.format ?? 'number' } };
    case 'select':
    case 'multi_select':
      return { ...description, [spec.type]: { options: (spec.options ?? []).map((o) => ({ name: o.name, color: o.color })) } };
    case 'relation': {
      const target = spec.target ? dataSourceIds[spec.target] : undefined;
      if (!target) return undefined;
      return {
        ...description,
        relation: spec.dual
          ? { data_source_id: target, type: 'dual_property', dual_property: { synced_property_name: spec.dual } }
          : { data_source_id: target, type: 'single_property', single_property: {} },
      };
    }
    default:
      return { ...description, [spec.type]: {} };
  }
}
