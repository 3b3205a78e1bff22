import { strict as assert } from 'node:assert';
import { builtinHelpers } from '../../core/render';

const OPTIONS = { hash: {}, data: { root: { zone: 'Europe/Lisbon' } }, fn: () => '', inverse: () => '' };
const call = (name: string, ...args: unknown[]) => (builtinHelpers[name] as (...a: unknown[]) => unknown)(...args, OPTIONS);
const callHash = (name: string, hash: Record<string, unknown>, ...args: unknown[]) =>
  (builtinHelpers[name] as (...a: unknown[]) => unknown)(...args, { ...OPTIONS, hash });

const show = (v: unknown): string => {
  try {
    return String(v);
  } catch {
    return typeof v;
  }
};
const BAD_INPUTS: unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  '',
  'nonsense',
  {},
  [],
  true,
  () => 1,
  Symbol('s'),
  10n,
  new Date(NaN),
  Object.create(null),
];

describe('render: template helpers', () => {
  it('are total: bad input gives a string (empty for a value they cannot read), never an exception', () => {
    for (const [name, helper] of Object.entries(builtinHelpers)) {
      for (const bad of BAD_INPUTS) {
        for (const args of [[bad], [bad, bad], []]) {
          let result: unknown;
          assert.doesNotThrow(() => (result = (helper as (...a: unknown[]) => unknown)(...args, OPTIONS)), `${name}(${show(bad)})`);
          assert.equal(typeof result, 'string', `${name} returns a string`);
        }
      }
      assert.doesNotThrow(() => (helper as (...a: unknown[]) => unknown)(), `${name}() without options`);
    }
    for (const name of ['percent', 'score', 'delta', 'relativeDays', 'formatDate', 'statusBadge', 'ragBadge']) {
      for (const bad of BAD_INPUTS) assert.equal(call(name, bad), '', `${name}(${typeof bad})`);
    }
  });

  it('formatDate: calendar dates are the same day everywhere; date-times follow the zone; locale is fixed', () => {
    assert.equal(call('formatDate', '2026-06-05'), '5 Jun 2026');
    assert.equal(call('formatDate', '2026-06-05', 'cccc d LLLL yyyy'), 'Friday 5 June 2026');
    assert.equal(call('formatDate', '2026-04-07T10:00:00.000+01:00', 'HH:mm'), '10:00', 'in the view model zone (Lisbon)');
    assert.equal(callHash('formatDate', { zone: 'Europe/Prague' }, '2026-04-07T10:00:00.000+01:00', 'HH:mm'), '11:00');
    assert.equal(call('formatDate', '2026-02-30'), '');
    assert.equal(callHash('formatDate', { zone: 'Not/AZone' }, '2026-04-07T10:00:00.000+01:00', 'HH:mm'), '');
  });

  it('percent, score, delta, relativeDays, plural, badges, fallback, join', () => {
    assert.equal(call('percent', 0.473), '47%');
    assert.equal(call('percent', 0.473, 1), '47.3%');
    assert.equal(call('percent', -0.05), '\u22125%');
    assert.equal(call('score', 0.5), '0.50');
    assert.equal(call('score', 1.3), '1.00');
    assert.equal(callHash('delta', { points: true }, 0.16), '+16 pp');
    assert.equal(callHash('delta', { unit: 'EUR' }, -0.11), '\u22120.11 EUR');
    assert.equal(callHash('delta', { points: true }, 0.001), '±0 pp');
    assert.equal(call('relativeDays', 0), 'today');
    assert.equal(call('relativeDays', 1), 'tomorrow');
    assert.equal(call('relativeDays', -3), '3 days ago');
    assert.equal(call('relativeDays', 12), 'in 12 days');
    assert.equal(call('relativeDays', 1.5), '');
    assert.equal(call('plural', 1, 'key result'), '1 key result');
    assert.equal(call('plural', 3, 'key result'), '3 key results');
    assert.equal(call('plural', 2, 'person', 'people'), '2 people');
    assert.equal(call('statusBadge', 'at_risk'), '🟠 At risk');
    assert.equal(call('statusBadge', 'toString'), '');
    assert.equal(call('ragBadge', 'green'), '🟢 Green');
    assert.equal(call('fallback', '', '—'), '—');
    assert.equal(call('fallback', 'x', '—'), 'x');
    assert.equal(call('join', ['a', 'b'], ' + '), 'a + b');
    assert.equal(callHash('join', { key: 'name' }, [{ name: 'Ana' }, { name: 'Rui' }, null], ', '), 'Ana, Rui');
  });
});
