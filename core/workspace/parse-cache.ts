import type { Diagnostic } from '../diagnostics';

/** What the cache keeps of one file for `validateWorkspace`: enough to skip parsing when nothing changed. */
export interface CachedEntry {
  hash: string;
  data: unknown;
  /** YAML and schema diagnostics of the file. */
  diagnostics: Diagnostic[];
}

/**
 * A content-hash cache of per-file results (like ESLint's `--cache`): `CachedEntry` for
 * `validateWorkspace`, `FileCheck` for `validateStreaming`. The `key` covers whatever else the
 * results depend on (okra's version, the schemas and rules in force); a cache with another key
 * is ignored whole.
 */
export class ParseCache<E extends { hash: string } = CachedEntry> {
  private readonly entries: Map<string, E>;
  private dirty = false;

  constructor(
    readonly key: string,
    entries: Iterable<[string, E]> = [],
  ) {
    this.entries = new Map(entries);
  }

  get(path: string, hash: string): E | undefined {
    const entry = this.entries.get(path);
    return entry && entry.hash === hash ? entry : undefined;
  }

  set(path: string, entry: E): void {
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
  static parse<E extends { hash: string } = CachedEntry>(text: string | undefined, key: string): ParseCache<E> {
    if (!text) return new ParseCache<E>(key);
    try {
      const parsed = JSON.parse(text) as { key?: string; entries?: [string, E][] };
      if (parsed.key !== key || !Array.isArray(parsed.entries)) return new ParseCache<E>(key);
      return new ParseCache<E>(key, parsed.entries);
    } catch {
      return new ParseCache<E>(key);
    }
  }
}
