import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  isLoopbackHost,
  parseFaultSpec,
  PUBLIC_SANDBOX_TOKEN,
  startSandbox,
  type FaultSpec,
  type SandboxHandle,
  type SandboxState,
} from '../../sandbox';
import { writeFileAtomic } from '../atomic-write';
import { UsageError } from '../errors';

/** Flags of `okra sandbox`, as commander hands them over. */
export interface SandboxCommandOptions {
  port?: string;
  host?: string;
  allowHost?: string[];
  data?: string;
  faults?: string;
  token?: string;
  seed?: string;
  rootPage?: string;
}

/** The port `okra sandbox` listens on unless told otherwise; fixed so `baseUrl` can live in config. */
export const DEFAULT_SANDBOX_PORT = 8765;

/**
 * Starts the sandbox for the CLI: reads `--data` if it exists, writes it back
 * atomically after changes, and reports where everything is through `print`;
 * `warn` says when other machines can reach it.
 */
export async function runSandbox(
  options: SandboxCommandOptions,
  print: (line: string) => void,
  warn: (line: string) => void = print,
): Promise<SandboxHandle> {
  const port = options.port === undefined ? DEFAULT_SANDBOX_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${options.port}"`);
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got "${options.seed}"`);
  let faults: FaultSpec | undefined;
  try {
    faults = options.faults ? parseFaultSpec(options.faults) : undefined;
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`);
  }
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? PUBLIC_SANDBOX_TOKEN;
  const reachable = !isLoopbackHost(host);
  // Everyone knows the default token; beyond loopback it would let anyone in.
  if (reachable && token === PUBLIC_SANDBOX_TOKEN)
    throw new UsageError(
      `--host ${host} lets other machines reach the sandbox, and its default token ${PUBLIC_SANDBOX_TOKEN} is public: ` +
        'pass --token with a secret of your own',
    );
  const dataFile = options.data ? resolve(process.cwd(), options.data) : undefined;
  const initialState = dataFile ? await readState(dataFile) : undefined;
  const sandbox = await startSandbox({
    port,
    host,
    allowedHosts: options.allowHost,
    token,
    seed,
    faults,
    initialState,
    persist: dataFile ? (json) => writeFileAtomic(dataFile, json) : undefined,
  });
  const state = sandbox.state();
  let roots = Object.values(state.pages).filter((p) => p.shared);
  if (roots.length === 0) {
    sandbox.createRootPage(options.rootPage ?? 'okra');
    roots = Object.values(sandbox.state().pages).filter((p) => p.shared);
  }
  print(`okra sandbox: Notion API (2025-09-03) at ${sandbox.url}`);
  print(`  board:     ${sandbox.boardUrl}`);
  print(`  token:     ${sandbox.token}`);
  for (const root of roots) {
    const title = root.properties.title;
    const text = Array.isArray(title)
      ? title.map((t) => (typeof t === 'object' && t && 'plain_text' in t ? t.plain_text : '')).join('')
      : '';
    print(`  root page: ${root.id}  "${text}" (use as notion.parent_page)`);
  }
  if (dataFile) print(`  data:      ${dataFile}${initialState ? ' (loaded)' : ' (new)'}`);
  if (faults) print(`  faults:    ${options.faults}`);
  if (reachable) {
    const names = ['localhost', '127.0.0.1', '[::1]', host, ...(options.allowHost ?? [])];
    warn(
      `okra sandbox: warning: listening on ${host}, beyond this machine: whoever reaches it with the token can read and change its pages. ` +
        `It answers requests addressed to ${names.join(', ')}; add --allow-host NAME for the name other machines use.`,
    );
  }
  print('Press Ctrl+C to stop.');
  return sandbox;
}

async function readState(file: string): Promise<SandboxState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as SandboxState;
  } catch {
    throw new UsageError(`${file} is not a sandbox data file (invalid JSON); move it away or pick another --data path`);
  }
}

/** Adds `okra sandbox` to the program. */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('run a local Notion-compatible API to sync against, with a board view of what your team will see')
    .option('--port <n>', `port to listen on (0 picks a free one)`, String(DEFAULT_SANDBOX_PORT))
    .option('--host <address>', 'interface to bind; beyond loopback it needs --token', '127.0.0.1')
    .option(
      '--allow-host <name>',
      'also answer requests addressed to this host name (repeatable); others get 403',
      (name: string, names: string[]) => [...names, name],
      [],
    )
    .option('--data <file>', 'keep state in this JSON file (written atomically after each change)')
    .option('--faults <spec>', 'inject failures, e.g. "429=0.1,502=0.05,drop=0.01,latency=20-200,seed=1"')
    .option('--token <token>', `integration token clients must send (default ${PUBLIC_SANDBOX_TOKEN}, public: loopback only)`)
    .option('--seed <n>', 'seed for ids and faults (reproducible runs)')
    .option('--root-page <title>', 'title of the shared root page created in a fresh sandbox', 'okra')
    .action(async (options: SandboxCommandOptions) => {
      const sandbox = await runSandbox(
        options,
        (line) => process.stdout.write(`${line}\n`),
        (line) => process.stderr.write(`${line}\n`),
      );
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await sandbox.close();
      process.stdout.write('okra sandbox: stopped\n');
    });
}
