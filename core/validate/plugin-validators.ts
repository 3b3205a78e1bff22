import type { Plugin } from '../plugins/define-plugin';
import { compileSchema, type ExtraValidators } from './schema';

/** Validators for the kinds that plugins add, compiled once per run. */
export function pluginValidators(plugins: readonly Plugin[]): ExtraValidators {
  const validators: ExtraValidators = new Map();
  for (const plugin of plugins) {
    for (const [kind, schema] of Object.entries(plugin.schemas ?? {})) validators.set(kind, compileSchema(schema));
  }
  return validators;
}
