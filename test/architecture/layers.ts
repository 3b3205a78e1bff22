import type { FileImport } from './import-graph';

/**
 * The top-level folders whose imports are checked, and which of the others each must not import.
 * `core/` is the library under both adapters; `sandbox/` is a tool beside okra that its users
 * load, never the reverse; the CLI and the extension are two adapters that share only `core/`
 * (and `sandbox/`). eslint.config.mjs says the same so that editors flag it; a test checks they
 * agree.
 */
export const FORBIDDEN_LAYER_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  core: ['cli', 'extension', 'sandbox'],
  sandbox: ['core', 'cli', 'extension'],
  cli: ['extension'],
  extension: ['cli'],
};

export const LAYERS = Object.keys(FORBIDDEN_LAYER_IMPORTS);

/** The top-level folder of a repository-relative path. */
export const layerOf = (file: string): string => file.split('/')[0];

/** The imports that cross into a folder their own top-level folder must not import. */
export function forbiddenImports(imports: readonly FileImport[]): FileImport[] {
  return imports.filter(({ from, to }) => FORBIDDEN_LAYER_IMPORTS[layerOf(from)]?.includes(layerOf(to)) ?? false);
}
