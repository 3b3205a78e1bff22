import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { buildModel, CONFIG_FILE, type EntityIndex, type WorkspaceModel } from '../model/workspace-model';
import { cachedFile, hashBytes, stripBom, type ParsedFile } from '../parse/parse-file';
import type { PluginImporter } from '../plugins/load-plugins';
import { WorkspaceOutline } from '../validate/outline/workspace-outline';
import { runRules, type LoadedRule } from '../validate/run-rules';
import { isContextFile } from '../validate/stream-plan';
import { checkFileAlone, checkParsedFile, fileChecking, type FileCheck, type FileChecking } from './check-file';
import { PARALLEL_MIN_FILES } from './file-analysis';
import type { WorkspaceHost } from './host';
import { analyzeFile, listWorkspace, withListing } from './load-workspace';
import type { ParseCache } from './parse-cache';
import { readWorkspaceSetup, validateWorkspace, type AnalyzerFactory } from './validate-workspace';

/** Checks files elsewhere (worker threads) exactly as `checkFileAlone` would here. */
export type FileChecker = (path: string, bytes: Uint8Array) => Promise<FileCheck>;

export interface StreamingOptions {
  importPlugin?: PluginImporter;
  trusted?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Checks files in worker threads, given the config's bytes and `trusted`: each worker loads
   * the config and, in a trusted workspace, its plugins itself. Used from `PARALLEL_MIN_FILES`
   * files on.
   */
  checker?: (configBytes: Uint8Array, trusted: boolean) => FileChecker;
  /** For the fallback to `validateWorkspace`, when a plugin's rule needs the whole workspace. */
  analyzer?: AnalyzerFactory;
  /**
   * Checks of unchanged files, by content hash. A check depends on the config and the plugins
   * too: the caller keys the cache on them (the CLI: okra's version, the config's bytes, each
   * plugin's entry file).
   */
  cache?: ParseCache<FileCheck>;
  /**
   * Content hashes the caller has just computed (the CLI's fingerprint): a file whose check the
   * cache holds for that hash is not read at all, unless workspace rules read it in full.
   */
  knownHashes?: ReadonlyMap<string, string>;
}

export interface StreamingResult {
  /** Every definition file, sorted (the config first is not guaranteed). */
  paths: string[];
  diagnostics: Diagnostic[];
  rules: LoadedRule[];
  /** False when a rule needed the whole workspace and it was held in memory after all. */
  streamed: boolean;
}

/** Files read and checked at the same time: enough to keep the workers busy. */
const CHECKS_IN_FLIGHT = 64;
const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Validates a workspace as `validateWorkspace` does, with the same diagnostics, but holds only
 * what the cross-file rules need rather than every file: each file is parsed and checked alone
 * (schema, file rules, its outline) and dropped; files of the kinds workspace rules read are
 * kept; okra's own id, reference and alignment rules then see those, plus every file the
 * workspace outline says takes part in a finding. Memory stays flat in the number of
 * Objectives files. Falls back to `validateWorkspace` when a plugin rule in force reads the
 * whole workspace without declaring its `kinds`. Throws `WorkspaceError` only without a config.
 */
export async function validateStreaming(host: WorkspaceHost, options: StreamingOptions = {}): Promise<StreamingResult> {
  const setup = await readWorkspaceSetup(host, options);
  const { config } = setup;
  const checking = fileChecking(config.file, setup.plugins);
  if (!checking) {
    const result = await validateWorkspace(host, { ...options, cache: undefined }, setup);
    return { paths: result.files.map((f) => f.path), diagnostics: result.diagnostics, rules: result.rules, streamed: false };
  }
  const { paths, diagnostics: listing } = await listWorkspace(host, config);
  const configFile = withListing(config.file, listing);
  const outline = new WorkspaceOutline();
  const kept = new Map<number, ParsedFile>();
  const diagnostics: Diagnostic[] = [...setup.pluginDiagnostics, ...checking.setup.configDiagnostics];
  const { cache, knownHashes } = options;
  // Threads are worth starting only for many files to check, not for the few a cache misses.
  const toCheck = cache && knownHashes ? paths.filter((p) => !cache.get(p, knownHashes.get(p) ?? '')).length : paths.length;
  const checker = toCheck >= PARALLEL_MIN_FILES ? options.checker?.(config.bytes, options.trusted ?? false) : undefined;
  const checkBytes = async (path: string, bytes: Uint8Array): Promise<FileCheck> => {
    // A worker that fails leaves its file to this thread: workers make a run faster, never different.
    const result = checker
      ? await checker(path, bytes).catch(() => checkFileAlone(path, bytes, checking))
      : checkFileAlone(path, bytes, checking);
    cache?.set(path, result);
    return result;
  };
  const take = (index: number, result: FileCheck) => {
    outline.add(index, result.outline);
    for (const d of result.diagnostics) diagnostics.push(d);
  };
  const check = async (index: number, path: string): Promise<void> => {
    if (path === CONFIG_FILE) {
      kept.set(index, configFile);
      return take(index, checkParsedFile(configFile, checking));
    }
    const known = knownHashes?.get(path);
    const stored = known === undefined ? undefined : cache?.get(path, known);
    if (stored && !isContextFile(checking.plan, path, stored.kind)) return take(index, stored);
    const bytes = await host.readFile(path);
    const result = cache?.get(path, hashBytes(bytes)) ?? (await checkBytes(path, bytes));
    if (isContextFile(checking.plan, path, result.kind)) {
      kept.set(
        index,
        cachedFile(path, () => stripBom(LENIENT_UTF8.decode(bytes)), result.hash, result.data, []),
      );
    }
    take(index, result);
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      await check(index, paths[index]);
      options.onProgress?.(++done, paths.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECKS_IN_FLIGHT, paths.length) }, worker));
  cache?.retain(new Set(paths));

  const model = await outlinedModel(host, paths, kept, outline, checking);
  diagnostics.push(...runRules(model, checking.plan.workspaceRules, checking.setup.levels));
  return {
    paths,
    diagnostics: withoutRepeatedRuleErrors(diagnostics).sort(compareDiagnostics),
    rules: checking.setup.rules,
    streamed: true,
  };
}

/**
 * The model the workspace rules see: the kept files and the files the outline involves, in
 * path order with the config first, and an objective index that knows every objective id.
 */
async function outlinedModel(
  host: WorkspaceHost,
  paths: readonly string[],
  kept: Map<number, ParsedFile>,
  outline: WorkspaceOutline,
  checking: FileChecking,
): Promise<WorkspaceModel> {
  for (const index of outline.involvedFiles()) {
    if (!kept.has(index)) kept.set(index, analyzeFile(paths[index], await host.readFile(paths[index]), checking.extraValidators));
  }
  const files = [...kept.keys()].sort((a, b) => a - b).map((i) => kept.get(i)!);
  const model = buildModel([...files.filter((f) => f.path === CONFIG_FILE), ...files.filter((f) => f.path !== CONFIG_FILE)]);
  model.objectives = withOutline(model.objectives, outline);
  return model;
}

/** The index, but `has` and `ids` answer for every objective of the workspace, from the outline. */
function withOutline<T extends EntityIndex<unknown>>(index: T, outline: WorkspaceOutline): T {
  const view = Object.create(index) as T;
  view.has = (id: string) => index.has(id) || outline.hasObjective(id);
  view.ids = () => outline.objectiveIds();
  return view;
}

/** A file rule that throws does so in every file it checks: one report is enough. */
function withoutRepeatedRuleErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.rule !== 'okra/rule-error') return true;
    if (seen.has(d.message)) return false;
    seen.add(d.message);
    return true;
  });
}
