import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginImporter } from '../core';

/** The file a plugin specifier names: relative paths from the workspace folder, package names from its node_modules. */
export function resolvePlugin(root: string, specifier: string): string {
  if (specifier.startsWith('.') || isAbsolute(specifier)) return resolve(root, specifier);
  return createRequire(join(root, 'package.json')).resolve(specifier);
}

/**
 * Imports plugins the way the config names them (see `resolvePlugin`). Plugins are JavaScript
 * modules (ESM or CJS).
 */
export function pluginImporter(root: string): PluginImporter {
  return async (specifier) => import(pathToFileURL(resolvePlugin(root, specifier)).href);
}
