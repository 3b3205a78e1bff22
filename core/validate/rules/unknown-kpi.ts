import { defineRule } from '../../plugins/define-rule';
import { OUTLINE_RULE } from '../outline/outline-rule';
import { referenceMessages, reportUnknown } from './lib/references';

/** Every key result that measures a KPI names a KPI defined in a KpiTargets file. */
export default defineRule({
  id: 'ref/unknown-kpi',
  severity: 'error',
  ...OUTLINE_RULE,
  description: 'Every key result that measures a KPI names a KPI defined in a KpiTargets file.',
  docs: `Checks the \`kpi\` of every key result.`,
  messages: referenceMessages('KPI', 'KpiTargets'),
  check(ctx) {
    reportUnknown<'unknown'>(ctx, 'kpi');
  },
});
