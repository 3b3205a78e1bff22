import { longestWaitMinutes, parseCoverage } from '../../compute/coverage';
import { durationSeconds, humanDuration } from '../../compute/duration';
import { defineRule } from '../../plugins/define-rule';
import { obj, records, str } from './lib/fields';

/** Minutes in words: 3600 → "2 days 12 h", 75 → "1 h 15 min". */
function minutesInWords(total: number): string {
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts = [days > 0 && `${days} ${days === 1 ? 'day' : 'days'}`, hours > 0 && `${hours} h`, minutes > 0 && `${minutes} min`];
  return parts.filter(Boolean).join(' ') || '0 min';
}

/**
 * A hand-off promised within 15 minutes into a desk that closes at night and at weekends is a
 * promise broken every evening: the escalation waits until the desk opens.
 */
export default defineRule({
  id: 'tier/handoff-hours',
  severity: 'warning',
  kinds: ['TierStructure'],
  description:
    "An escalation's `handoff_within` fits the receiving tier's `coverage`: the tier is never closed for longer while the escalating tier is open.",
  docs: "Reads `staffing.coverage` of both tiers (`24x7`, or windows like `Mon-Fri 08:00-20:00 Europe/Budapest`; without a time zone, the workspace's). For every minute the escalating tier is open (any minute when it gives no coverage), okra computes how long a hand-off waits for the receiving tier to open; when the longest such wait is longer than the escalation's `handoff_within`, the hand-off cannot be met then. The message names the longest gap. Runs only when the receiving tier gives a coverage and the escalation a `handoff_within`.",
  messages: {
    gap: 'Tier "{{from}}" hands {{when}} to "{{to}}" within {{within}}, but "{{to}}" ({{coverage}}) can be closed for {{gap}} while "{{from}}" is open; cover the gap (on-call, a wider window) or promise a longer handoff_within',
  },
  check(ctx) {
    for (const tier of ctx.itemsToCheck(ctx.model.tiers)) {
      const t = obj(tier.value);
      const source = parseCoverage(obj(t.staffing).coverage, ctx.model.timezone);
      for (const [escalation, j] of records(t.escalates_to)) {
        const to = str(escalation.tier);
        const within = durationSeconds(escalation.handoff_within);
        if (!to || within === undefined) continue;
        const target = ctx.model.tiers.byId.get(to)?.[0];
        if (!target) continue;
        const coverageText = str(obj(obj(target.value).staffing).coverage);
        const coverage = parseCoverage(coverageText, ctx.model.timezone);
        if (!coverage || coverage.always) continue;
        const wait = longestWaitMinutes(coverage, source);
        if (wait === undefined || wait * 60 <= within) continue;
        const when = Array.isArray(escalation.when) && escalation.when.length > 0 ? escalation.when.join(', ') : 'contacts';
        ctx.report({
          message: 'gap',
          data: {
            from: tier.id,
            to,
            when,
            within: humanDuration(String(escalation.handoff_within)),
            coverage: coverageText ?? '',
            gap: minutesInWords(wait),
          },
          at: { file: tier.file, path: [...tier.path, 'escalates_to', j, 'handoff_within'] },
          related: [
            { at: { file: target.file, path: [...target.path, 'staffing', 'coverage'] }, message: 'coverage of the receiving tier' },
          ],
        });
      }
    }
  },
});
