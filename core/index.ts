/**
 * okra's core: a pure library that reads a support organisation's OKR workspace, checks it and
 * computes what documents and sync need. No editor, no process, no file system: callers pass a
 * `WorkspaceHost` for reading files and a `PluginImporter` for loading plugins.
 *
 * One way to validate, whoever asks:
 * ```ts
 * import { validate, memoryHost } from 'okra';
 * const { diagnostics } = await validate(memoryHost({ 'okra.config.yaml': 'kind: Config\nversion: 1\n' }));
 * ```
 * `validate` serves the command line (streaming, worker threads and a content-hash cache are
 * options of it, never a second copy of a rule); `WorkspaceSession` is the same check kept in
 * memory for an editor, re-checking one file per keystroke. Plugin authors use `definePlugin`,
 * `defineRule` and `RuleTester`. Positions in diagnostics are 0-based (like LSP); print them 1-based.
 */
export {
  compareDiagnostics,
  countBySeverity,
  type DataPath,
  type Diagnostic,
  type Fix,
  type Position,
  type Range,
  type RelatedLocation,
  type RuleLevel,
  type Severity,
  type TextEdit,
} from './diagnostics';

// Validation: the one API, its editor form, and what it is run with.
export {
  validate,
  PARALLEL_MIN_FILES,
  type ValidateOptions,
  type ValidationResult,
  type WorkerFactory,
  type FileChecker,
} from './engine/validate';
export { WorkspaceSession } from './engine/session';
export type { FileCheck, Keep } from './engine/check-file';
export type { PluginOptions } from './engine/rule-setup';
export { RuleTester, type RuleTestCase, type InvalidRuleTestCase, type ExpectedDiagnostic } from './engine/rule-tester';
export { memoryHost, type WorkspaceHost } from './workspace/host';
export { ParseCache } from './workspace/parse-cache';
export { CONFIG_FILE, DEFAULT_INCLUDE, ALWAYS_EXCLUDE, includeOf, WorkspaceError } from './workspace/load-workspace';

// Plugins: rules, schemas, templates and helpers.
export {
  defineRule,
  type Rule,
  type RuleContext,
  type RuleDefinition,
  type RuleScope,
  type Report,
  type Location,
  type FixSpec,
} from './plugins/define-rule';
export { definePlugin, type Plugin, type PluginDefinition } from './plugins/define-plugin';
export type { PluginImporter } from './plugins/load-plugins';
export type { LoadedRule } from './validate/run-rules';
export { builtinPlugin } from './builtin/plugin';

// The model rules, documents and the language service read.
export type { ParsedFile } from './parse/parse-file';
export type { LocateTarget } from './parse/locate';
export * from './model/types.generated';
export type { Entity, EntityIndex, Located, KeyResultEntity, ObjectiveEntity, WorkspaceModel } from './model/workspace-model';
export { ENTITY_KINDS, type EntityKind, type EntityKindInfo } from './model/entity-kinds';
export * from './compute';
export * from './language';
export * from './schedule';
export * from './render';
/** Notion sync: mapper (pure), plan, apply (the only network code), state. */
export * as notionSync from './sync/notion';
/** Use cases (sync with documents, pull check-ins, render) over a host for files and secrets: what the CLI and the extension call. */
export * from './app';
