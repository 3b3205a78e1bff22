import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginImporter } from '../core';

/**
 * Imports plugins the way the config names them: relative paths from the workspace folder,
 * package names from the workspace's node_modules. Plugins are JavaScript modules (ESM or CJS).
 */
export function pluginImporter(root: string): PluginImporter {
  const requireFromWorkspace = createRequire(join(root, 'package.json'));
  return async (specifier) => {
    const path = specifier.startsWith('.') || isAbsolute(specifier) ? resolve(root, specifier) : requireFromWorkspace.resolve(specifier);
    return import(pathToFileURL(path).href);
  };
}
