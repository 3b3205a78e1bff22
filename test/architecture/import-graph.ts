import { posix } from 'node:path';
import ts from 'typescript';

/** One import between two files, as repository-relative paths with forward slashes. */
export interface FileImport {
  from: string;
  to: string;
}

/** An import between two folders, with one file import that makes it. */
export interface FolderImport {
  from: string;
  to: string;
  example: FileImport;
}

/**
 * The relative module specifiers a file names: `import` and `import type`, `export … from`,
 * `import()` (also in type positions) and `require()`. TypeScript's own pre-processor does the
 * scanning, so imports inside comments and strings do not count.
 */
export function relativeSpecifiers(source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.map((file) => file.fileName).filter((name) => name.startsWith('./') || name.startsWith('../'));
}

/** The suffixes bundler resolution tries after a specifier, in order. */
const CANDIDATE_SUFFIXES = ['', '.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json', '/index.ts', '/index.js'];

/**
 * The file a relative specifier names, or undefined when none of the candidates exists. A `.js`
 * specifier may name its `.ts` source, as bundler resolution allows.
 */
export function resolveSpecifier(importer: string, specifier: string, isFile: (path: string) => boolean): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(importer), specifier));
  const bases = base.endsWith('.js') ? [base, `${base.slice(0, -3)}`] : [base];
  for (const stem of bases) {
    for (const suffix of CANDIDATE_SUFFIXES) {
      if (isFile(stem + suffix)) return stem + suffix;
    }
  }
  return undefined;
}

/** The file imports of the given sources (path → text); `unresolved` lists what named no file. */
export function fileImports(
  sources: ReadonlyMap<string, string>,
  isFile: (path: string) => boolean,
): { imports: FileImport[]; unresolved: string[] } {
  const imports: FileImport[] = [];
  const unresolved: string[] = [];
  for (const [from, text] of sources) {
    for (const specifier of relativeSpecifiers(text)) {
      const to = resolveSpecifier(from, specifier, isFile);
      if (to === undefined) unresolved.push(`${from} imports ${specifier}`);
      else imports.push({ from, to });
    }
  }
  return { imports, unresolved };
}

/** The folder holding a file: the unit of the cycle check. */
export const folderOf = (file: string): string => posix.dirname(file);

/**
 * The imports between folders, each with the first file import (in the order given) that
 * makes it. Imports within a folder are left out: a folder is one unit for a reader.
 */
export function folderImports(imports: readonly FileImport[]): FolderImport[] {
  const byPair = new Map<string, FolderImport>();
  for (const edge of imports) {
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    const key = `${from}\0${to}`;
    if (from !== to && !byPair.has(key)) byPair.set(key, { from, to, example: edge });
  }
  return [...byPair.values()];
}
