import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { endQuietlyOnBrokenPipe } from './broken-pipe';

/**
 * The bundle to load for `argv`: each command is bundled alone (cli/bundles/<name>.ts, built to
 * dist/okra-<name>.js), so that `okra validate` compiles and starts validate's code only, not
 * sync's, render's or the sandbox's. Help, a mistyped command or none load every command
 * (dist/okra-all.js): commander needs them all to list them or to suggest one.
 */
export function bundleFor(argv: readonly string[], dir: string): string {
  const name = argv[0];
  if (name !== undefined && name !== 'all' && /^[a-z][a-z-]*$/.test(name)) {
    const file = join(dir, `okra-${name}.js`);
    if (existsSync(file)) return file;
  }
  return join(dir, 'okra-all.js');
}

/** dist/cli.js, the `okra` command: picks the bundle, and keeps a closed stdout from crashing it. */
async function run(argv: string[]): Promise<void> {
  endQuietlyOnBrokenPipe(process.stdout);
  endQuietlyOnBrokenPipe(process.stderr);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- which bundle is known only now
  const bundle = require(bundleFor(argv, __dirname)) as { main(argv: string[]): Promise<number> };
  process.exitCode = await bundle.main(argv);
}

if (require.main === module) void run(process.argv.slice(2));
