import { humanDuration } from '../../compute/duration';
import { tierCapacity } from '../../compute/tier-capacity';
import { defineRule } from '../../plugins/define-rule';
import { formatNumber, formatPercent, isObj, num, obj } from './lib/fields';

/** A forecast given: one mapping, or a list with at least one entry. */
function hasForecast(forecast: unknown): boolean {
  return isObj(forecast) || (Array.isArray(forecast) && forecast.length > 0);
}

/** Agents on the rota so that `needed` are logged in after shrinkage (breaks, training, absence). */
function agentsToSchedule(needed: number, shrinkage: number): number {
  // 50 ÷ 0.68 = 73.53 → 74; toFixed keeps 42 ÷ 0.7 = 60.000000001 from becoming 61.
  return Math.ceil(Number((needed / (1 - shrinkage)).toFixed(9)));
}

/**
 * A staffing plan that cannot answer the forecast peak within the service level will miss it
 * every week at that hour; catching it in review is cheaper than in the vendor's invoice.
 */
export default defineRule({
  id: 'tier/capacity',
  severity: 'warning',
  scope: 'file',
  description: "A tier's agents available at the forecast peak can reach its service level (Erlang C).",
  docs: [
    'Agents available = `floor(staffing.peak_agents × (1 − staffing.shrinkage))`. Traffic A = `forecast.contacts_per_hour` × `forecast.aht` (in hours) Erlangs. With Erlang C, okra computes the share of contacts answered within `sla.service_level.within` and the fewest agents that reach `sla.service_level.target`.',
    '',
    'Erlang C models a queue **answered one contact at a time**: voice, and chat without concurrency. For chat with several conversations per agent, or email, it overstates the agents needed; turn the rule off for such tiers with `# okra-disable-next-line tier/capacity` above `peak_agents`.',
    '',
    'A tier with a forecast but no `shrinkage` gets a warning, and 0 is assumed. The check runs only when every input is present: `peak_agents`, `forecast.contacts_per_hour`, `forecast.aht`, `sla.service_level.target` and `sla.service_level.within`. A warning by default; a workspace that staffs to the model can raise it to `error`.',
  ].join('\n'),
  messages: {
    noShrinkage:
      'Tier "{{tier}}" has a forecast but no staffing.shrinkage; 0 is assumed, so every agent at peak counts as available (breaks, training and absence usually take 25–35 %)',
    short:
      'Tier "{{tier}}" cannot meet its service level at the forecast peak: {{available}} agents available ({{peak}} at peak × (1 − {{shrinkage}} shrinkage)) answer {{achieved}} of {{contacts}} contacts an hour within {{within}}, against a target of {{target}}; {{needed}} agents are needed at an AHT of {{aht}}, so schedule {{schedule}} agents at peak ({{needed}} ÷ (1 − {{shrinkage}}))',
    overloaded:
      'Tier "{{tier}}" cannot keep up at the forecast peak: {{contacts}} contacts an hour at an AHT of {{aht}} keep {{traffic}} agents busy all the time, but only {{available}} are available ({{peak}} at peak × (1 − {{shrinkage}} shrinkage)), so the queue grows without end; {{needed}} agents are needed to answer {{target}} within {{within}}, so schedule {{schedule}} agents at peak ({{needed}} ÷ (1 − {{shrinkage}}))',
  },
  check(ctx) {
    for (const tier of ctx.model.tiers.all) {
      const t = obj(tier.value);
      const staffing = t.staffing;
      if (hasForecast(t.forecast) && num(obj(staffing).shrinkage) === undefined)
        ctx.report({
          message: 'noShrinkage',
          data: { tier: tier.id },
          at: { file: tier.file, path: [...tier.path, isObj(staffing) ? 'staffing' : 'forecast'] },
        });
      const verdict = tierCapacity(tier.value);
      if (!verdict || verdict.ok) continue;
      const { available, traffic, needed } = verdict;
      // No head count reaches the target (beyond what the model computes): nothing useful to say.
      if (needed === undefined) continue;
      ctx.report({
        // With no more agents than Erlangs of traffic the service level is 0 %: say why instead.
        message: available <= traffic ? 'overloaded' : 'short',
        data: {
          tier: tier.id,
          available,
          peak: formatNumber(verdict.peakAgents),
          shrinkage: formatNumber(verdict.shrinkage),
          achieved: formatPercent(verdict.achieved),
          contacts: formatNumber(verdict.contactsPerHour),
          within: humanDuration(verdict.within),
          target: formatPercent(verdict.target),
          needed,
          aht: humanDuration(verdict.aht),
          schedule: agentsToSchedule(needed, verdict.shrinkage),
          traffic: formatNumber(Number(traffic.toFixed(1))),
        },
        at: { file: tier.file, path: [...tier.path, 'staffing', 'peak_agents'] },
        related: [
          { at: { file: tier.file, path: [...tier.path, 'forecast', 'contacts_per_hour'] }, message: 'forecast peak' },
          { at: { file: tier.file, path: [...tier.path, 'sla', 'service_level'] }, message: 'service level target' },
        ],
      });
    }
  },
});
