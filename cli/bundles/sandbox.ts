import { registerSandboxCommand } from '../commands/sandbox';
import { runProgram } from '../program';

/** `okra sandbox`, bundled alone as dist/okra-sandbox.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerSandboxCommand]);
