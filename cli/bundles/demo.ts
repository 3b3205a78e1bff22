import { registerDemoCommand } from '../commands/demo';
import { runProgram } from '../program';

/** `okra demo`, bundled alone as dist/okra-demo.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerDemoCommand]);
