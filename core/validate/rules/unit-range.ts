import { defineRule } from '../../plugins/define-rule';
import { formatNumber, num, obj, records, str } from './lib/fields';

const RANGES: Record<string, { low: number; high: number; hint: string }> = {
  percent: { low: 0, high: 100, hint: '0 to 100' },
  ratio: { low: 0, high: 1, hint: '0 to 1 (0.8, not 80)' },
};

const TARGET_FIELDS = ['target', 'warn', 'min', 'max', 'warn_min', 'warn_max'] as const;

/** A percent of 0.85 or a ratio of 85 is almost always the other unit written by mistake. */
export default defineRule({
  id: 'kpi/unit-range',
  severity: 'warning',
  scope: 'file',
  description: 'A value of a percent KPI is outside 0..100, or of a ratio KPI outside 0..1.',
  messages: {
    outOfRange: '{{what}} of KPI "{{kpi}}" is {{value}}, outside {{hint}} for a {{unit}}',
  },
  check(ctx) {
    for (const kpi of ctx.model.kpis.all) {
      const k = obj(kpi.value);
      const unit = str(k.unit);
      const range = unit === undefined ? undefined : RANGES[unit];
      if (!range || !unit) continue;
      const check = (value: number | undefined, what: string, path: Array<string | number>) => {
        if (value === undefined || (value >= range.low && value <= range.high)) return;
        ctx.report({
          message: 'outOfRange',
          data: { what, kpi: kpi.id, value: formatNumber(value), unit, hint: range.hint },
          at: { file: kpi.file, path: [...kpi.path, ...path] },
        });
      };
      for (const [t, j] of records(k.targets)) {
        const label = `${str(t.scope) ?? 'global'}, ${str(t.period) ?? 'any period'}`;
        for (const field of TARGET_FIELDS) check(num(t[field]), `The ${field} (${label})`, ['targets', j, field]);
      }
      for (const [a, j] of records(k.actuals)) {
        check(num(a.value), `The actual for ${str(a.period) ?? 'a period'} (${str(a.scope) ?? 'global'})`, ['actuals', j, 'value']);
      }
    }
  },
});
