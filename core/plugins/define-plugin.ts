import type { HelperDelegate } from 'handlebars';
import type { Rule } from './define-rule';

/**
 * What a plugin contributes. The built-in rules, templates and helpers are themselves a plugin
 * made with this function.
 */
export interface PluginDefinition {
  /** npm-style name; rule ids are namespaced with it (`okra-plugin-acme` → `acme/<rule>`). */
  name: string;
  rules?: Rule<string>[];
  /** JSON Schemas for extra kinds, keyed by the `kind:` they validate. */
  schemas?: Record<string, object>;
  /** Handlebars templates (and partials, by a name starting with `_` or `partials/`), by name. */
  templates?: Record<string, string>;
  /** Handlebars helpers, by name: pure and total (return '' for bad input, never throw). */
  helpers?: Record<string, HelperDelegate>;
}

export type Plugin = Readonly<PluginDefinition>;

/** The built-in plugin's name: its rule ids are not namespaced. */
export const BUILTIN_PLUGIN_NAME = 'okra-builtin';

export function definePlugin(plugin: PluginDefinition): Plugin {
  if (typeof plugin?.name !== 'string' || plugin.name.length === 0) {
    throw new TypeError('definePlugin() needs a name');
  }
  return Object.freeze(plugin);
}

/** The rule-id namespace of a plugin: its name without scope and `okra-plugin-` prefix. */
export function pluginNamespace(name: string): string {
  const bare = name.replace(/^@[^/]+\//, '').replace(/^okra-plugin-/, '');
  return bare.replace(/\.(m?[jt]s)$/, '').replace(/^.*\//, '');
}
