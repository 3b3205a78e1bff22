import { join } from 'node:path';
import { WorkspaceSession } from '../../core';
import { analyzeFile } from '../../core/validate/analyze-file';

export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'support-org');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'language');

import { readTree } from '../helpers/read-tree';

export { readTree };

/** A session over `texts`, as the editor keeps one. */
export function sessionOf(texts: Record<string, string>): WorkspaceSession {
  return WorkspaceSession.fromFiles(Object.entries(texts).map(([path, text]) => analyzeFile(path, text)));
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
