import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The okra repository, and the bundled CLI that the tests run as a user would. */
export const REPO = resolve(__dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');

/** What goes into dist/cli.js: when any of it is newer than the bundle, the bundle is rebuilt. */
const SOURCES = ['cli', 'core', 'sandbox', 'schemas', 'templates', 'package.json', 'esbuild.config.mjs'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function cliIsStale(): boolean {
  if (!existsSync(CLI)) return true;
  const built = statSync(CLI).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(REPO, source)) > built);
}

let built = false;

/**
 * Builds dist/ with `npm run build` when dist/cli.js is missing or older than the sources. The
 * CLI is several bundles (dist/cli.js loads dist/okra-<command>.js), so it is built whole.
 */
export function ensureCliBuilt(): void {
  if (built || !cliIsStale()) {
    built = true;
    return;
  }
  const full = spawnSync('npm', ['run', '--silent', 'build'], { cwd: REPO, encoding: 'utf8' });
  if (full.status !== 0 || cliIsStale()) throw new Error(`building the CLI failed:\n${full.stdout}\n${full.stderr}`);
  built = true;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` in `cwd` without a terminal and without colours, as CI would.
 * With `killAfterMs`, a run that should have ended by then is killed (its code is then null).
 */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined>; killAfterMs?: number },
): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  // Nothing from the test runner or the developer's shell may change the output.
  for (const name of ['FORCE_COLOR', 'OKRA_DEBUG', 'NODE_OPTIONS', 'GITHUB_ACTIONS'])
    if (!(options.env && name in options.env)) delete env[name];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.killAfterMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** Replaces each `[path, placeholder]` (and the path's real path) in `text`, longest path first. */
export function replacePaths(text: string, replacements: ReadonlyArray<[string, string]>): string {
  const pairs: Array<[string, string]> = [];
  for (const [path, placeholder] of replacements) {
    pairs.push([path, placeholder]);
    if (existsSync(path)) pairs.push([realpathSync(path), placeholder]);
  }
  pairs.sort((a, b) => b[0].length - a[0].length);
  let result = text;
  for (const [path, placeholder] of pairs) result = result.split(path).join(placeholder);
  return result;
}
