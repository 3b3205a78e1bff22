import type Handlebars from 'handlebars';
import type { TemplateDelegate } from 'handlebars';
import { compileOptions, parseTemplate } from './precompile';
import { precompiledHelpers, precompiledTemplates } from './templates.precompiled.generated';

type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/** The built-in templates compiled ahead of time, by their text. */
let precompiled: Map<string, TemplateSpec> | undefined;

/**
 * Compiles templates for `hb`, whose helpers are `helperNames`. A template whose text is one of
 * okra's built-in templates or partials takes the code compiled ahead of time (parsing and
 * compiling a template costs tens of milliseconds the first time; this costs nothing), as long
 * as the helper names are the built-in ones; any other template is compiled on first use.
 */
export function templateCompiler(hb: typeof Handlebars, helperNames: readonly string[]): (source: string) => TemplateDelegate {
  const options = compileOptions(helperNames);
  const builtinNames = sameNames(helperNames, precompiledHelpers);
  return (source) => {
    if (builtinNames) {
      precompiled ??= new Map(precompiledTemplates.map(({ source: text, spec }) => [text, spec as TemplateSpec]));
      const spec = precompiled.get(source);
      if (spec) return hb.template(spec);
    }
    return hb.compile(parseTemplate(hb, source), options);
  };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((name) => set.has(name));
}
