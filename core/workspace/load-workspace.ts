import type { Diagnostic } from '../diagnostics';
import { cachedFile, hashBytes, parseFile, stripBom, type ParsedFile } from '../parse/parse-file';
import { validateSchema, type ExtraValidators } from '../validate/schema';
import { isRecord } from '../model/workspace-model';
import { PARALLEL_MIN_FILES, type FileAnalysis, type FileAnalyzer } from './file-analysis';
import type { WorkspaceHost } from './host';
import { listingDiagnostics, type UnreadableFolder } from './listing-diagnostics';
import type { ParseCache } from './parse-cache';
import { leavesWorkspace, outsideWorkspaceDiagnostics } from './workspace-bounds';

export { CONFIG_FILE } from '../model/workspace-model';
import { CONFIG_FILE } from '../model/workspace-model';
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.yaml'];
/** Never definition files, whatever `include` says. */
export const ALWAYS_EXCLUDE: readonly string[] = ['**/node_modules/**', '.okra/**', '**/.okra/**'];

/** The workspace cannot be used at all (no config): the CLI exits with 2. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
}

export interface LoadOptions {
  /** The config, when the caller has read it already (to load plugins first). */
  config?: ConfigSource;
  cache?: ParseCache;
  /** Validators for kinds that plugins add. */
  extraValidators?: ExtraValidators;
  /** Called as files are read, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Keep the yaml Document of every file in memory. Off by default: a batch run needs a file's
   * Document only to place a diagnostic in it, and a Document costs some 20× its file's size in
   * heap (2.7 GB peak RSS for 2,000 files of 60 KB, a fifth of the run spent in GC). Without
   * it, a file that had no YAML or schema diagnostic parses again on its first `document()` or
   * `locate()`, like a file read from the cache.
   */
  keepDocuments?: boolean;
  /**
   * Parses and schema-checks files elsewhere (worker threads) when the workspace has at least
   * `PARALLEL_MIN_FILES` files; the results are the same as in this thread.
   */
  analyzer?: FileAnalyzer;
}

export interface LoadedWorkspace {
  config: ParsedFile;
  /** Every definition file: the config first, then the others sorted by path. */
  files: ParsedFile[];
}

/** Parses one file and checks it against its kind's schema. */
export function analyzeFile(path: string, bytes: Uint8Array | string, extraValidators?: ExtraValidators): ParsedFile {
  const file = parseFile(path, bytes);
  // A file whose data could not be read gets no schema diagnostics: validateSchema skips it.
  file.diagnostics.push(...validateSchema(file, extraValidators));
  file.diagnostics.push(...checkConfigPlace(file));
  if (path === CONFIG_FILE) file.diagnostics.push(...outsideWorkspaceDiagnostics(file));
  return file;
}

const LENIENT_UTF8 = new TextDecoder('utf-8', { fatal: false });

/** The file an analysis done elsewhere describes: the same as `analyzeFile(path, bytes, extra)`. */
function fileFromAnalysis(path: string, bytes: Uint8Array, analysis: FileAnalysis, extraValidators?: ExtraValidators): ParsedFile {
  // Invalid bytes decode to U+FFFD, as parseFile reads them.
  const file = cachedFile(path, () => stripBom(LENIENT_UTF8.decode(bytes)), analysis.hash, analysis.data, analysis.diagnostics);
  if (!analysis.schemaChecked) file.diagnostics.push(...validateSchema(file, extraValidators));
  file.diagnostics.push(...checkConfigPlace(file));
  return file;
}

/**
 * The settings are okra.config.yaml's, and it must hold them: an empty config or one of another
 * kind is no config (the CLI exits with 2), and a `kind: Config` file elsewhere (say, another
 * workspace's config below this one) is reported rather than taken for the settings.
 */
function checkConfigPlace(file: ParsedFile): Diagnostic[] {
  const report = (message: string): Diagnostic[] => [
    { file: file.path, range: file.locate(['kind']), severity: 'error', rule: 'config/kind', message },
  ];
  if (file.path === CONFIG_FILE) {
    for (const d of file.diagnostics) if (d.rule === 'yaml/empty-file') d.severity = 'error';
    if (file.kind !== undefined && file.kind !== 'Config') {
      return report(`${CONFIG_FILE} holds the workspace settings: its kind is Config, not "${file.kind}"`);
    }
  } else if (file.kind === 'Config') {
    return report(`kind: Config belongs in ${CONFIG_FILE} at the workspace root; the settings in this file are ignored`);
  }
  return [];
}

/** The config's `include` globs, or the default when it has none usable; never one that leaves the workspace. */
export function includeOf(config: ParsedFile): string[] {
  const data = config.data;
  if (isRecord(data) && Array.isArray(data.include) && data.include.every((g) => typeof g === 'string') && data.include.length > 0) {
    return (data.include as string[]).filter((glob) => !leavesWorkspace(glob));
  }
  return [...DEFAULT_INCLUDE];
}

export interface ConfigSource {
  bytes: Uint8Array;
  file: ParsedFile;
}

