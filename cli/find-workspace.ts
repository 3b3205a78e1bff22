import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../core';
import { UsageError } from './errors';

/**
 * The workspace folder: `explicit` when given, else the nearest folder from `cwd` upwards that
 * holds okra.config.yaml (like git finds .git).
 */
export function findWorkspace(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const root = resolve(cwd, explicit);
    if (!existsSync(join(root, CONFIG_FILE))) {
      throw new UsageError(`${root} has no ${CONFIG_FILE}. Run \`okra init ${explicit}\` to create a workspace there`);
    }
    return root;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(
    `No ${CONFIG_FILE} in ${resolve(cwd)} or any folder above it. Run \`okra init\` to create a workspace, or pass --workspace DIR`,
  );
}
