import { defineRule } from '../../plugins/define-rule';
import { formatNumber, num, obj, records, str } from './lib/fields';

/**
 * `warn` is the amber threshold: between target and warn a KPI is amber, beyond warn red. On
 * the good side of the target the amber band would be empty and a miss would go straight to red.
 */
export default defineRule({
  id: 'kpi/threshold-side',
  severity: 'warning',
  scope: 'file',
  description:
    "A KPI target's amber threshold (`warn`) lies on the bad side of the target: above it when lower is better, below it when higher is better.",
  docs: 'A `warn` equal to the target is reported too: it leaves no amber band. A warning by default, since attainment still computes (just without amber); many teams raise it to `error`.',
  messages: {
    wrongSide:
      'The amber threshold of KPI "{{kpi}}" ({{scope}}, {{period}}) is {{warn}}, {{relation}} the target {{target}}; {{better}} is better for this KPI, so the threshold must be {{expected}} the target',
  },
  check(ctx) {
    for (const kpi of ctx.model.kpis.all) {
      const k = obj(kpi.value);
      if (k.direction !== 'higher_is_better' && k.direction !== 'lower_is_better') continue;
      const lower = k.direction === 'lower_is_better';
      for (const [t, j] of records(k.targets)) {
        const target = num(t.target);
        const warn = num(t.warn);
        if (target === undefined || warn === undefined) continue;
        if (lower ? warn > target : warn < target) continue;
        ctx.report({
          message: 'wrongSide',
          data: {
            kpi: kpi.id,
            scope: str(t.scope) ?? 'global',
            period: str(t.period) ?? 'any period',
            warn: formatNumber(warn),
            target: formatNumber(target),
            relation: warn === target ? 'equal to' : warn > target ? 'above' : 'below',
            better: lower ? 'lower' : 'higher',
            expected: lower ? 'above' : 'below',
          },
          at: { file: kpi.file, path: [...kpi.path, 'targets', j, 'warn'] },
        });
      }
    }
  },
});
