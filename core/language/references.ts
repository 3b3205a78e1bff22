/**
 * What is under the cursor, where it is defined, where it is used, and how to rename it.
 * All of it reads the one table of reference fields (`model/reference-fields.ts`), so the
 * editor finds exactly the references that `okra validate` checks.
 */
import type { DataPath, Range, TextEdit } from '../diagnostics';
import {
  acceptedKinds,
  forEachReference,
  indexOfKind,
  parseReference,
  referenceFieldAt,
  referenceTarget,
  type Reference,
  REF_KINDS,
  type ReferenceField,
  type RefKind,
} from '../model/reference-fields';
import type { WorkspaceModel } from '../model/workspace-model';
import {
  definitionKindAt,
  definitionsOf,
  entityIndex,
  idLocation,
  KIND_LABEL,
  valueSpan,
  type DefinitionKind,
  type TextLocation,
} from './entities';
import { pathAt } from './path-at';
import { rangeAt } from './position';

/** A reference under the cursor: `kpi: first-contact-resolution`, `owner: team/frontline`. */
export interface ReferenceSymbol {
  type: 'reference';
  kind: RefKind;
  /** The id, without a `team/`-style prefix. */
  id: string;
  /** The value as written. */
  value: string;
  file: string;
  /** Data path of the value. */
  path: DataPath;
  field: ReferenceField;
  /** Offsets of the id part of the value (for `team/frontline`, of `frontline`). */
  start: number;
  end: number;
  /** The id part as a range. */
  range: Range;
}

/** A definition under the cursor: the value of an item's `id:`. */
export interface DefinitionSymbol {
  type: 'definition';
  kind: DefinitionKind;
  id: string;
  file: string;
  /** Data path of the item (without `id`). */
  path: DataPath;
  start: number;
  end: number;
  range: Range;
}

export type SymbolAt = ReferenceSymbol | DefinitionSymbol;

/** What is at `offset` in the file at `path`: a reference, a definition, or nothing okra knows. */
export function symbolAt(model: WorkspaceModel, path: string, offset: number): SymbolAt | undefined {
  const file = model.byPath.get(path);
  if (!file) return undefined;
  const at = pathAt(file, offset);
  if (!at || at.on !== 'value' || at.text === '') return undefined;
  const field = referenceFieldAt(file.kind, at.path);
  if (field) {
    const target = referenceTarget(model, at.text, field.accepts);
    if (!target || target.id === '') return undefined;
    const start = at.start + parseReference(at.text).idOffset;
    return {
      type: 'reference',
      kind: target.kind,
      id: target.id,
      value: at.text,
      file: path,
      path: at.path,
      field,
      start,
      end: at.end,
      range: rangeAt(file.text, start, at.end),
    };
  }
  if (at.path[at.path.length - 1] === 'id') {
    const itemPath = at.path.slice(0, -1);
    const kind = definitionKindAt(file.kind, itemPath);
    if (kind)
      return {
        type: 'definition',
        kind,
        id: at.text,
        file: path,
        path: itemPath,
        start: at.start,
        end: at.end,
        range: rangeAt(file.text, at.start, at.end),
      };
  }
  return undefined;
}

