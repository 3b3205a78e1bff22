import { registerScheduleCommand } from '../commands/schedule';
import { runProgram } from '../program';

/** `okra schedule`, bundled alone as dist/okra-schedule.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerScheduleCommand]);
