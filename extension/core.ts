import { join } from 'node:path';
import type * as OkraCore from '../core';
import type * as OkraSandbox from '../sandbox';

export type Core = typeof OkraCore;
export type Sandbox = typeof OkraSandbox;

let loadedCore: Core | undefined;
let loadedSandbox: Sandbox | undefined;

/** A bundle that the build writes next to dist/extension.js, required at run time. */
function loadBundle<T>(file: string): T {
  // A computed path: esbuild leaves this require alone instead of bundling the module in.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, file)) as T;
}

/**
 * okra's core, loaded on first use from dist/core.js, the library bundle that the build writes
 * next to dist/extension.js (the package's own `exports`). Keeping the core out of extension.js
 * is what makes activation cheap: VS Code parses only the small glue bundle when it activates
 * okra; the parser, schemas, rules and compute (about 1.2 MB of JavaScript) are parsed after
 * activate() has returned, when the workspace loads. Modules here import core *types* only.
 */
export function core(): Core {
  return (loadedCore ??= loadBundle<Core>('core.js'));
}

/**
 * The local Notion-compatible sandbox server (sandbox/), loaded from dist/sandbox.js the
 * first time a sandbox is started: most sessions never start one, so neither extension.js nor
 * core.js carries it.
 */
export function sandbox(): Sandbox {
  return (loadedSandbox ??= loadBundle<Sandbox>('sandbox.js'));
}
