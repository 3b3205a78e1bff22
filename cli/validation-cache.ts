import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, WorkspaceHost } from '../core';
import { fingerprintWorkspace } from '../core/workspace/fingerprint';
import type { ConfigSource } from '../core/workspace/load-workspace';
import { isRecord } from '../core/util/is-record';
import { writeFileAtomic } from './atomic-write';
import { resolvePlugin } from './import-plugin';
import { okraVersion } from './package-root';

/** The last run's result, reused whole while nothing it read has changed. */
export const RESULT_FILE = join('.okra', 'cache', 'validate-result.json');

export interface StoredResult {
  fingerprint: string;
  files: number;
  diagnostics: Diagnostic[];
}

/**
 * What a run reads from outside the workspace: okra's version and each configured plugin's
 * entry file (its content, so that editing a local plugin invalidates the result).
 */
function salt(root: string, config: ConfigSource): string {
  const parts = [`okra@${okraVersion()}`];
  const plugins = isRecord(config.file.data) && Array.isArray(config.file.data.plugins) ? config.file.data.plugins : [];
  for (const specifier of plugins) {
    if (typeof specifier !== 'string') continue;
    try {
      parts.push(
        `${specifier}=${createHash('sha1')
          .update(readFileSync(resolvePlugin(root, specifier)))
          .digest('hex')}`,
      );
    } catch {
      parts.push(`${specifier}=missing`);
    }
  }
  return parts.join('\n');
}

/**
 * The whole-workspace result cache behind `okra validate --cache`. Per-file checks
 * (`.okra/cache/validate.json`, keyed by `checksKey`) skip unchanged files; on top of that, when no file and
 * no plugin changed at all, the last run's diagnostics are the answer, as workspace rules
 * depend on nothing else.
 */
export class ValidationCache {
  private constructor(
    private readonly root: string,
    readonly fingerprint: string | undefined,
    /** The key of the per-file checks: okra's version, the plugins, and the config's bytes (rule levels, time zone). */
    readonly checksKey: string,
    /** Each file's content hash, as the fingerprint read it. */
    readonly hashes: ReadonlyMap<string, string>,
  ) {}

  static async open(root: string, host: WorkspaceHost, config: ConfigSource): Promise<ValidationCache> {
    const outside = salt(root, config);
    const checksKey = `${outside}\nconfig=${createHash('sha1').update(config.bytes).digest('hex')}`;
    const hashes = new Map<string, string>();
    const fingerprint = await fingerprintWorkspace(host, config, outside, (path, hash) => hashes.set(path, hash));
    return new ValidationCache(root, fingerprint, checksKey, hashes);
  }

  /** The stored result when it was made from exactly these files and plugins. */
  async hit(): Promise<StoredResult | undefined> {
    if (this.fingerprint === undefined) return undefined;
    try {
      const stored = JSON.parse(await readFile(join(this.root, RESULT_FILE), 'utf8')) as StoredResult;
      return stored.fingerprint === this.fingerprint && Array.isArray(stored.diagnostics) ? stored : undefined;
    } catch {
      return undefined;
    }
  }

  async store(files: number, diagnostics: readonly Diagnostic[]): Promise<void> {
    if (this.fingerprint === undefined) return;
    const stored: StoredResult = { fingerprint: this.fingerprint, files, diagnostics: [...diagnostics] };
    await writeFileAtomic(join(this.root, RESULT_FILE), JSON.stringify(stored));
  }
}
