import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fg from 'fast-glob';
import type { WorkspaceHost } from '../core';

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void;

/** What an error code means to someone who did not write the program. */
function reasonOf(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  return error.code ?? error.message;
}

/** The core's WorkspaceHost over the file system, rooted at the workspace folder. */
export function nodeHost(root: string): WorkspaceHost {
  return {
    // Synchronous on purpose: a definition file is small, and fs.promises.readFile's open, stat,
    // read and close through the thread pool cost more than the read (0.9 s of 2,000 files).
    readFile: async (path) => readFileSync(join(root, path)),
    listFiles: (include, exclude, onUnreadable) => {
      // fast-glob skips a folder it cannot read (suppressErrors) without saying which: its
      // file-system adapter is where the failure can still be seen.
      const readdir = (path: string, options: unknown, callback?: ReaddirCallback) => {
        const done = (callback ?? options) as ReaddirCallback;
        const report: ReaddirCallback = (error, entries) => {
          // A folder that is not there is what an `include` typo gives: reported as matching nothing.
          if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR')
            onUnreadable?.(relative(root, path).split(sep).join('/') || '.', reasonOf(error));
          done(error, entries);
        };
        if (callback) fs.readdir(path, options as { withFileTypes: true }, report);
        else fs.readdir(path, report as unknown as (error: NodeJS.ErrnoException | null, names: string[]) => void);
      };
      return fg([...include], {
        cwd: root,
        ignore: [...exclude],
        dot: false,
        onlyFiles: true,
        followSymbolicLinks: false,
        suppressErrors: true,
        fs: { readdir: readdir as unknown as typeof fs.readdir },
      });
    },
  };
}
