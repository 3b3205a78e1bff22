import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { referenceMessages, reportUnknown } from './lib/references';

/** Every escalation names a tier defined in a TierStructure file, as does a KPI scope meant as a tier. */
export default defineRule({
  id: 'ref/unknown-tier',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Every escalation names a tier defined in a TierStructure file, as does a KPI scope meant as a tier.',
  docs: `Checks \`escalates_to[].tier\`, and KPI scopes whose closest match is a tier id.`,
  messages: referenceMessages('tier', 'TierStructure', true),
  check(ctx) {
    reportUnknown(ctx, 'tier');
  },
});
