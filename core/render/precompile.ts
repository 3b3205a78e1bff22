import Handlebars from 'handlebars';
import { builtinHelpers } from './helpers';
import { markStrictParams } from './strict-paths';

/** Handlebars' own helpers: known to every template. */
const HANDLEBARS_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing'];

/**
 * How okra compiles a template: `strict` (unknown fields throw), `knownHelpersOnly` (unknown
 * helpers throw; which names are helpers decides what `{{name}}` means, so the helper names are
 * part of the compiled code) and `noEscape` (the view model is Markdown-escaped beforehand).
 */
export function compileOptions(helperNames: Iterable<string>) {
  const knownHelpers: Record<string, boolean> = {};
  for (const name of HANDLEBARS_HELPERS) knownHelpers[name] = true;
  for (const name of helperNames) knownHelpers[name] = true;
  return { strict: true, noEscape: true, knownHelpers, knownHelpersOnly: true } as const;
}

/** The AST okra compiles: helper arguments and conditions made strict too (see strict-paths.ts). */
export function parseTemplate(hb: typeof Handlebars, source: string) {
  return markStrictParams(hb.parse(source));
}

/** The helper names okra's built-in templates are compiled with: okra's own helpers, sorted. */
export function precompiledHelperNames(): string[] {
  return Object.keys(builtinHelpers).sort();
}

/**
 * The JavaScript source of a template compiled with okra's options, for
 * `templates.precompiled.generated.ts` (written by scripts/generate-templates.mjs).
 */
export function precompileTemplate(source: string, helperNames: readonly string[] = precompiledHelperNames()): string {
  const hb = Handlebars.create();
  return hb.precompile(parseTemplate(hb, source), compileOptions(helperNames)) as unknown as string;
}
