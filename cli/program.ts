import { Command, CommanderError } from 'commander';
import { WorkspaceError } from '../core/workspace/load-workspace';
import { UsageError } from './errors';
import { okraVersion } from './package-root';

/** Adds one command (its options, help and action) to the program. */
export type RegisterCommand = (program: Command) => void;

/** The okra command line with `commands`: argv → core → formatter. It owns files, stdout and exit codes. */
export function buildProgram(commands: readonly RegisterCommand[]): Command {
  const program = new Command('okra')
    .description('OKRs, KPI targets, tiers and review cycles as YAML in git: checked, synced to Notion, rendered into documents')
    .version(okraVersion(), '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const register of commands) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs okra with `commands`; never lets a stack trace reach the user unless OKRA_DEBUG is set. */
export async function runProgram(argv: string[], commands: readonly RegisterCommand[]): Promise<number> {
  try {
    await buildProgram(commands).parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not failures; a wrong flag or argument is a usage error.
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof WorkspaceError) {
      process.stderr.write(`okra: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`okra: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.OKRA_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
    else process.stderr.write('(set OKRA_DEBUG=1 to see where this came from)\n');
    return 2;
  }
}
