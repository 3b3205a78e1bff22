import { registerValidateCommand } from '../commands/validate';
import { runProgram } from '../program';

/** `okra validate`, bundled alone as dist/okra-validate.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerValidateCommand]);
