import { strict as assert } from 'node:assert';
import { agentsNeeded, serviceLevel, trafficErlangs, waitProbability } from '../../core/compute/erlang-c';

/** Erlang C with factorials, fine for small N: the reference the recursion must agree with. */
function naiveWait(n: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < n; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term * (n / (n - a));
  return top / (sum + top);
}

describe('compute/erlang-c', () => {
  it('reproduces the DOMAIN example: 120/h, AHT 8 min, 80 % in 60 s', () => {
    const a = trafficErlangs(120, 480);
    assert.equal(a, 16);
    assert.equal(agentsNeeded(120, 480, 0.8, 60), 20);
    assert.equal(serviceLevel(20, a, 480, 60).toFixed(3), '0.845');
    assert.equal(serviceLevel(19, a, 480, 60).toFixed(3), '0.743');
  });

  it('agrees with the textbook formula for small queues', () => {
    for (const [n, a] of [
      [3, 2],
      [10, 7.5],
      [25, 20],
      [60, 50],
    ]) {
      assert.ok(Math.abs(waitProbability(n, a) - naiveWait(n, a)) < 1e-12, `N=${n} A=${a}`);
    }
  });

  it('has no service level when the agents cannot keep up, and full service with no traffic', () => {
    assert.equal(serviceLevel(16, 16, 480, 60), 0);
    assert.equal(serviceLevel(10, 16, 480, 60), 0);
    assert.equal(waitProbability(10, 16), 1);
    assert.equal(serviceLevel(1, 0, 480, 60), 1);
    assert.equal(agentsNeeded(0, 480, 0.8, 60), 0);
  });

  it('stays finite for thousands of agents (no factorial overflow)', () => {
    const needed = agentsNeeded(24000, 480, 0.8, 20)!;
    assert.ok(needed > 3200 && needed < 3300, String(needed));
    const sl = serviceLevel(needed, trafficErlangs(24000, 480), 480, 20);
    assert.ok(Number.isFinite(sl) && sl >= 0.8 && sl < 1);
    assert.ok(serviceLevel(needed - 1, trafficErlangs(24000, 480), 480, 20) < 0.8);
  });

  it('rises with agents and with the threshold', () => {
    let last = 0;
    for (let n = 17; n < 30; n++) {
      const sl = serviceLevel(n, 16, 480, 60);
      assert.ok(sl > last);
      last = sl;
    }
    assert.ok(serviceLevel(20, 16, 480, 20) < serviceLevel(20, 16, 480, 60));
  });

  it('returns undefined for inputs that are not numbers', () => {
    assert.equal(agentsNeeded(Number.NaN, 480, 0.8, 60), undefined);
  });
});
