import { definePlugin } from '../plugins/define-plugin';
import { builtinDocuments } from '../render/builtin-documents';
import { builtinRulesPlugin } from './rules-plugin';

export { builtinRules } from '../validate/rules';

/**
 * okra's own rules, templates and helpers, registered through the same API as a third-party
 * plugin so that there is one way in.
 */
export const builtinPlugin = definePlugin({
  ...builtinRulesPlugin,
  rules: [...(builtinRulesPlugin.rules ?? [])],
  templates: builtinDocuments.templates,
  helpers: builtinDocuments.helpers,
});
