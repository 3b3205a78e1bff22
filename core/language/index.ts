/**
 * okra's language service: everything an editor needs beyond diagnostics — definition,
 * references, rename, completion, hover, outline, the OKR tree and CodeLenses — as pure
 * functions over the workspace model. No editor types: the extension converts these shapes.
 * Offsets in, ranges (0-based lines, UTF-16 columns) out; `positionAt`/`offsetAt` convert.
 */
export { LineIndex, lineIndex, offsetAt, positionAt, rangeAt } from './position';
export { pathAt, type PathAt } from './path-at';
export { definitionKindAt, KIND_LABEL, type DefinitionKind, type TextLocation } from './entities';
export {
  definitionOf,
  findReferences,
  ID_PATTERN,
  prepareRename,
  referencesAt,
  renameEdits,
  symbolAt,
  type DefinitionSymbol,
  type PrepareRenameResult,
  type ReferenceOptions,
  type ReferenceSymbol,
  type RenameResult,
  type SymbolAt,
} from './references';
export { completionsAt, type CompletionItem, type CompletionKind, type CompletionOptions } from './completion';
export { hoverAt, type Hover, type HoverOptions } from './hover';
export { describeItem } from './describe';
export { documentSymbols, type DocumentSymbol, type DocumentSymbolKind } from './symbols';
export { codeLenses, okrTree, type CodeLens, type OkrNode, type OkrNodeType } from './okr-tree';
export { figuresLine, keyResultFigures, objectiveFigures, type OkrFigures } from './okr-figures';
export {
  acceptedKinds,
  forEachReference,
  parseReference,
  REFERENCE_FIELDS,
  REF_KINDS,
  referenceFieldAt,
  referenceTarget,
  type Accepts,
  type ParsedReference,
  type Reference,
  type ReferenceField,
  type RefKind,
} from '../model/reference-fields';
