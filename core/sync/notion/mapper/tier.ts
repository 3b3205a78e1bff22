import type { Tier } from '../../../model/types.generated';
import type { Entity } from '../../../model/workspace-model';
import type { LocalRow } from '../types';
import { num, share, str, strings, type MapContext } from './context';
import { makeRow } from './properties';

const STAFFING_LABEL: Record<string, string> = { in_house: 'In house', bpo: 'BPO', mixed: 'Mixed' };

/** A tier as a row of the Tiers database, with its escalation targets as a relation. */
export function tierRow(entity: Entity<Tier>, ctx: MapContext): LocalRow {
  const t = entity.value;
  const staffing = t.staffing ?? {};
  const escalations = Array.isArray(t.escalates_to) ? t.escalates_to : [];
  const vendorId = str(staffing.vendor);
  const vendor = vendorId ? (ctx.model.vendors.get(vendorId)?.value.name ?? vendorId) : '';
  const sl = t.sla?.service_level;
  return makeRow(
    'tiers',
    entity.id,
    {
      Name: str(t.name) || entity.id,
      Level: num(t.level),
      Staffing: STAFFING_LABEL[str(staffing.model)] ?? null,
      Vendor: vendor,
      Headcount: num(staffing.headcount),
      'Peak agents': num(staffing.peak_agents),
      Shrinkage: share(num(staffing.shrinkage)),
      Channels: strings(t.channels),
      Skills: strings(t.skills),
      Languages: strings(staffing.languages),
      Coverage: str(staffing.coverage),
      'First response': str(t.sla?.first_response),
      Resolution: str(t.sla?.resolution),
      'Service level': sl && typeof sl.target === 'number' ? `${Math.round(sl.target * 100)}% within ${str(sl.within)}` : '',
      'Escalation when': [...new Set(escalations.flatMap((e) => strings(e?.when)))],
    },
    { 'Escalates to': escalations.map((e) => str(e?.tier)).filter((id) => id !== '' && id !== entity.id && ctx.model.tiers.has(id)) },
  );
}
