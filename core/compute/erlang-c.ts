/**
 * Erlang C for a queue answered one contact at a time (voice, chat without concurrency).
 * Computed with the Erlang B recursion B(k) = A·B(k−1) / (k + A·B(k−1)), which stays in
 * [0, 1] at every step: no factorials, no powers, no overflow for thousands of agents.
 */

/** Offered traffic in Erlangs: contacts an hour × handle time in hours. */
export function trafficErlangs(contactsPerHour: number, ahtSeconds: number): number {
  return (contactsPerHour * ahtSeconds) / 3600;
}

/** Erlang B blocking probability with `agents` servers, by the stable recursion. */
function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** Erlang C from Erlang B with the same agents: the probability that a contact waits. */
function erlangCFromB(agents: number, traffic: number, b: number): number {
  return (agents * b) / (agents - traffic * (1 - b));
}

/**
 * Probability that a contact has to wait (Erlang C) with `agents` agents and `traffic`
 * Erlangs. 1 when the agents cannot keep up (agents ≤ traffic): the queue grows without end.
 */
export function waitProbability(agents: number, traffic: number): number {
  if (!(traffic > 0)) return 0;
  if (!(agents > traffic)) return 1;
  const n = Math.floor(agents);
  return erlangCFromB(n, traffic, erlangB(n, traffic));
}

function slFromWait(agents: number, traffic: number, pWait: number, ahtSeconds: number, thresholdSeconds: number): number {
  return 1 - pWait * Math.exp((-(agents - traffic) * thresholdSeconds) / ahtSeconds);
}

/**
 * Service level: the share of contacts answered within `thresholdSeconds`, with `agents`
 * agents (a whole number), `trafficErlangs` of traffic and an average handle time. 0 when the
 * agents cannot keep up, 1 when there is no traffic.
 */
export function serviceLevel(agents: number, trafficErlangs: number, ahtSeconds: number, thresholdSeconds: number): number {
  if (!(trafficErlangs > 0)) return 1;
  if (!(ahtSeconds > 0)) return 1;
  const n = Math.floor(agents);
  if (!(n > trafficErlangs)) return 0;
  const sl = slFromWait(n, trafficErlangs, waitProbability(n, trafficErlangs), ahtSeconds, Math.max(0, thresholdSeconds));
  return Math.min(1, Math.max(0, sl));
}

/** Upper bound of the search in `agentsNeeded`, beyond any support queue's size. */
export const MAX_AGENTS = 100_000;

/**
 * The fewest agents whose service level reaches `slTarget` (0..1) for contacts answered
 * within `thresholdSeconds`, or `undefined` when no number up to `MAX_AGENTS` does (e.g. a
 * target of 1 with a threshold of 0). Iterates N upwards from the first stable N, extending
 * Erlang B by one agent per step, so the whole search is linear in N.
 */
export function agentsNeeded(contactsPerHour: number, ahtSeconds: number, slTarget: number, thresholdSeconds: number): number | undefined {
  if (![contactsPerHour, ahtSeconds, slTarget, thresholdSeconds].every(Number.isFinite)) return undefined;
  const traffic = trafficErlangs(contactsPerHour, ahtSeconds);
  if (!(traffic > 0) || !(ahtSeconds > 0)) return 0;
  if (slTarget <= 0) return 0;
  let n = Math.floor(traffic) + 1;
  let b = erlangB(n, traffic);
  for (; n <= MAX_AGENTS; n++) {
    if (n > Math.floor(traffic) + 1) b = (traffic * b) / (n + traffic * b);
    const sl = slFromWait(n, traffic, erlangCFromB(n, traffic, b), ahtSeconds, Math.max(0, thresholdSeconds));
    if (sl >= slTarget) return n;
  }
  return undefined;
}
