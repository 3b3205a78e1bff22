import { BUILTIN_PLUGIN_NAME, definePlugin } from '../plugins/define-plugin';
import { builtinRules } from '../validate/rules';

/**
 * The rules of the built-in plugin without its templates: what a validation loads, so that a
 * check (and each worker thread) does not load the document renderer.
 */
export const builtinRulesPlugin = definePlugin({ name: BUILTIN_PLUGIN_NAME, rules: [...builtinRules] });
