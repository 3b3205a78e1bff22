import { cp, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../../core';
import { UsageError } from '../errors';
import { packageRoot } from '../package-root';

/** The example workspace that `okra init` writes: the one in examples/, kept valid by the tests. */
export function exampleWorkspaceDir(): string {
  return join(packageRoot(), 'examples', 'support-org');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Copies the example workspace into `target`; refuses to overwrite an existing workspace. */
export async function initWorkspace(target: string, force = false): Promise<string[]> {
  if (!force && (await exists(join(target, CONFIG_FILE)))) {
    throw new UsageError(
      `${target} already has ${CONFIG_FILE}; okra init does not overwrite a workspace (use --force to replace the example files)`,
    );
  }
  const source = exampleWorkspaceDir();
  await cp(source, target, {
    recursive: true,
    force,
    errorOnExist: false,
    filter: (src) => !src.endsWith('README.md') || src !== join(source, 'README.md'),
  });
  const written: string[] = [];
  const walk = async (dir: string, prefix: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name !== 'README.md' || prefix !== '') written.push(prefix + entry.name);
    }
  };
  await walk(source, '');
  return written.sort();
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write a working example workspace (a support organisation with OKRs, KPIs, tiers and reviews)')
    .argument('[dir]', 'where to write it', '.')
    .option('--force', 'overwrite files of an existing workspace')
    .action(async (dir: string, options: { force?: boolean }) => {
      const target = resolve(process.cwd(), dir);
      const written = await initWorkspace(target, options.force);
      process.stdout.write(
        `Wrote ${written.length} files to ${target}:\n${written.map((f) => `  ${f}`).join('\n')}\n\nNext: okra validate ${dir === '.' ? '' : dir}\n`,
      );
    });
}
