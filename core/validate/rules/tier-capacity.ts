import { humanDuration } from '../../compute/duration';
import { tierCapacity, tierChannelCapacity, type ChannelNeed } from '../../compute/tier-capacity';
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

/** One channel's share of the agents needed, with how it was computed. */
function describeNeed(c: ChannelNeed, maxOccupancy: number): string {
  const occupancy = c.needed ? ` at ${formatPercent(c.traffic / c.needed)} occupancy` : '';
  if (c.model === 'workload')
    return `${c.channel} ${c.needed} (${formatNumber(c.perDay ?? 0)} a day × ${humanDuration(c.aht ?? '')} over ${formatNumber(Number((c.hoursPerDay ?? 0).toFixed(1)))} h a day at most ${formatPercent(maxOccupancy)} occupancy)`;
  const reach = c.achieved === undefined ? '' : `: ${formatPercent(c.achieved)} within ${humanDuration(c.within ?? '')}`;
  const abandon = c.abandon === undefined ? '' : `, ${formatPercent(c.abandon)} abandoning`;
  return `${c.channel} ${c.needed} (${c.model === 'erlang-a' ? 'Erlang A' : 'Erlang C'}${reach}${abandon}${occupancy})`;
}

/**
 * A staffing plan that cannot answer the forecast peak within the service level will miss it
 * every week at that hour; catching it in review is cheaper than in the vendor's invoice.
 */
export default defineRule({
  id: 'tier/capacity',
  severity: 'warning',
  scope: 'file',
  description:
    "A tier's agents available at the forecast peak can reach its service level on every channel (Erlang C, Erlang A, email workload).",
  docs: [
    'Agents available = `floor(staffing.peak_agents × (1 − staffing.shrinkage))`. Traffic A = `forecast.contacts_per_hour` × `forecast.aht` (in hours) Erlangs. With Erlang C, okra computes the share of contacts answered within `sla.service_level.within` and the fewest agents that reach `sla.service_level.target`.',
    '',
    "With a forecast **per channel** (Format 1.1, `forecast` as a list), each channel is staffed on its own and the channels add up. Real-time channels (voice, chat, in_app, social) run on the effective handle time AHT ÷ `concurrency`, so traffic A = rate × AHT ÷ concurrency, and need the smallest N that meets the channel's service level (`sla.channels.<channel>.service_level`, else the tier's) with occupancy A/N at most `staffing.max_occupancy` (default 85 %): Erlang C, or Erlang A (M/M/N+M) when the entry gives `patience`, whose message also gives the abandon rate. `contacts_per_day` channels (email) need ⌈volume × AHT ÷ (covered hours a day × max_occupancy)⌉ agents, covered hours from `staffing.coverage` (24 for 24x7 or none). The message names the agents needed per channel and the agents to schedule, ⌈N ÷ (1 − shrinkage)⌉.",
    '',
    'The single-forecast form: Erlang C models a queue **answered one contact at a time**: voice, and chat without concurrency. For chat with several conversations per agent, or email, it overstates the agents needed; turn the rule off for such tiers with `# okra-disable-next-line tier/capacity` above `peak_agents`.',
    '',
    'A tier with a forecast but no `shrinkage` gets a warning, and 0 is assumed. The check runs only when every input is present: `peak_agents`, `forecast.contacts_per_hour`, `forecast.aht`, `sla.service_level.target` and `sla.service_level.within`. A warning by default; a workspace that staffs to the model can raise it to `error`.',
  ].join('\n'),
  messages: {
    noShrinkage:
      'Tier "{{tier}}" has a forecast but no staffing.shrinkage; 0 is assumed, so every agent at peak counts as available (breaks, training and absence usually take 25–35 %)',
    short:
      'Tier "{{tier}}" cannot meet its service level at the forecast peak: {{available}} agents available ({{peak}} at peak × (1 − {{shrinkage}} shrinkage)) answer {{achieved}} of {{contacts}} contacts an hour within {{within}}, against a target of {{target}}; {{needed}} agents are needed at an AHT of {{aht}}, so schedule {{schedule}} agents at peak ({{needed}} ÷ (1 − {{shrinkage}}))',
    channels:
      'Tier "{{tier}}" cannot staff its channels at the forecast peak: {{needed}} agents are needed ({{breakdown}}), but only {{available}} are available ({{peak}} at peak × (1 − {{shrinkage}} shrinkage)); schedule {{schedule}} agents at peak ({{needed}} ÷ (1 − {{shrinkage}}))',
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
      const byChannel = tierChannelCapacity(tier.value, ctx.model.timezone);
      if (byChannel) {
        if (byChannel.ok || byChannel.needed === undefined) continue;
        ctx.report({
          message: 'channels',
          data: {
            tier: tier.id,
            needed: byChannel.needed,
            breakdown: byChannel.channels.map((c) => describeNeed(c, byChannel.maxOccupancy)).join('; '),
            available: byChannel.available,
            peak: formatNumber(byChannel.peakAgents),
            shrinkage: formatNumber(byChannel.shrinkage),
            schedule: agentsToSchedule(byChannel.needed, byChannel.shrinkage),
          },
          at: { file: tier.file, path: [...tier.path, 'staffing', 'peak_agents'] },
          related: [{ at: { file: tier.file, path: [...tier.path, 'forecast'] }, message: 'forecast by channel' }],
        });
        continue;
      }
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
