import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { analyzeFile, builtinPlugin, WorkspaceSession } from '../../core';

export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'language');

/** Every `.yaml` file under `dir`, by workspace-relative path. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.yaml')) out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** A session over `texts`, as the editor keeps one. */
export function sessionOf(texts: Record<string, string>): WorkspaceSession {
  return new WorkspaceSession(
    Object.entries(texts).map(([path, text]) => analyzeFile(path, text)),
    [builtinPlugin],
  );
}

/** The example workspace, with files replaced or added. */
export function exampleSession(overrides: Record<string, string> = {}): { session: WorkspaceSession; texts: Record<string, string> } {
  const texts = { ...readTree(EXAMPLE), ...overrides };
  return { session: sessionOf(texts), texts };
}

/**
 * The offset of a `|` marker in `marked`, and the text without it: `kpi: first-c|` → 13.
 */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | marker in the text');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The offset just after the first occurrence of `needle` (optionally after `from`). */
export function after(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + needle.length;
}
