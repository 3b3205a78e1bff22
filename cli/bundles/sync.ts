import { registerSyncCommand } from '../commands/sync';
import { runProgram } from '../program';

/** `okra sync`, bundled alone as dist/okra-sync.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerSyncCommand]);
