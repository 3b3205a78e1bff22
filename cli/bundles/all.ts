import { registerDemoCommand } from '../commands/demo';
import { registerInitCommand } from '../commands/init';
import { registerRenderCommand } from '../commands/render';
import { registerSandboxCommand } from '../commands/sandbox';
import { registerScheduleCommand } from '../commands/schedule';
import { registerSyncCommand } from '../commands/sync';
import { registerValidateCommand } from '../commands/validate';
import { runProgram } from '../program';

/** Every command, in the order `okra --help` lists them. */
export const ALL_COMMANDS = [
  registerInitCommand,
  registerValidateCommand,
  registerRenderCommand,
  registerScheduleCommand,
  registerSyncCommand,
  registerDemoCommand,
  registerSandboxCommand,
];

/** okra with every command (dist/okra-all.js): for help, a mistyped command or none (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, ALL_COMMANDS);
