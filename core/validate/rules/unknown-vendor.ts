import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { referenceMessages, reportUnknown } from './lib/references';

/** Every vendor reference names a vendor defined in an Org file. */
export default defineRule({
  id: 'ref/unknown-vendor',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Every vendor reference names a vendor defined in an Org file.',
  docs: `Checks people's \`vendor\`, tier staffing \`vendor\`, and KPI scopes whose closest match is a vendor id.`,
  messages: referenceMessages('vendor', 'Org', true),
  check(ctx) {
    reportUnknown(ctx, 'vendor');
  },
});
