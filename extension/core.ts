import { join } from 'node:path';
import type * as OkraCore from '../core';

export type Core = typeof OkraCore;

let loaded: Core | undefined;

/**
 * okra's core, loaded on first use from dist/core.js, the library bundle that the build writes
 * next to dist/extension.js (the package's own `exports`). Keeping the core out of extension.js
 * is what makes activation cheap: VS Code parses only the small glue bundle when it activates
 * okra; the parser, schemas, rules and compute (about 1.2 MB of JavaScript) are parsed after
 * activate() has returned, when the workspace loads. Modules here import core *types* only.
 */
export function core(): Core {
  // A computed path: esbuild leaves this require alone instead of bundling the core in.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require(join(__dirname, 'core.js')) as Core);
}
