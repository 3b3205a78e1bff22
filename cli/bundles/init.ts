import { registerInitCommand } from '../commands/init';
import { runProgram } from '../program';

/** `okra init`, bundled alone as dist/okra-init.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerInitCommand]);
