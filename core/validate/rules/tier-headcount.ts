import { defineRule } from '../../plugins/define-rule';
import { num, obj } from './lib/fields';

/**
 * A roster smaller than the agents scheduled at the peak hour cannot be true: the peak needs
 * more people logged in at once than the tier employs.
 */
export default defineRule({
  id: 'tier/headcount',
  severity: 'error',
  scope: 'file',
  description: "A tier's `staffing.headcount` is not below its `staffing.peak_agents`.",
  docs: '`headcount` counts the people on the roster; `peak_agents` the agents logged in at the forecast peak hour. The peak cannot need more people at once than the roster holds. The rule runs when both are given.',
  messages: {
    below:
      'Tier "{{tier}}" has a headcount of {{headcount}} but schedules {{peak}} agents at peak; the roster must hold at least the agents logged in at once (raise headcount to {{peak}} or lower peak_agents)',
  },
  check(ctx) {
    for (const tier of ctx.model.tiers.all) {
      const staffing = obj(obj(tier.value).staffing);
      const headcount = num(staffing.headcount);
      const peak = num(staffing.peak_agents);
      if (headcount === undefined || peak === undefined || headcount >= peak) continue;
      ctx.report({
        message: 'below',
        data: { tier: tier.id, headcount, peak },
        at: { file: tier.file, path: [...tier.path, 'staffing', 'headcount'] },
        related: [{ at: { file: tier.file, path: [...tier.path, 'staffing', 'peak_agents'] }, message: 'agents at peak' }],
      });
    }
  },
});
