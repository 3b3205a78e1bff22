import type { Diagnostic } from '../diagnostics';
import { parseFile } from '../parse/parse-file';
import { validateSchema } from '../validate/schema';

/**
 * One file read and checked on its own (YAML, the built-in schemas, the config's place), as
 * plain data: what a worker thread sends back to the thread that checks the workspace.
 */
export interface FileAnalysis {
  hash: string;
  data: unknown;
  diagnostics: Diagnostic[];
  /** False for a kind that a plugin adds: the caller, which has the plugin's schema, checks it. */
  schemaChecked: boolean;
}

/**
 * Analyses files somewhere else, typically in worker threads (the CLI's `analysisPool`), so
 * that parsing, the bulk of a cold run, uses every core. `loadWorkspace` awaits it per file.
 */
export type FileAnalyzer = (path: string, bytes: Uint8Array) => Promise<FileAnalysis>;

/** Below this many files an analyzer is not worth starting threads for. */
export const PARALLEL_MIN_FILES = 64;

/**
 * What `analyzeFile` does, without the plugins' schemas: files of `pluginKinds` are left for
 * the caller to check against them. Runs in a worker thread.
 */
export function analyzeFileData(path: string, bytes: Uint8Array, pluginKinds: ReadonlySet<string>): FileAnalysis {
  const file = parseFile(path, bytes);
  const schemaChecked = file.kind === undefined || !pluginKinds.has(file.kind);
  if (schemaChecked) file.diagnostics.push(...validateSchema(file));
  return { hash: file.hash, data: file.data, diagnostics: file.diagnostics, schemaChecked };
}
