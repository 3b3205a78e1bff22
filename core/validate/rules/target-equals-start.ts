import { defineRule } from '../../plugins/define-rule';
import { formatNumber, num, obj } from './lib/fields';

/** Progress is (current − start) ÷ (target − start): with target = start it is undefined. */
export default defineRule({
  id: 'okr/target-equals-start',
  severity: 'warning',
  scope: 'file',
  description: 'A metric key result has a target different from its start, or its progress cannot be measured.',
  docs: 'A warning, not an error: a KR drafted with placeholder numbers is common while OKRs are being set. Progress, score and status of such a KR are left empty in documents and sync. To hold a level ("keep CSAT at 92 %"), use a boolean key result or a KPI target instead.',
  messages: {
    same: 'Key result "{{kr}}" starts at {{value}} and has the same target, so its progress cannot be measured; set the target to the value it should reach (to hold a level, use a boolean key result or a KPI target)',
  },
  check(ctx) {
    for (const kr of ctx.model.keyResults.all) {
      const v = obj(kr.value);
      if (v.type !== 'metric') continue;
      const start = num(v.start);
      const target = num(v.target);
      if (start === undefined || target === undefined || start !== target) continue;
      ctx.report({ message: 'same', data: { kr: kr.id, value: formatNumber(start) }, at: { file: kr.file, path: [...kr.path, 'target'] } });
    }
  },
});
