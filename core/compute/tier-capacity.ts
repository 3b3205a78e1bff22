import { durationSeconds } from './duration';
import { parseCoverage, coveredHoursPerDay } from './coverage';
import { erlangA } from './erlang-a';
import { agentsNeeded, MAX_AGENTS, serviceLevel, trafficErlangs } from './erlang-c';

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

/** Channels answered as contacts arrive; the others (email) are worked from a backlog. */
export const REAL_TIME_CHANNELS: ReadonlySet<string> = new Set(['voice', 'chat', 'in_app', 'social']);

export interface ChannelNeed {
  channel: string;
  /** How the agents were computed: a queue model, or the daily workload (email). */
  model: 'erlang-c' | 'erlang-a' | 'workload';
  /** Agents the channel needs at the peak; `undefined` when no number reaches its target. */
  needed: number | undefined;
  /** Offered traffic in Erlangs on the effective handle time (AHT ÷ concurrency). */
  traffic: number;
  /** Queue models: the service level and its threshold (as written) the channel is held to. */
  target?: number;
  within?: string;
  /** Queue models: the service level reached with `needed` agents. */
  achieved?: number;
  /** Erlang A: the share of contacts abandoning with `needed` agents. */
  abandon?: number;
  /** Workload: contacts a day, AHT as written and covered hours a day. */
  perDay?: number;
  aht?: string;
  hoursPerDay?: number;
}

export interface ChannelsVerdict {
  available: number;
  peakAgents: number;
  shrinkage: number;
  shrinkageAssumed: boolean;
  maxOccupancy: number;
  channels: ChannelNeed[];
  /** Sum over the channels; `undefined` when one of them has no answer. */
  needed: number | undefined;
  ok: boolean;
}

/** Default `staffing.max_occupancy`. */
export const DEFAULT_MAX_OCCUPANCY = 0.85;

/** ⌈x⌉ without 42.000000001 becoming 43. */
const ceilClean = (x: number): number => Math.ceil(Number(x.toFixed(9)));

/** The fewest agents ≥ `from` for which `meets(n)`; `undefined` past `MAX_AGENTS`. */
function smallest(from: number, meets: (n: number) => boolean): number | undefined {
  for (let n = Math.max(1, from); n <= MAX_AGENTS; n++) if (meets(n)) return n;
  return undefined;
}

function realTimeNeed(
  channel: string,
  perHour: number,
  ahtSeconds: number,
  concurrency: number,
  patience: number | undefined,
  sl: Record<string, unknown>,
  maxOccupancy: number,
): ChannelNeed {
  const aht = ahtSeconds / concurrency;
  const traffic = trafficErlangs(perHour, aht);
  const floor = traffic > 0 ? ceilClean(traffic / maxOccupancy) : 0;
  const target = num(sl.target);
  const within = durationSeconds(sl.within);
  const model = patience !== undefined ? 'erlang-a' : 'erlang-c';
  if (target === undefined || within === undefined || !(traffic > 0)) return { channel, model, needed: floor, traffic };
  const at = (n: number) =>
    patience !== undefined
      ? erlangA(n, perHour, aht, patience, within)
      : { serviceLevel: serviceLevel(n, traffic, aht, within), abandon: undefined };
  const needed = smallest(floor, (n) => at(n).serviceLevel >= target);
  const figures = needed !== undefined ? at(needed) : undefined;
  return {
    channel,
    model,
    needed,
    traffic,
    target,
    within: String(sl.within),
    achieved: figures?.serviceLevel,
    abandon: figures?.abandon,
  };
}

/**
 * `tier/capacity` for a tier whose forecast is a list, one entry per channel (Format 1.1);
 * `undefined` for the single-forecast form (see `tierCapacity`) or without `peak_agents`.
 * Real-time channels: the smallest N meeting the channel's service level (its own in
 * `sla.channels`, else the tier's) with occupancy A/N ≤ `max_occupancy`, by Erlang C, or
 * Erlang A when `patience` is given. `contacts_per_day` channels: ⌈volume × AHT ÷ (covered
 * hours a day × max_occupancy)⌉, covered hours from `coverage` (24 when none is given).
 */
export function tierChannelCapacity(tier: unknown, defaultZone?: string): ChannelsVerdict | undefined {
  const t = rec(tier);
  if (!Array.isArray(t.forecast)) return undefined;
  const staffing = rec(t.staffing);
  const peak = num(staffing.peak_agents);
  const givenShrinkage = num(staffing.shrinkage);
  const shrinkage = givenShrinkage ?? 0;
  const maxOccupancy = num(staffing.max_occupancy) ?? DEFAULT_MAX_OCCUPANCY;
  if (peak === undefined || peak < 0 || shrinkage < 0 || shrinkage >= 1 || !(maxOccupancy > 0) || maxOccupancy > 1) return undefined;
  const sla = rec(t.sla);
  const coverage = staffing.coverage === undefined ? undefined : parseCoverage(staffing.coverage, defaultZone);
  const hoursPerDay = coverage ? coveredHoursPerDay(coverage) : 24;
  const channels: ChannelNeed[] = [];
  for (const raw of t.forecast) {
    const f = rec(raw);
    const channel = typeof f.channel === 'string' ? f.channel : undefined;
    const aht = durationSeconds(f.aht);
    if (channel === undefined || aht === undefined || !(aht > 0)) continue;
    const perHour = num(f.contacts_per_hour);
    const perDay = num(f.contacts_per_day);
    if (perHour !== undefined && perHour >= 0) {
      const concurrency = num(f.concurrency) ?? 1;
      const patience = f.patience === undefined ? undefined : durationSeconds(f.patience);
      if (concurrency < 1 || (patience !== undefined && !(patience > 0))) continue;
      const sl = rec(rec(rec(sla.channels)[channel]).service_level);
      channels.push(
        realTimeNeed(channel, perHour, aht, concurrency, patience, Object.keys(sl).length > 0 ? sl : rec(sla.service_level), maxOccupancy),
      );
    } else if (perDay !== undefined && perDay >= 0 && hoursPerDay > 0) {
      const hours = (perDay * aht) / 3600;
      channels.push({
        channel,
        model: 'workload',
        needed: ceilClean(hours / (hoursPerDay * maxOccupancy)),
        traffic: hours / hoursPerDay,
        perDay,
        aht: String(f.aht),
        hoursPerDay,
      });
    }
  }
  if (channels.length === 0) return undefined;
  const available = Math.floor(Number((peak * (1 - shrinkage)).toFixed(9)));
  const needed = channels.every((c) => c.needed !== undefined) ? channels.reduce((s, c) => s + (c.needed ?? 0), 0) : undefined;
  return {
    available,
    peakAgents: peak,
    shrinkage,
    shrinkageAssumed: givenShrinkage === undefined,
    maxOccupancy,
    channels,
    needed,
    ok: needed === undefined || needed <= available,
  };
}
