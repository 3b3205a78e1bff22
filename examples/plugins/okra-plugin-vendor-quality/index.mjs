// An okra plugin: contracts with BPO vendors are managed on quality as much as on cost, so every
// vendor that staffs a tier 1 queue needs a quality-score target of its own.
import { definePlugin, defineRule } from 'okra';

/** A KPI counts as a quality score when its id or name says so. */
function isQualityKpi(kpi) {
  return /quality/i.test(kpi.id) || /quality/i.test(String(kpi.value.name ?? ''));
}

const vendorHasQualityTarget = defineRule({
  id: 'vendor-has-quality-target',
  severity: 'warning',
  // It reads tiers and KPI targets only: `okra validate` then need not hold the Objectives files.
  kinds: ['TierStructure', 'KpiTargets'],
  description: 'Every BPO vendor that staffs a tier 1 queue has a quality-score KPI target scoped to it.',
  messages: {
    missing:
      'Vendor "{{vendor}}" staffs tier 1 ("{{tier}}") but no quality KPI has a target for it; add a target with `scope: {{vendor}}` to {{kpi}}',
  },
  check({ model, report }) {
    const qualityKpis = model.kpis.all.filter(isQualityKpi);
    for (const tier of model.tiers.all) {
      const vendor = tier.value.staffing?.vendor;
      if (tier.value.level !== 1 || typeof vendor !== 'string') continue;
      const covered = qualityKpis.some((kpi) => (kpi.value.targets ?? []).some((target) => target?.scope === vendor));
      if (covered) continue;
      report({
        message: 'missing',
        data: { vendor, tier: tier.id, kpi: qualityKpis[0] ? `KPI "${qualityKpis[0].id}"` : 'a quality-score KPI' },
        at: { file: tier.file, path: [...tier.path, 'staffing', 'vendor'] },
        related: qualityKpis.slice(0, 1).map((kpi) => ({ at: { file: kpi.file, path: kpi.path }, message: 'quality KPI defined here' })),
      });
    }
  },
});

export default definePlugin({ name: 'okra-plugin-vendor-quality', rules: [vendorHasQualityTarget] });
