/**
 * Where items with ids are defined in each kind of file, and how to find the text of an id or
 * a value in a file. Shared by references, rename, hover and symbols.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DataPath, Range } from '../diagnostics';
import { entityIndex, ENTITY_KINDS, type EntityKind } from '../model/entity-kinds';
import type { Entity, WorkspaceModel } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import { findNode } from '../parse/locate';
import { scalarSpan } from './path-at';
import { rangeAt } from './position';

/** Kinds of item with an id: those references can name, and key results, reviews and retrospectives. */
export type DefinitionKind = EntityKind;

/** A place in a file: what "go to definition" and "find references" return. */
export interface TextLocation {
  file: string;
  range: Range;
}

/** The kind in words, for messages and hovers. */
export const KIND_LABEL = Object.fromEntries(ENTITY_KINDS.map((k) => [k.kind, k.label])) as Record<DefinitionKind, string>;

/** The kind of item at `itemPath` (e.g. `['kpis', 3]` of a KpiTargets file), if items with ids live there. */
export function definitionKindAt(fileKind: string | undefined, itemPath: DataPath): DefinitionKind | undefined {
  return ENTITY_KINDS.find(
    (d) =>
      d.fileKind === fileKind &&
      d.pattern.length === itemPath.length &&
      d.pattern.every((s, i) => (s === '*' ? typeof itemPath[i] === 'number' : s === itemPath[i])),
  )?.kind;
}

export { entityIndex };

/** Every definition of `id` (more than one when the id is duplicated). */
export function definitionsOf(model: WorkspaceModel, kind: DefinitionKind, id: string): Entity<unknown>[] {
  return entityIndex(model, kind).byId.get(id) ?? [];
}

/** Offsets of the scalar at `path` in `file` (quotes excluded), when there is one. */
export function valueSpan(file: ParsedFile, path: DataPath): [number, number] | undefined {
  const doc = file.document();
  if (!doc) return undefined;
  const { node, depth } = findNode(doc, path);
  if (depth !== path.length || node === null || isMap(node) || isSeq(node) || !isScalar(node)) return undefined;
  return scalarSpan(node as Node, file.text);
}

/** Offsets of an item's collection node (the whole item), when it exists. */
export function itemSpan(file: ParsedFile, path: DataPath): [number, number] | undefined {
  const doc = file.document();
  if (!doc) return undefined;
  const { node, depth } = findNode(doc, path);
  if (depth !== path.length || !node?.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** Where an entity's `id:` value is, or its whole item when that cannot be found. */
export function idLocation(model: WorkspaceModel, entity: { file: string; path: DataPath }): TextLocation | undefined {
  const file = model.byPath.get(entity.file);
  if (!file) return undefined;
  const span = valueSpan(file, [...entity.path, 'id']) ?? itemSpan(file, entity.path);
  return span && { file: file.path, range: rangeAt(file.text, span[0], span[1]) };
}
