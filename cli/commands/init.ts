import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE } from '../../core';
import { writeFileAtomic } from '../atomic-write';
import { UsageError } from '../errors';
import { packageRoot } from '../package-root';

/** The example workspace that `okra init` writes: the one in examples/, kept valid by the tests. */
export function exampleWorkspaceDir(): string {
  return join(packageRoot(), 'examples', 'support-org');
}

/** The skeleton of `okra init --minimal`: one team, one person, one objective to fill in. */
export function minimalWorkspaceDir(): string {
  return join(packageRoot(), 'examples', 'minimal');
}

/** Rendered documents and okra's caches and sync state are not definitions: git leaves them out. */
const GITIGNORE = '# Written by okra: rendered documents, caches and Notion sync state.\nout/\n.okra/\n';

export interface InitResult {
  /** Files written (new, or replaced with --force), relative to the target. */
  written: string[];
  /** Files that were there already and were left as they were. */
  kept: string[];
}

/** Relative paths of the files under `dir`, but its README (which describes the example in the repository). */
async function filesOf(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) files.push(...(await filesOf(dir, `${path}/`)));
    else if (path !== 'README.md') files.push(path);
  }
  return files;
}

/** The workspace that `target` would sit inside, if any: a folder above it with okra.config.yaml. */
function enclosingWorkspace(target: string): string | undefined {
  for (let dir = target; dirname(dir) !== dir;) {
    dir = dirname(dir);
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
  }
  return undefined;
}

/**
 * Writes the example workspace (or the minimal skeleton) and a .gitignore into `target`. Refuses
 * to write a workspace into another one (the outer one would read the inner config as an error)
 * or over an existing workspace unless `force`; files already there are kept unless `force`.
 */
export async function initWorkspace(target: string, options: { force?: boolean; minimal?: boolean } = {}): Promise<InitResult> {
  const outer = enclosingWorkspace(target);
  if (outer) {
    throw new UsageError(
      `${target} is inside the okra workspace ${outer} (it has ${CONFIG_FILE}), which would check the new files as its own. Run okra init in a folder outside it, or add your files to that workspace`,
    );
  }
  if (!options.force && existsSync(join(target, CONFIG_FILE))) {
    throw new UsageError(
      `${target} already has ${CONFIG_FILE}; okra init does not overwrite a workspace (use --force to replace the example files)`,
    );
  }
  const source = options.minimal ? minimalWorkspaceDir() : exampleWorkspaceDir();
  const result: InitResult = { written: [], kept: [] };
  const put = async (path: string, content: string | Uint8Array) => {
    const to = join(target, path);
    if (existsSync(to) && !options.force) return void result.kept.push(path);
    await writeFileAtomic(to, content);
    result.written.push(path);
  };
  for (const path of (await filesOf(source)).sort()) await put(path, await readFile(join(source, path)));
  // Someone's own .gitignore is theirs even with --force.
  if (existsSync(join(target, '.gitignore'))) result.kept.push('.gitignore');
  else await put('.gitignore', GITIGNORE);
  return result;
}

const list = (files: readonly string[]) => files.map((f) => `  ${f}`).join('\n');

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'write a working example workspace (a support organisation with OKRs, KPIs, tiers and reviews), or --minimal a skeleton to fill in',
    )
    .argument('[dir]', 'where to write it', '.')
    .option('--minimal', 'a skeleton instead of the example: one team, one person, one objective to fill in')
    .option('--force', 'overwrite files of an existing workspace')
    .action(async (dir: string, options: { force?: boolean; minimal?: boolean }) => {
      const target = resolve(process.cwd(), dir);
      const { written, kept } = await initWorkspace(target, options);
      const where = relative(process.cwd(), target) || '.';
      let text = `Wrote ${written.length} ${written.length === 1 ? 'file' : 'files'} to ${target}:\n${list(written)}\n`;
      if (kept.length > 0)
        text += `\nKept ${kept.length} ${kept.length === 1 ? 'file' : 'files'} that ${kept.length === 1 ? 'was' : 'were'} there already (not changed):\n${list(kept)}\n`;
      process.stdout.write(`${text}\nNext: npx okra validate${where === '.' ? '' : ` ${where}`}\n`);
    });
}
