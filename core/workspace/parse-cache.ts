import type { Diagnostic } from '../diagnostics';

/** What the cache keeps of one file: enough to skip parsing when nothing changed. */
export interface CachedEntry {
  hash: string;
  data: unknown;
  /** YAML and schema diagnostics of the file. */
  diagnostics: Diagnostic[];
}

/**
 * A content-hash cache of per-file results (like ESLint's `--cache`). The `key` covers okra's
 * version and the schemas in force; a cache with another key is ignored whole.
 */
export class ParseCache {
  private readonly entries: Map<string, CachedEntry>;
  private dirty = false;

  constructor(
    readonly key: string,
    entries: Iterable<[string, CachedEntry]> = [],
  ) {
    this.entries = new Map(entries);
  }

  get(path: string, hash: string): CachedEntry | undefined {
    const entry = this.entries.get(path);
    return entry && entry.hash === hash ? entry : undefined;
  }

  set(path: string, entry: CachedEntry): void {
    this.entries.set(path, entry);
    this.dirty = true;
  }

  /** Drops entries of files that are gone, so the cache does not grow forever. */
  retain(paths: ReadonlySet<string>): void {
    for (const path of this.entries.keys()) {
      if (!paths.has(path)) {
        this.entries.delete(path);
        this.dirty = true;
      }
    }
  }

  get changed(): boolean {
    return this.dirty;
  }

  serialize(): string {
    return JSON.stringify({ key: this.key, entries: [...this.entries] });
  }

  /** Reads a serialized cache; anything unreadable or with another key gives an empty cache. */
  static parse(text: string | undefined, key: string): ParseCache {
    if (!text) return new ParseCache(key);
    try {
      const parsed = JSON.parse(text) as { key?: string; entries?: [string, CachedEntry][] };
      if (parsed.key !== key || !Array.isArray(parsed.entries)) return new ParseCache(key);
      return new ParseCache(key, parsed.entries);
    } catch {
      return new ParseCache(key);
    }
  }
}
