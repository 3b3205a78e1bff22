import type { Diagnostic } from '../diagnostics';
import { leavesWorkspace } from '../config/workspace-bounds';
import { CONFIG_FILE } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import { isRecord } from '../util/is-record';
import { analyzeFile } from '../validate/analyze-file';
import type { WorkspaceHost } from './host';
import { listingDiagnostics, type UnreadableFolder } from './listing-diagnostics';

export { CONFIG_FILE } from '../model/workspace-model';
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.yaml'];
/** Never definition files, whatever `include` says. */
export const ALWAYS_EXCLUDE: readonly string[] = ['**/node_modules/**', '.okra/**', '**/.okra/**'];

/** The workspace cannot be used at all (no config): the CLI exits with 2. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
}

/** The config's `include` globs, or the default when it has none usable; never one that leaves the workspace. */
export function includeOf(config: ParsedFile): string[] {
  const data = config.data;
  if (isRecord(data) && Array.isArray(data.include) && data.include.every((g) => typeof g === 'string') && data.include.length > 0) {
    return (data.include as string[]).filter((glob) => !leavesWorkspace(glob));
  }
  return [...DEFAULT_INCLUDE];
}

/** The config as read: its bytes (for workers and cache keys) and the parsed file. */
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
