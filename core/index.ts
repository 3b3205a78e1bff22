/**
 * okra's core: a pure library that reads a support organisation's OKR workspace, checks it and
 * computes what documents and sync need. No editor, no process, no file system: callers pass a
 * `WorkspaceHost` for reading files and a `PluginImporter` for loading plugins.
 *
 * ```ts
 * import { validateWorkspace, memoryHost } from 'okra/core';
 * const { diagnostics, model } = await validateWorkspace(memoryHost({ 'okra.config.yaml': 'kind: Config\nversion: 1\n' }));
 * ```
 * Positions in diagnostics are 0-based (like LSP); print them 1-based.
 */
export * from './diagnostics';
export { parseFile, cachedFile, hashBytes, stripBom, MAX_FILE_BYTES, type ParsedFile } from './parse/parse-file';
export { locateOffsets, offsetsToRange, type LocateTarget } from './parse/locate';
export { findSuppressions, isSuppressed, type Suppressions } from './parse/suppressions';
export * from './model/types.generated';
export {
  buildModel,
  emptyModel,
  replaceFile,
  fileView,
  EntityIndex,
  isRecord,
  type Entity,
  type Located,
  type KeyResultEntity,
  type ObjectiveEntity,
  type WorkspaceModel,
} from './model/workspace-model';
export {
  defineRule,
  formatMessage,
  type RuleScope,
  type Rule,
  type RuleContext,
  type RuleDefinition,
  type Report,
  type Location,
  type FixSpec,
} from './plugins/define-rule';
export { definePlugin, pluginNamespace, type Plugin, type PluginDefinition } from './plugins/define-plugin';
export { loadPlugins, type PluginImporter, type LoadPluginsOptions } from './plugins/load-plugins';
export { builtinPlugin } from './plugins/builtin';
export { collectRules, runRules, type LoadedRule } from './validate/run-rules';
export { checkWorkspace, checkModel, setupRules, fileDiagnostics, type CheckResult, type RuleSetup } from './validate/check-workspace';
export { WorkspaceSession } from './workspace/workspace-session';
export { validateSchema } from './validate/schema';
export { memoryHost, type WorkspaceHost } from './workspace/host';
export { leavesWorkspace } from './workspace/workspace-bounds';
export { ParseCache, type CachedEntry } from './workspace/parse-cache';
export {
  analyzeFile,
  includeOf,
  listWorkspace,
  loadWorkspace,
  workspacePaths,
  readConfig,
  WorkspaceError,
  CONFIG_FILE,
  DEFAULT_INCLUDE,
  ALWAYS_EXCLUDE,
  type ConfigSource,
  type LoadedWorkspace,
  type LoadOptions,
} from './workspace/load-workspace';
export {
  validateWorkspace,
  pluginValidators,
  type ValidateOptions,
  type ValidationResult,
  type AnalyzerFactory,
} from './workspace/validate-workspace';
export { validateStreaming, type FileChecker, type StreamingOptions, type StreamingResult } from './workspace/validate-streaming';
export { checkFileAlone, fileChecking, type FileCheck, type FileChecking } from './workspace/check-file';
export { fingerprintWorkspace } from './workspace/fingerprint';
export { analyzeFileData, PARALLEL_MIN_FILES, type FileAnalysis, type FileAnalyzer } from './workspace/file-analysis';
export { didYouMean, didYouMeanHint } from './util/did-you-mean';
export * from './compute';
export * from './language';
export * from './schedule';
export * from './render';
/** Notion sync: mapper (pure), plan, apply (the only network code), state. */
export * as notionSync from './sync/notion';
/** luxon's DateTime, for adapters that judge progress as of now without bundling luxon again. */
export { DateTime } from 'luxon';
