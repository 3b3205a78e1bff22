import { builtinDocuments } from '../render/builtin-documents';
import { BUILTIN_PLUGIN_NAME, builtinRules } from './builtin-rules';
import { definePlugin } from './define-plugin';

export { builtinRules } from './builtin-rules';

/**
 * okra's own rules, templates and helpers, registered through the same API as a third-party
 * plugin so that there is one way in.
 */
export const builtinPlugin = definePlugin({
  name: BUILTIN_PLUGIN_NAME,
  rules: [...builtinRules],
  templates: builtinDocuments.templates,
  helpers: builtinDocuments.helpers,
});