function compareLocations(a: TextLocation, b: TextLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Where the item under the cursor is defined: every definition of its id (duplicates included). */
export function definitionOf(model: WorkspaceModel, path: string, offset: number): TextLocation[] {
  const symbol = symbolAt(model, path, offset);
  if (!symbol) return [];
  return definitionsOf(model, symbol.kind, symbol.id)
    .map((entity) => idLocation(model, entity))
    .filter((l): l is TextLocation => l !== undefined)
    .sort(compareLocations);
}

/** A reference and where its id part is in its file. */
interface PlacedReference {
  ref: Reference;
  /** Offsets of the whole value and of its id part. */
  value: [number, number];
  id: [number, number];
  location: TextLocation;
}

function place(model: WorkspaceModel, ref: Reference): PlacedReference | undefined {
  const file = model.byPath.get(ref.file);
  if (!file) return undefined;
  const span = valueSpan(file, ref.path);
  if (!span) return undefined;
  const idStart = span[0] + parseReference(ref.value).idOffset;
  return { ref, value: span, id: [idStart, span[1]], location: { file: ref.file, range: rangeAt(file.text, idStart, span[1]) } };
}

/** Every reference in the workspace that names `kind` `id`, placed in its file. */
function referencesTo(model: WorkspaceModel, kind: DefinitionKind, id: string): PlacedReference[] {
  const found: PlacedReference[] = [];
  forEachReference(model, (ref) => {
    const target = referenceTarget(model, ref.value, ref.accepts);
    if (target?.kind !== kind || target.id !== id) return;
    const placed = place(model, ref);
    if (placed) found.push(placed);
  });
  return found;
}

export interface ReferenceOptions {
  /** Include the definitions themselves (the `id:` values). */
  includeDeclaration?: boolean;
}

/** Every place in every file that names `kind` `id` (ranges of the id part), sorted by file and position. */
export function findReferences(model: WorkspaceModel, kind: DefinitionKind, id: string, options: ReferenceOptions = {}): TextLocation[] {
  const locations = referencesTo(model, kind, id).map((r) => r.location);
  if (options.includeDeclaration) {
    for (const entity of definitionsOf(model, kind, id)) {
      const location = idLocation(model, entity);
      if (location) locations.push(location);
    }
  }
  return locations.sort(compareLocations);
}

/** References of what is under the cursor (a reference or a definition). */
export function referencesAt(model: WorkspaceModel, path: string, offset: number, options: ReferenceOptions = {}): TextLocation[] {
  const symbol = symbolAt(model, path, offset);
  return symbol ? findReferences(model, symbol.kind, symbol.id, options) : [];
}

/** The id pattern of the spec. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };

const NOT_AN_ID = 'Put the cursor on an id (the value of `id:`) or on a reference to one to rename it';

/** The range that a rename at the cursor replaces, or why there is nothing to rename there. */
export function prepareRename(model: WorkspaceModel, path: string, offset: number): PrepareRenameResult {
  const symbol = symbolAt(model, path, offset);
  if (!symbol) return { error: NOT_AN_ID };
  if (definitionsOf(model, symbol.kind, symbol.id).length === 0) {
    return {
      error: `${capitalise(KIND_LABEL[symbol.kind])} "${symbol.id}" is not defined in this workspace, so there is nothing to rename`,
    };
  }
  return { range: symbol.range, placeholder: symbol.id };
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function where(model: WorkspaceModel, entity: { file: string; path: DataPath }): string {
  const location = idLocation(model, entity);
  return location ? `${entity.file}, line ${location.range.start.line + 1}` : entity.file;
}

/**
 * Edits that rename the item under the cursor to `newId` in every file: its definition(s) and
 * every reference, keeping `team/` and `person/` prefixes. A bare id in a field that accepts
 * several kinds (an owner, a KPI scope) would name something else if another kind already
 * used `newId`; such references get the prefix that keeps their meaning. Refuses an id that
 * is not valid or that another item of the same kind already has.
 */
export function renameEdits(model: WorkspaceModel, path: string, offset: number, newId: string): RenameResult {
  const prepared = prepareRename(model, path, offset);
  if ('error' in prepared) return prepared;
  const symbol = symbolAt(model, path, offset)!;
  const { kind, id } = symbol;
  const label = KIND_LABEL[kind];
  if (!ID_PATTERN.test(newId)) {
    return {
      error: `"${newId}" is not a valid id: use lowercase letters, digits and dashes, starting with a letter or digit (like first-contact-resolution)`,
    };
  }
  if (newId === id) return { edits: [] };
  const taken = entityIndex(model, kind).get(newId);
  if (taken) return { error: `A ${label} with the id "${newId}" already exists (${where(model, taken)}); choose another id` };

  const edits: TextEdit[] = [];
  const edit = (file: string, [start, end]: [number, number], newText: string) => {
    const f = model.byPath.get(file)!;
    edits.push({ file, range: rangeAt(f.text, start, end), newText });
  };
  for (const entity of definitionsOf(model, kind, id)) {
    const file = model.byPath.get(entity.file);
    const span = file && valueSpan(file, [...entity.path, 'id']);
    if (span) edit(entity.file, span, newId);
  }
  const isRefKind = (k: DefinitionKind): k is RefKind => (REF_KINDS as readonly string[]).includes(k);
  // Fields where a bare id is resolved by trying kinds in order (owners, KPI scopes).
  const multiKind = (ref: Reference) => ref.accepts.form === 'owner' || ref.accepts.form === 'scope';
  forEachReference(model, (ref) => {
    const target = referenceTarget(model, ref.value, ref.accepts);
    if (!target) return;
    const bare = parseReference(ref.value).prefix === undefined;
    const kinds = acceptedKinds(ref.accepts);
    if (target.kind === kind && target.id === id) {
      const placed = place(model, ref);
      if (!placed) return;
      // After the rename, would the bare id resolve to an item of another kind listed first?
      const shadowed =
        bare && multiKind(ref) && kinds.slice(0, Math.max(0, kinds.indexOf(kind))).some((k) => indexOfKind(model, k).has(newId));
      if (shadowed) edit(ref.file, placed.value, `${kind}/${newId}`);
      else edit(ref.file, placed.id, newId);
    } else if (bare && target.id === newId && isRefKind(kind) && multiKind(ref) && kinds.includes(kind)) {
      // A bare reference to another kind's `newId` that the renamed item would capture.
      if (kinds.indexOf(kind) < kinds.indexOf(target.kind)) {
        const placed = place(model, ref);
        if (placed) edit(ref.file, placed.value, `${target.kind}/${newId}`);
      }
    }
  });
  edits.sort((a, b) => compareLocations(a, b));
  return { edits };
}
