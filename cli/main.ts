import { Command, CommanderError } from 'commander';
import { WorkspaceError } from '../core';
import { registerDemoCommand } from './commands/demo';
import { registerInitCommand } from './commands/init';
import { registerRenderCommand } from './commands/render';
import { registerSandboxCommand } from './commands/sandbox';
import { registerScheduleCommand } from './commands/schedule';
import { registerSyncCommand } from './commands/sync';
import { registerValidateCommand } from './commands/validate';
import { UsageError } from './errors';
import { okraVersion } from './package-root';

/** The okra command line: argv → core → formatter. It owns files, stdout and exit codes. */
export function buildProgram(): Command {
  const program = new Command('okra')
    .description('OKRs, KPI targets, tiers and review cycles as YAML in git: checked, synced to Notion, rendered into documents')
    .version(okraVersion(), '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerInitCommand(program);
  registerValidateCommand(program);
  registerRenderCommand(program);
  registerScheduleCommand(program);
  registerSyncCommand(program);
  registerDemoCommand(program);
  registerSandboxCommand(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs okra; never lets a stack trace reach the user unless OKRA_DEBUG is set. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
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

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
