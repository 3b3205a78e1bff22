import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';
import type { WorkspaceHost } from '../core';

/** The core's WorkspaceHost over the file system, rooted at the workspace folder. */
export function nodeHost(root: string): WorkspaceHost {
  return {
    readFile: (path) => readFile(join(root, path)),
    listFiles: (include, exclude) =>
      fg([...include], { cwd: root, ignore: [...exclude], dot: false, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true }),
  };
}
