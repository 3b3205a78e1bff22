import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppHost } from '../core';
import { writeFileAtomic } from './atomic-write';
import { nodeHost } from './node-host';

/**
 * The use cases' host over the file system, rooted at the workspace folder: writes are atomic
 * (a temporary file renamed over the old one), paths may be absolute (`okra render --out`), the
 * token is `NOTION_TOKEN`, provenance comes from git.
 */
export function nodeAppHost(root: string): AppHost {
  return {
    ...nodeHost(root),
    writeFile: (path, text) => writeFileAtomic(resolve(root, path), text),
    isFolder: async (path) => statSync(resolve(root, path), { throwIfNoEntry: false })?.isDirectory() ?? false,
    notionToken: async () => process.env.NOTION_TOKEN?.trim() || undefined,
    provenance: async () => gitState(root),
  };
}

/** The workspace's git commit, and whether tracked files changed since; nothing outside git. */
export function gitState(root: string): { commit?: string; dirty?: boolean } {
  try {
    const options = { cwd: root, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], options).trim();
    // Untracked files are not counted: the output folder itself is often inside the workspace.
    const changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.'], options).trim();
    return { commit, dirty: changes !== '' };
  } catch {
    return {};
  }
}