/** Reads and parses `okra.config.yaml`; throws `WorkspaceError` when there is none. */
export async function readConfig(host: WorkspaceHost): Promise<ConfigSource> {
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(CONFIG_FILE);
  } catch {
    throw new WorkspaceError(`No ${CONFIG_FILE} here: run \`okra init\` to create a workspace, or pass --workspace DIR`);
  }
  return { bytes, file: analyzeFile(CONFIG_FILE, bytes) };
}

/** Every definition file the config includes, and the config itself, sorted. */
export async function workspacePaths(host: WorkspaceHost, config: ConfigSource): Promise<string[]> {
  return (await listWorkspace(host, config)).paths;
}

/** The workspace's definition files, and what the listing skipped (see `listingDiagnostics`). */
export async function listWorkspace(host: WorkspaceHost, config: ConfigSource): Promise<{ paths: string[]; diagnostics: Diagnostic[] }> {
  const unreadable: UnreadableFolder[] = [];
  const listed = await host.listFiles(includeOf(config.file), ALWAYS_EXCLUDE, (folder, reason) => unreadable.push({ folder, reason }));
  const diagnostics = await listingDiagnostics(config.file, listed, unreadable, () => host.listFiles(DEFAULT_INCLUDE, ALWAYS_EXCLUDE));
  const paths = new Set(listed);
  paths.add(CONFIG_FILE);
  return { paths: [...paths].sort(), diagnostics };
}

/** The config with what the listing found added to its diagnostics; a new object, so caches keep theirs. */
export function withListing(config: ParsedFile, diagnostics: readonly Diagnostic[]): ParsedFile {
  return diagnostics.length === 0 ? config : { ...config, diagnostics: [...config.diagnostics, ...diagnostics] };
}

/** Files read at the same time by `loadWorkspace`. */
const READS_IN_FLIGHT = 16;
/** With an analyzer: enough queued that the workers keep busy through this thread's GC pauses. */
const ANALYSES_IN_FLIGHT = 64;

/**
 * Reads the config and every definition file it includes. Throws `WorkspaceError` only when
 * there is no config; everything wrong inside files becomes diagnostics.
 */
export async function loadWorkspace(host: WorkspaceHost, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const config = options.config ?? (await readConfig(host));
  const { paths: sorted, diagnostics: listing } = await listWorkspace(host, config);
  const files: ParsedFile[] = [];
  let done = 0;
  const { cache, extraValidators, keepDocuments = false } = options;
  const analyzer = options.analyzer && sorted.length >= PARALLEL_MIN_FILES ? options.analyzer : undefined;
  // A few reads in flight, not one per file: reading is faster than parsing, so with every read
  // started at once the bytes of the whole workspace sat in memory waiting (562 MB for 10,000
  // files) on top of what the parsed files keep.
  let next = 0;
  const reader = async () => {
    while (next < sorted.length) {
      const index = next++;
      const path = sorted[index];
      const bytes = path === CONFIG_FILE ? config.bytes : await host.readFile(path);
      files[index] = await readThroughCache(path, bytes, { cache, extraValidators, keepDocuments, analyzer });
      options.onProgress?.(++done, sorted.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(analyzer ? ANALYSES_IN_FLIGHT : READS_IN_FLIGHT, sorted.length) }, reader));
  cache?.retain(new Set(sorted));
  // The config goes first: the model takes the first Config it sees for the settings.
  const configIndex = sorted.indexOf(CONFIG_FILE);
  const configFile = withListing(files[configIndex], listing);
  return { config: configFile, files: [configFile, ...files.filter((_, i) => i !== configIndex)] };
}

/**
 * The file without its parsed Document, which is parsed again when first needed. Files with
 * diagnostics keep theirs: rules are likely to place more diagnostics in them.
 */
function withoutDocument(file: ParsedFile): ParsedFile {
  if (file.diagnostics.length > 0) return file;
  return cachedFile(file.path, file.text, file.hash, file.data, file.diagnostics);
}

const UTF8 = new TextDecoder();

interface ReadOptions {
  cache: ParseCache | undefined;
  extraValidators: ExtraValidators | undefined;
  keepDocuments: boolean;
  analyzer: FileAnalyzer | undefined;
}

async function readThroughCache(path: string, bytes: Uint8Array, options: ReadOptions): Promise<ParsedFile> {
  const { cache, extraValidators, keepDocuments, analyzer } = options;
  const analyze = async () => {
    // Files with diagnostics from a worker parse again here when a rule places one more.
    if (analyzer && !keepDocuments && path !== CONFIG_FILE)
      return fileFromAnalysis(path, bytes, await analyzer(path, bytes), extraValidators);
    const file = analyzeFile(path, bytes, extraValidators);
    return keepDocuments ? file : withoutDocument(file);
  };
  if (!cache) return analyze();
  const hash = hashBytes(bytes);
  const hit = cache.get(path, hash);
  if (hit) return cachedFile(path, stripBom(UTF8.decode(bytes)), hash, hit.data, cloneDiagnostics(hit.diagnostics));
  const file = await analyze();
  cache.set(path, { hash: file.hash, data: file.data, diagnostics: file.diagnostics });
  return file;
}

function cloneDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d }));
}
