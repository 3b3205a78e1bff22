import { defineRule } from '../../plugins/define-rule';
import { obj, records, str } from './lib/fields';

/**
 * Which target applies to a period never depends on the order of lines (the scope's own target
 * before `global`, then the shortest period that covers it), so two targets for the same scope and
 * period leave the choice open: one of them is a mistake.
 */
export default defineRule({
  id: 'kpi/duplicate-target',
  severity: 'error',
  scope: 'file',
  description: 'A KPI has two targets for the same scope and period.',
  messages: {
    duplicate: 'KPI "{{kpi}}" has another target for {{scope}} in {{period}} (number {{first}}); keep one',
  },
  check(ctx) {
    for (const kpi of ctx.model.kpis.all) {
      const seen = new Map<string, number>();
      for (const [t, j] of records(obj(kpi.value).targets)) {
        const period = str(t.period);
        if (period === undefined) continue;
        const scope = str(t.scope) ?? 'global';
        const key = `${scope}\u0000${period}`;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, j);
          continue;
        }
        ctx.report({
          message: 'duplicate',
          data: { kpi: kpi.id, scope, period, first: first + 1 },
          at: { file: kpi.file, path: [...kpi.path, 'targets', j] },
        });
      }
    }
  },
});
