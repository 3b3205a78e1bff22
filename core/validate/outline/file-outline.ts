import { scanReferences } from '../../model/reference-fields';
import { entityIndex, ENTITY_KINDS } from '../../model/entity-kinds';
import type { WorkspaceModel } from '../../model/workspace-model';
import { someCandidate } from '../rules/lib/references';
import { idHash } from './id-hash';

/**
 * What the workspace outline keeps of one file: what okra's cross-file rules (ids, references,
 * alignment) need to know whether the file takes part in a finding, as hashes. A few kilobytes
 * for an Objectives file of 60 KB.
 */
export interface FileOutline {
  /** `idHash(kind, id)` of every item with an id, in file order, repeats included. */
  defs: number[];
  /** Pairs: an objective's hash and the hash of what its `aligns_to` names (0 for none); the first definition of each id in the file. */
  aligns: number[];
  /** Objective ids, first definition in the file: "did you mean" needs them as text. */
  objectiveIds: string[];
  /** Each distinct reference as the hashes of what it may name: it resolves when any of them is defined. */
  references: number[][];
}

/**
 * The string with characters of its own. A parser's strings are often slices of the file's text,
 * and keeping a slice keeps the whole text: the ids of 10,000 files held 560 MB of YAML alive
 * when files were read in this thread (a worker's strings are copied on the way back anyway).
 */
function ownCopy(text: string): string {
  return [...text].join('');
}

/** The outline of the files of `model`: in a worker, a model of one file. */
export function outlineOf(model: WorkspaceModel): FileOutline {
  const defs: number[] = [];
  // Hashed under the kind's name, as references name it (see someCandidate).
  for (const { kind } of ENTITY_KINDS) for (const { id } of entityIndex(model, kind).all) defs.push(idHash(kind, id));
  const aligns: number[] = [];
  const objectiveIds: string[] = [];
  const seen = new Set<string>();
  for (const { id, value } of model.objectives.all) {
    if (seen.has(id)) continue;
    seen.add(id);
    objectiveIds.push(ownCopy(id));
    const to = (value as { aligns_to?: unknown }).aligns_to;
    aligns.push(idHash('objective', id), typeof to === 'string' ? idHash('objective', to) : 0);
  }
  const references = new Map<string, number[]>();
  scanReferences(model, (cursor) => {
    const candidates: number[] = [];
    const notOurs = someCandidate(cursor.value, cursor.accepts, cursor.kinds, (kind, id) => {
      candidates.push(idHash(kind, id));
      return false;
    });
    if (!notOurs) references.set(candidates.join(' '), candidates);
  });
  return { defs, aligns, objectiveIds, references: [...references.values()] };
}
