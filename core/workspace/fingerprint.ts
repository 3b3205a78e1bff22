import { createHash } from 'node:crypto';
import { hashBytes } from '../parse/parse-file';
import type { WorkspaceHost } from './host';
import { CONFIG_FILE, workspacePaths, type ConfigSource } from './load-workspace';

/**
 * A hash of everything a validation reads: each definition file's path and content, plus
 * `salt` for what lies outside the workspace (okra's version, the plugins' code). Workspace
 * rules look across files, so a stored result can be reused only when the whole fingerprint is
 * unchanged; `undefined` when a file cannot be read (it vanished while listing).
 */
export async function fingerprintWorkspace(
  host: WorkspaceHost,
  config: ConfigSource,
  salt: string,
  /** Told each file's content hash, e.g. to skip reading unchanged files later. */
  onFile?: (path: string, hash: string) => void,
): Promise<string | undefined> {
  const hash = createHash('sha1').update(salt).update('\n');
  try {
    for (const path of await workspacePaths(host, config)) {
      const bytes = path === CONFIG_FILE ? config.bytes : await host.readFile(path);
      const fileHash = hashBytes(bytes);
      onFile?.(path, fileHash);
      hash.update(`${path}\0${fileHash}\n`);
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}
