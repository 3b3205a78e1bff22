import { durationSeconds } from './duration';
import { agentsNeeded, serviceLevel, trafficErlangs } from './erlang-c';

export interface CapacityVerdict {
  /** Agents available at the peak: `floor(peak_agents × (1 − shrinkage))`. */
  available: number;
  /** Offered traffic in Erlangs. */
  traffic: number;
  /** Share answered within the threshold with the agents available. */
  achieved: number;
  target: number;
  /** The service level's threshold as written (`PT20S`). */
  within: string;
  peakAgents: number;
  /** `staffing.shrinkage`, or 0 when the tier gives none (`shrinkageAssumed`). */
  shrinkage: number;
  /** No `staffing.shrinkage` was given: 0 is assumed. */
  shrinkageAssumed: boolean;
  contactsPerHour: number;
  /** The forecast AHT as written (`PT8M`). */
  aht: string;
  /** The fewest agents that reach the target; `undefined` when no number does. */
  needed: number | undefined;
  ok: boolean;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * Erlang C for a tier at its forecast peak (the `tier/capacity` rule and the editor's hover);
 * `undefined` unless every input is there and in range: out-of-range values are schema errors.
 */
export function tierCapacity(tier: unknown): CapacityVerdict | undefined {
  const t = rec(tier);
  const staffing = rec(t.staffing);
  const forecast = rec(t.forecast);
  const sl = rec(rec(t.sla).service_level);
  const peak = num(staffing.peak_agents);
  const givenShrinkage = num(staffing.shrinkage);
  const shrinkage = givenShrinkage ?? 0;
  const contacts = num(forecast.contacts_per_hour);
  const aht = durationSeconds(forecast.aht);
  const target = num(sl.target);
  const within = durationSeconds(sl.within);
  if (peak === undefined || contacts === undefined || aht === undefined || target === undefined || within === undefined) return undefined;
  if (peak < 0 || shrinkage < 0 || shrinkage >= 1 || contacts < 0 || aht <= 0 || target <= 0 || target > 1 || within < 0) return undefined;
  // Same rounding as the rule: 62 × 0.68 = 42.16 must not become 42.159999… and then 42.
  const available = Math.floor(Number((peak * (1 - shrinkage)).toFixed(9)));
  const traffic = trafficErlangs(contacts, aht);
  const achieved = serviceLevel(available, traffic, aht, within);
  const needed = agentsNeeded(contacts, aht, target, within);
  return {
    available,
    traffic,
    achieved,
    target,
    within: String(sl.within),
    peakAgents: peak,
    shrinkage,
    shrinkageAssumed: givenShrinkage === undefined,
    contactsPerHour: contacts,
    aht: String(forecast.aht),
    needed,
    ok: achieved >= target || (needed !== undefined && needed <= available),
  };
}
