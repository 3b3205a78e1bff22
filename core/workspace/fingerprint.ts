import { createHash } from 'node:crypto';
import { hashBytes } from '../parse/parse-file';
import type { WorkspaceHost } from './host';
import { ALWAYS_EXCLUDE, CONFIG_FILE, includeOf, type ConfigSource } from './load-workspace';

export interface WorkspaceFingerprint {
  /** sha1 over `salt` and every definition file's path and content hash. */
  fingerprint: string;
  files: number;
}

/**
 * A hash of everything a validation reads: each definition file's path and content, plus
 * `salt` for what lies outside the workspace (okra's version, the plugins' code). Workspace
 * rules look across files, so a stored result can be reused only when the whole fingerprint is
 * unchanged; `undefined` when a file cannot be read (it vanished while listing).
 */
export async function fingerprintWorkspace(host: WorkspaceHost, config: ConfigSource, salt: string): Promise<WorkspaceFingerprint | undefined> {
  const paths = new Set(await host.listFiles(includeOf(config.file), ALWAYS_EXCLUDE));
  paths.add(CONFIG_FILE);
  const hash = createHash('sha1').update(salt).update('\n');
  try {
    for (const path of [...paths].sort()) {
      const bytes = path === CONFIG_FILE ? config.bytes : await host.readFile(path);
      hash.update(`${path}\0${hashBytes(bytes)}\n`);
    }
  } catch {
    return undefined;
  }
  return { fingerprint: hash.digest('hex'), files: paths.size };
}
