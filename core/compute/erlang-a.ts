/**
 * Erlang A (M/M/N+M, Palm's model): a queue answered by N agents where each waiting customer
 * abandons after an exponential patience of mean 1/θ. Source: O. Garnett, A. Mandelbaum,
 * M. Reiman, "Designing a call center with impatient customers", Manufacturing & Service
 * Operations Management 4(3), 2002; and A. Mandelbaum, S. Zeltyn, "The Palm/Erlang-A queue,
 * with applications to call centers" (2007).
 *
 * The number in the system is a birth–death chain with birth rate λ and death rate kμ for
 * k ≤ N, Nμ + (k − N)θ above. So, with A = λ/μ,
 *   π_k ∝ A^k / k!                                  (k ≤ N)
 *   π_{N+j} = π_N · ∏_{i=1..j} λ / (Nμ + iθ)        (j ≥ 1)
 * and Σ_{k≤N} π_k = π_N / B(N, A) (Erlang B), which keeps the sums in range for any N.
 * By PASTA an arrival sees π. Abandon probability P(Ab) = θ · E[queue] / λ.
 * Service level (share of all offered contacts answered within t, abandoned ones counting as
 * missed): a tagged arrival that finds j waiting moves up at rate Nμ + iθ with i ahead and
 * abandons at rate θ; that chain is solved by uniformization (Poisson-weighted steps).
 */

export interface ErlangAResult {
  /** Share of offered contacts answered within the threshold. */
  serviceLevel: number;
  /** Share of offered contacts that abandon. */
  abandon: number;
  /** Probability that an arrival has to wait. */
  wait: number;
}

function erlangB(agents: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/**
 * Erlang A figures for `agents` agents, `contactsPerHour`, a mean handle time and a mean
 * patience (seconds), with the service level measured at `thresholdSeconds`.
 */
export function erlangA(
  agents: number,
  contactsPerHour: number,
  ahtSeconds: number,
  patienceSeconds: number,
  thresholdSeconds: number,
): ErlangAResult {
  const n = Math.floor(agents);
  const lambda = contactsPerHour / 3600;
  if (!(lambda > 0) || !(ahtSeconds > 0)) return { serviceLevel: 1, abandon: 0, wait: 0 };
  if (n <= 0) return { serviceLevel: 0, abandon: 1, wait: 1 };
  const mu = 1 / ahtSeconds;
  const theta = patienceSeconds > 0 ? 1 / patienceSeconds : 1e9;
  const traffic = lambda / mu;
  // Queue part relative to π_N: terms r_j = ∏ λ/(Nμ + iθ), until negligible and falling.
  const rel: number[] = [1];
  let term = 1;
  let sum = 0;
  for (let j = 1; j < 1_000_000; j++) {
    term *= lambda / (n * mu + j * theta);
    rel.push(term);
    sum += term;
    if (term < 1e-15 * (1 + sum) && lambda < n * mu + j * theta) break;
  }
  const piN = 1 / (1 / erlangB(n, traffic) + sum);
  const wait = piN * (1 + sum);
  let queue = 0;
  for (let j = 1; j < rel.length; j++) queue += j * piN * rel[j];
  const abandon = Math.min(1, (theta * queue) / lambda);
  // Tagged customer: v[i] = probability it arrives with i waiting ahead of it.
  const t = Math.max(0, thresholdSeconds);
  const v = rel.map((r) => piN * r);
  let served = 1 - wait;
  const rate = n * mu + rel.length * theta;
  const lt = rate * t;
  let answered = served;
  if (lt > 0) {
    const maxSteps = Math.ceil(lt + 10 * Math.sqrt(lt) + 30);
    let logW = -lt;
    answered = 0;
    for (let step = 0; step <= maxSteps; step++) {
      if (step > 0) {
        logW += Math.log(lt) - Math.log(step);
        // One step of the uniformized chain: from i, move to i − 1 (served from 0), abandon, or stay.
        served += (v[0] * (n * mu)) / rate;
        for (let i = 0; i < v.length; i++) {
          const stay = 1 - (n * mu + (i + 1) * theta) / rate;
          const next = i + 1 < v.length ? (v[i + 1] * (n * mu + (i + 1) * theta)) / rate : 0;
          v[i] = v[i] * stay + next;
        }
      }
      answered += Math.exp(logW) * served;
    }
  }
  return { serviceLevel: Math.min(1, Math.max(0, answered)), abandon, wait };
}
