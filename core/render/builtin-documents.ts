import { builtinHelpers } from './helpers';
import { builtinTemplates } from './templates.generated';

/**
 * okra's own document templates (`one-on-one`, `growwise-review`, `okr-retrospective` and their
 * partials, from templates/) and template helpers, in the shape a plugin contributes them.
 */
export const builtinDocuments = Object.freeze({
  templates: builtinTemplates,
  helpers: builtinHelpers,
});
