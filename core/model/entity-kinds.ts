/**
 * The one table of the kinds of item that have an id: where each is defined, which model index
 * holds it and what it is called. The model, the reference fields, the language service, the
 * workspace outline and `id/duplicate` all read it, so a new kind is one row here.
 */
import type { EntityIndex, WorkspaceModel } from './workspace-model';

/** Kinds of item with an id. */
export type EntityKind = 'team' | 'person' | 'vendor' | 'objective' | 'key_result' | 'kpi' | 'tier' | 'review' | 'retrospective';

/** Model indexes that hold items with ids. */
export type EntityIndexKey = 'teams' | 'people' | 'vendors' | 'objectives' | 'keyResults' | 'kpis' | 'tiers' | 'reviews' | 'retrospectives';

export interface EntityKindInfo {
  kind: EntityKind;
  /** The kind in words, for messages and hovers (`key result`). */
  label: string;
  /** The kind of file that defines the items. */
  fileKind: 'Org' | 'Objectives' | 'KpiTargets' | 'TierStructure' | 'ReviewCycles';
  /** Where the items are in such a file: keys, and `*` for any index of a list. */
  pattern: readonly string[];
  /** The model's index of the items. */
  index: EntityIndexKey;
  /** Whether other items name these by id (each such kind has a `ref/unknown-<kind>` rule). */
  referable: boolean;
}

export const ENTITY_KINDS: readonly EntityKindInfo[] = [
  { kind: 'team', label: 'team', fileKind: 'Org', pattern: ['teams', '*'], index: 'teams', referable: true },
  { kind: 'person', label: 'person', fileKind: 'Org', pattern: ['people', '*'], index: 'people', referable: true },
  { kind: 'vendor', label: 'vendor', fileKind: 'Org', pattern: ['vendors', '*'], index: 'vendors', referable: true },
  { kind: 'objective', label: 'objective', fileKind: 'Objectives', pattern: ['objectives', '*'], index: 'objectives', referable: true },
  {
    kind: 'key_result',
    label: 'key result',
    fileKind: 'Objectives',
    pattern: ['objectives', '*', 'key_results', '*'],
    index: 'keyResults',
    referable: false,
  },
  { kind: 'kpi', label: 'KPI', fileKind: 'KpiTargets', pattern: ['kpis', '*'], index: 'kpis', referable: true },
  { kind: 'tier', label: 'tier', fileKind: 'TierStructure', pattern: ['tiers', '*'], index: 'tiers', referable: true },
  { kind: 'review', label: 'review', fileKind: 'ReviewCycles', pattern: ['reviews', '*'], index: 'reviews', referable: false },
  {
    kind: 'retrospective',
    label: 'retrospective',
    fileKind: 'ReviewCycles',
    pattern: ['retrospectives', '*'],
    index: 'retrospectives',
    referable: false,
  },
];

const BY_KIND = new Map(ENTITY_KINDS.map((info) => [info.kind, info]));

/** The table's row of a kind. */
export function entityKind(kind: EntityKind): EntityKindInfo {
  return BY_KIND.get(kind)!;
}

/** The model's index of a kind of item. */
export function entityIndex(model: WorkspaceModel, kind: EntityKind): EntityIndex<unknown> {
  return model[entityKind(kind).index] as EntityIndex<unknown>;
}

/** The kind in words with a capital, for the start of a message (`Key result`). */
export function capitalLabel(kind: EntityKind): string {
  const { label } = entityKind(kind);
  return label.charAt(0).toUpperCase() + label.slice(1);
}
