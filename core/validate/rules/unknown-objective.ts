import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { referenceMessages, reportUnknown } from './lib/references';

/** Every `aligns_to` names an objective defined in an Objectives file. */
export default defineRule({
  id: 'ref/unknown-objective',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Every `aligns_to` names an objective defined in an Objectives file.',
  docs: `Objectives may align to an objective in any file of the workspace, for example a team objective to the organisation's.`,
  messages: referenceMessages('objective', 'Objectives'),
  check(ctx) {
    reportUnknown<'unknown'>(ctx, 'objective');
  },
});
