import type { Interval } from 'luxon';
import { cycleInterval } from '../../compute/cycle';
import { parseDate } from '../../compute/date';
import { defineRule } from '../../plugins/define-rule';
import { obj, records, str } from './lib/fields';

/** The cycle's first and last day as ISO dates, once per Interval (cycleInterval shares them). */
const daysOf = new WeakMap<Interval, { cycle: string; start: string; end: string }>();
function firstAndLastDay(cycle: string, interval: Interval): { cycle: string; start: string; end: string } {
  let range = daysOf.get(interval);
  if (!range) {
    range = { cycle, start: interval.start?.toISODate() ?? '', end: interval.end?.minus({ days: 1 }).toISODate() ?? '' };
    daysOf.set(interval, range);
  }
  return range;
}

/**
 * A milestone due, or a check-in dated, outside the cycle its file is for is usually a typo in
 * the year or a KR copied from last cycle; either way the timeline and status would be wrong.
 */
export default defineRule({
  id: 'okr/date-outside-cycle',
  severity: 'warning',
  scope: 'file',
  description: "Milestone due dates and check-in dates fall within the cycle of their Objectives file, in the workspace's time zone.",
  docs: 'The cycle (`2026`, `2026-H1`, `2026-Q3`, `2026-03`) runs from its first day 00:00 to the end of its last day in the `timezone` of `okra.config.yaml`. A warning by default because a final check-in a few days after the cycle closes is common; raise it to `error` in the config to forbid it.',
  messages: {
    due: 'Milestone "{{kr}}" is due on {{date}}, outside the {{cycle}} cycle of this file ({{start}} to {{end}})',
    checkIn: 'This check-in on key result "{{kr}}" is dated {{date}}, outside the {{cycle}} cycle of this file ({{start}} to {{end}})',
  },
  check(ctx) {
    const zone = ctx.model.timezone;
    for (const set of ctx.model.objectiveSets) {
      const cycle = str(obj(set.value).cycle);
      const interval = cycleInterval(cycle, zone);
      if (!cycle || !interval?.start || !interval.end) continue;
      const range = firstAndLastDay(cycle, interval);
      // The date as written when it falls outside; unreadable dates are the schema's to report.
      const outside = (value: unknown): string | undefined => {
        // ISO dates compare as text: one between the first and last day is inside, with no
        // date maths (a workspace has hundreds of thousands of them).
        if (typeof value === 'string' && value >= range.start && value <= range.end && value.length === 10) return undefined;
        const date = parseDate(value, zone);
        return date && !interval.contains(date) ? (date.toISODate() ?? undefined) : undefined;
      };
      for (const [objective, i] of records(obj(set.value).objectives)) {
        for (const [kr, j] of records(objective.key_results)) {
          const name = str(kr.id) ?? `#${j + 1}`;
          const krPath = () => [...set.path, 'objectives', i, 'key_results', j];
          const due = outside(kr.due);
          if (due)
            ctx.report({ message: 'due', data: { kr: name, date: due, ...range }, at: { file: set.file, path: [...krPath(), 'due'] } });
          for (const [checkIn, k] of records(kr.check_ins)) {
            const date = outside(checkIn.date);
            if (!date) continue;
            ctx.report({
              message: 'checkIn',
              data: { kr: name, date, ...range },
              at: { file: set.file, path: [...krPath(), 'check_ins', k, 'date'] },
            });
          }
        }
      }
    }
  },
});
