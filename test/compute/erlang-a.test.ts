import { strict as assert } from 'node:assert';
import { erlangA } from '../../core/compute/erlang-a';
import { serviceLevel, trafficErlangs } from '../../core/compute/erlang-c';
// The sandbox's seeded generator (mulberry32), so the simulation gives the same figures every run.
import { createRandom } from '../../sandbox/model/prng';

/**
 * The independent reference: a discrete-event simulation of an M/M/N+M queue, first come first
 * served. Customers are taken in arrival order; each goes to the agent that frees up first,
 * unless its wait would exceed its own patience, in which case it abandons and takes no agent
 * (with FCFS a later arrival never changes an earlier one's fate, so this is exact).
 */
function simulate(agents: number, perHour: number, aht: number, patience: number, within: number, customers: number, seed: number) {
  const random = createRandom(seed);
  const exp = (mean: number) => -mean * Math.log(1 - random());
  const free = new Array<number>(agents).fill(0);
  let now = 0;
  let answeredInTime = 0;
  let abandoned = 0;
  const warmUp = Math.floor(customers / 10);
  for (let c = 0; c < customers + warmUp; c++) {
    now += exp(3600 / perHour);
    const patience_ = exp(patience);
    let k = 0;
    for (let i = 1; i < agents; i++) if (free[i] < free[k]) k = i;
    const wait = Math.max(0, free[k] - now);
    const counted = c >= warmUp;
    if (wait > patience_) {
      if (counted) abandoned++;
      continue;
    }
    free[k] = now + wait + exp(aht);
    if (counted && wait <= within) answeredInTime++;
  }
  return { serviceLevel: answeredInTime / customers, abandon: abandoned / customers };
}

describe('compute/erlang-a', () => {
  // Source of the expected figures: the discrete-event simulation above (seed 13, 400,000
  // customers after a 10 % warm-up). Tolerance: 0.01 absolute on both shares, about five
  // standard errors of a share estimated from that many customers.
  const cases = [
    { agents: 32, perHour: 240, aht: 510, patience: 120, within: 20 },
    { agents: 10, perHour: 100, aht: 300, patience: 60, within: 30 },
    { agents: 5, perHour: 60, aht: 240, patience: 180, within: 10 },
  ];
  for (const c of cases) {
    it(`agrees with a discrete-event simulation: ${c.agents} agents, ${c.perHour}/h, AHT ${c.aht} s, patience ${c.patience} s`, () => {
      const sim = simulate(c.agents, c.perHour, c.aht, c.patience, c.within, 400_000, 13);
      const model = erlangA(c.agents, c.perHour, c.aht, c.patience, c.within);
      assert.ok(
        Math.abs(model.serviceLevel - sim.serviceLevel) < 0.01,
        `service level ${model.serviceLevel} vs simulated ${sim.serviceLevel}`,
      );
      assert.ok(Math.abs(model.abandon - sim.abandon) < 0.01, `abandon ${model.abandon} vs simulated ${sim.abandon}`);
    });
  }

  it('tends to Erlang C as patience grows without end', () => {
    const a = erlangA(20, 120, 480, 1e12, 60);
    assert.ok(Math.abs(a.serviceLevel - serviceLevel(20, trafficErlangs(120, 480), 480, 60)) < 1e-6);
    assert.ok(a.abandon < 1e-6);
  });

  it('stays stable with fewer agents than Erlangs of traffic (abandonment clears the queue)', () => {
    const a = erlangA(28, 240, 510, 120, 20);
    assert.ok(a.serviceLevel > 0 && a.serviceLevel < 1);
    assert.ok(a.abandon > 0.1 && a.abandon < 0.5);
  });
});
