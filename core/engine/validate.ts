import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { buildModel, CONFIG_FILE, type EntityIndex, type WorkspaceModel } from '../model/workspace-model';
import { cachedFile, hashBytes, stripBom, type ParsedFile } from '../parse/parse-file';
import type { Plugin } from '../plugins/define-plugin';
import { analyzeFile } from '../validate/analyze-file';
import { WorkspaceOutline } from '../validate/outline/workspace-outline';
import { runRules, withoutRepeatedRuleErrors, type LoadedRule } from '../validate/run-rules';
import type { WorkspaceHost } from '../workspace/host';
import { listWorkspace, withListing } from '../workspace/load-workspace';
import type { ParseCache } from '../workspace/parse-cache';
import { checkFile, readAndCheckFile, type FileCheck, type Keep } from './check-file';
import { isContextFile, readSetup, type PluginOptions, type RuleSetup } from './rule-setup';

/** Checks files elsewhere (worker threads) exactly as `readAndCheckFile` would here. */
export type FileChecker = (path: string, bytes: Uint8Array) => Promise<FileCheck>;

/**
 * Starts workers for one run, or says no (`undefined`) when `files` are too few to be worth it:
 * each worker loads the config and, in a trusted workspace, its plugins itself, and keeps what
 * `keep` says.
 */
export type WorkerFactory = (job: { configBytes: Uint8Array; trusted: boolean; keep: Keep; files: number }) => FileChecker | undefined;

/** Below this many files to check, worker threads are not worth starting (the CLI's pool uses it). */
export const PARALLEL_MIN_FILES = 64;

export interface ValidateOptions extends PluginOptions {
  /**
   * Hold every file and return the model, for commands that go on to render or sync. Without
   * it the workspace streams: each file is checked and dropped, and only what cross-file rules
   * need stays in memory (see `WorkspaceOutline`). The diagnostics are the same either way.
   */
  keepModel?: boolean;
  /** Called as files are checked, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Checks files in worker threads, when the factory finds them worth starting. */
  workers?: WorkerFactory;
  /**
   * Checks of unchanged files, by content hash (like ESLint's `--cache`). A check depends on the
   * config and the plugins too: the caller keys the cache on them.
   */
  cache?: ParseCache<FileCheck>;
  /** Content hashes the caller has just computed: a file the cache holds for that hash is not read. */
  knownHashes?: ReadonlyMap<string, string>;
}

export interface ValidationResult {
  /** Every definition file, sorted. */
  paths: string[];
  /** Every diagnostic, sorted by file and position. */
  diagnostics: Diagnostic[];
  rules: LoadedRule[];
  plugins: readonly Plugin[];
  /** The whole workspace, with `keepModel`. */
  model?: WorkspaceModel;
}

/** Files read and checked at the same time: enough to keep the workers busy. */
const CHECKS_IN_FLIGHT = 64;
const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Validates a workspace: reads the config and loads its plugins, checks every file (YAML,
 * schema, file rules) and runs the workspace rules. The one way to validate from a command
 * line: streaming, workers and the cache are ways of running it that never change the result.
 * Throws `WorkspaceError` only when there is no config.
 */
export async function validate(
  host: WorkspaceHost,
  options: ValidateOptions & { keepModel: true },
): Promise<ValidationResult & { model: WorkspaceModel }>;
export async function validate(host: WorkspaceHost, options?: ValidateOptions): Promise<ValidationResult>;
export async function validate(host: WorkspaceHost, options: ValidateOptions = {}): Promise<ValidationResult> {
  const { config, setup } = await readSetup(host, options);
  // A plugin rule that does not say what it reads gets the whole workspace.
  const keep: Keep = options.keepModel || !setup.contextKinds ? 'model' : 'outline';
  const { paths, diagnostics: listing } = await listWorkspace(host, config);
  const configFile = withListing(config.file, listing);
  const outline = keep === 'outline' ? new WorkspaceOutline() : undefined;
  const kept = new Map<number, ParsedFile>();
  const diagnostics: Diagnostic[] = [...setup.configDiagnostics];
  const { cache, knownHashes } = options;
  const needsData = (path: string, kind: string | undefined) => keep === 'model' || isContextFile(setup, path, kind);

  // Threads are worth starting only for many files to check, not for the few a cache misses.
  const toCheck = cache && knownHashes ? paths.filter((p) => !cache.get(p, knownHashes.get(p) ?? '')).length : paths.length;
  const checker = options.workers?.({ configBytes: config.bytes, trusted: options.trusted ?? false, keep, files: toCheck });
  const checkBytes = async (path: string, bytes: Uint8Array): Promise<FileCheck> => {
    // A worker that fails leaves its file to this thread: workers make a run faster, never different.
    const result = checker
      ? await checker(path, bytes).catch(() => readAndCheckFile(path, bytes, setup, keep))
      : readAndCheckFile(path, bytes, setup, keep);
    cache?.set(path, result);
    return result;
  };
  const take = (index: number, path: string, result: FileCheck, file: () => ParsedFile) => {
    if (outline) outline.add(index, result.outline!);
    for (const d of result.diagnostics) diagnostics.push(d);
    if (needsData(path, result.kind)) kept.set(index, file());
  };
  const check = async (index: number, path: string): Promise<void> => {
    if (path === CONFIG_FILE) return take(index, path, checkFile(configFile, setup, keep), () => configFile);
    const known = knownHashes?.get(path);
    const stored = known === undefined ? undefined : usable(cache?.get(path, known), keep);
    if (stored && !needsData(path, stored.kind)) return take(index, path, stored, () => undefined as never);
    const bytes = await host.readFile(path);
    const result = usable(cache?.get(path, hashBytes(bytes)), keep) ?? (await checkBytes(path, bytes));
    take(index, path, result, () => cachedFile(path, () => stripBom(LENIENT_UTF8.decode(bytes)), result.hash, result.data, []));
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

  const model = outline ? await outlinedModel(host, paths, kept, outline, setup) : modelOf(paths, kept);
  diagnostics.push(...runRules(model, setup.workspaceRules, setup.levels));
  return {
    paths,
    diagnostics: withoutRepeatedRuleErrors(diagnostics).sort(compareDiagnostics),
    rules: setup.rules,
    plugins: setup.plugins,
    ...(outline ? {} : { model }),
  };
}

/** A cached check, if it holds what this run keeps. */
function usable(check: FileCheck | undefined, keep: Keep): FileCheck | undefined {
  if (!check) return undefined;
  if (keep === 'outline' && !check.outline) return undefined;
  if (keep === 'model' && !('data' in check)) return undefined;
  return check;
}

/** The model of the kept files, in path order with the config first (the model takes the first Config it sees). */
function modelOf(paths: readonly string[], kept: Map<number, ParsedFile>): WorkspaceModel {
  const files = [...kept.keys()].sort((a, b) => a - b).map((i) => kept.get(i)!);
  return buildModel([...files.filter((f) => f.path === CONFIG_FILE), ...files.filter((f) => f.path !== CONFIG_FILE)]);
}

/**
 * The model the workspace rules see when the workspace streams: the kept files and the files
 * the outline involves, and an objective index that knows every objective id.
 */
async function outlinedModel(
  host: WorkspaceHost,
  paths: readonly string[],
  kept: Map<number, ParsedFile>,
  outline: WorkspaceOutline,
  setup: RuleSetup,
): Promise<WorkspaceModel> {
  for (const index of outline.involvedFiles()) {
    if (!kept.has(index)) kept.set(index, analyzeFile(paths[index], await host.readFile(paths[index]), setup.extraValidators));
  }
  const model = modelOf(paths, kept);
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
