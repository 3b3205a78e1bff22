import { registerRenderCommand } from '../commands/render';
import { runProgram } from '../program';

/** `okra render`, bundled alone as dist/okra-render.js (see cli/main.ts). */
export const main = (argv: string[]): Promise<number> => runProgram(argv, [registerRenderCommand]);
