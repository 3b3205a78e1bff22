/**
 * The OKR tree of the workspace (cycle → owner → objective → key result) and the CodeLenses
 * above each objective and key result of a file, with progress, status and score.
 */
import type { DateTime } from 'luxon';
import type { Status } from '../compute/status';
import type { Range } from '../diagnostics';
import { parseReference } from '../model/reference-fields';
import type { KeyResultEntity, ObjectiveEntity, WorkspaceModel } from '../model/workspace-model';
import { idLocation, itemSpan, type TextLocation } from './entities';
import { figuresLine, keyResultFigures, objectiveFigures, STATUS_LABEL, type OkrFigures } from './okr-figures';
import { rangeAt } from './position';

export type OkrNodeType = 'cycle' | 'owner' | 'objective' | 'key_result';

export interface OkrNode {
  type: OkrNodeType;
  /** Stable within a tree: `cycle:2026-H1`, `owner:2026-H1:team/frontline`, `objective:fl-fcr`, `key_result:fl-fcr`. */
  key: string;
  label: string;
  /** Shown beside the label: `62% · on track · score 0.6` (the number of objectives for cycles and owners). */
  description: string;
  /** Progress 0..1 (mean of the children's for cycles and owners). */
  progress?: number;
  score?: number;
  status?: Status;
  /** Where to go when the node is opened: the item's `id:` (an owner's first objectives file). */
  location?: TextLocation;
  children: OkrNode[];
}

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** An owner as people read it: the team's or the person's name. */
function ownerLabel(model: WorkspaceModel, owner: string | undefined): string {
  if (!owner) return '(no owner)';
  const { prefix, id } = parseReference(owner);
  const kind = prefix ?? (model.people.has(id) ? 'person' : model.teams.has(id) ? 'team' : undefined);
  const entity = kind === 'team' ? model.teams.get(id) : kind === 'person' ? model.people.get(id) : undefined;
  return str(rec(entity?.value).name) ?? owner;
}

function figuresOf(f: OkrFigures): Pick<OkrNode, 'description' | 'progress' | 'score' | 'status'> {
  const node: Pick<OkrNode, 'description' | 'progress' | 'score' | 'status'> = { description: figuresLine(f) };
  if (f.progress !== undefined) node.progress = f.progress;
  if (f.score !== undefined) node.score = f.score;
  if (f.status !== undefined) node.status = f.status;
  return node;
}

function keyResultNode(model: WorkspaceModel, kr: KeyResultEntity, at: DateTime): OkrNode {
  const node: OkrNode = {
    type: 'key_result',
    key: `key_result:${kr.id}`,
    label: str(kr.value.title) ?? kr.id,
    ...figuresOf(keyResultFigures(model, kr, at)),
    children: [],
  };
  const location = idLocation(model, kr);
  if (location) node.location = location;
  return node;
}

function objectiveNode(model: WorkspaceModel, objective: ObjectiveEntity, krs: readonly KeyResultEntity[], at: DateTime): OkrNode {
  const node: OkrNode = {
    type: 'objective',
    key: `objective:${objective.id}`,
    label: str(objective.value.title) ?? objective.id,
    ...figuresOf(objectiveFigures(model, objective, at)),
    children: krs.map((kr) => keyResultNode(model, kr, at)),
  };
  const location = idLocation(model, objective);
  if (location) node.location = location;
  return node;
}

/** The mean progress of nodes that have one, for a group's own figure. */
function meanProgress(nodes: OkrNode[]): number | undefined {
  const known = nodes.map((n) => n.progress).filter((p): p is number => p !== undefined);
  return known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
}

function groupDescription(children: OkrNode[], noun: string): string {
  const mean = meanProgress(children);
  const count = `${children.length} ${noun}${children.length === 1 ? '' : 's'}`;
  const worst = (['off_track', 'at_risk'] as const)
    .map((s) => [s, children.filter((c) => c.status === s).length] as const)
    .filter(([, n]) => n > 0);
  const risks = worst.map(([s, n]) => `${n} ${STATUS_LABEL[s]}`);
  return [mean === undefined ? undefined : `${Math.round(mean * 100)}%`, count, ...risks].filter(Boolean).join(' · ');
}

/**
 * The OKR tree at `at`: cycles (newest first) → owners → objectives → key results. Objectives
 * files of the same cycle and owner are merged; objectives keep file order.
 */
export function okrTree(model: WorkspaceModel, at: DateTime): OkrNode[] {
  const cycles = new Map<string, Map<string, ObjectiveEntity[]>>();
  for (const objective of model.objectives.all) {
    const cycle = str(objective.set?.cycle) ?? '(no cycle)';
    const owner = str(objective.set?.owner) ?? '';
    const owners = cycles.get(cycle) ?? new Map<string, ObjectiveEntity[]>();
    cycles.set(cycle, owners);
    const list = owners.get(owner) ?? [];
    owners.set(owner, list);
    list.push(objective);
  }
  const krsOf = new Map<ObjectiveEntity, KeyResultEntity[]>();
  for (const kr of model.keyResults.all) {
    const list = krsOf.get(kr.objective);
    if (list) list.push(kr);
    else krsOf.set(kr.objective, [kr]);
  }
  const tree: OkrNode[] = [];
  for (const cycle of [...cycles.keys()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))) {
    const ownerNodes: OkrNode[] = [];
    for (const [owner, objectives] of cycles.get(cycle)!) {
      const children = objectives.map((o) => objectiveNode(model, o, krsOf.get(o) ?? [], at));
      const node: OkrNode = {
        type: 'owner',
        key: `owner:${cycle}:${owner}`,
        label: ownerLabel(model, owner || undefined),
        description: groupDescription(children, 'objective'),
        children,
      };
      const progress = meanProgress(children);
      if (progress !== undefined) node.progress = progress;
      const file = model.byPath.get(objectives[0].file);
      const span = file && itemSpan(file, ['owner']);
      if (file && span) node.location = { file: file.path, range: rangeAt(file.text, span[0], span[1]) };
      ownerNodes.push(node);
    }
    ownerNodes.sort((a, b) => a.label.localeCompare(b.label));
    const node: OkrNode = {
      type: 'cycle',
      key: `cycle:${cycle}`,
      label: cycle,
      description: groupDescription(
        ownerNodes.flatMap((o) => o.children),
        'objective',
      ),
      children: ownerNodes,
    };
    const progress = meanProgress(ownerNodes.flatMap((o) => o.children));
    if (progress !== undefined) node.progress = progress;
    tree.push(node);
  }
  return tree;
}

export interface CodeLens {
  /** Where the lens sits: the item's first line (its `id:` value). */
  range: Range;
  /** `62% · on track · score 0.6`. */
  title: string;
  type: 'objective' | 'key_result';
  id: string;
}

/** A lens above every objective and key result of the file at `path`. */
export function codeLenses(model: WorkspaceModel, path: string, at: DateTime): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const objective of model.objectives.byFile.get(path) ?? []) {
    const o = objective as ObjectiveEntity;
    const location = idLocation(model, o);
    if (location) lenses.push({ range: location.range, title: figuresLine(objectiveFigures(model, o, at)), type: 'objective', id: o.id });
  }
  for (const kr of model.keyResults.byFile.get(path) ?? []) {
    const k = kr as KeyResultEntity;
    const location = idLocation(model, k);
    if (location) lenses.push({ range: location.range, title: figuresLine(keyResultFigures(model, k, at)), type: 'key_result', id: k.id });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
