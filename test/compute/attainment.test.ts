import { strict as assert } from 'node:assert';
import { attainment, bandAttainment, findActual, findTarget, kpiAttainment } from '../../core/compute/attainment';

describe('compute/attainment', () => {
  it('is green on target, amber up to warn, red beyond, when lower is better', () => {
    assert.equal(attainment(4.2, 4.2, 'lower_is_better', 4.6).rag, 'green');
    assert.equal(attainment(3.9, 4.2, 'lower_is_better', 4.6).rag, 'green');
    assert.equal(attainment(4.4, 4.2, 'lower_is_better', 4.6).rag, 'amber');
    assert.equal(attainment(4.6, 4.2, 'lower_is_better', 4.6).rag, 'amber');
    assert.equal(attainment(4.7, 4.2, 'lower_is_better', 4.6).rag, 'red');
    assert.equal(attainment(4.3, 4.2, 'lower_is_better').rag, 'red');
  });

  it('is green on target, amber down to warn, red beyond, when higher is better', () => {
    assert.equal(attainment(91, 90, 'higher_is_better', 85).rag, 'green');
    assert.equal(attainment(87, 90, 'higher_is_better', 85).rag, 'amber');
    assert.equal(attainment(85, 90, 'higher_is_better', 85).rag, 'amber');
    assert.equal(attainment(84, 90, 'higher_is_better', 85).rag, 'red');
  });

  it('gives a ratio above 1 for better than target in both directions', () => {
    assert.equal(attainment(99, 90, 'higher_is_better').ratio, 1.1);
    assert.equal(attainment(4, 5, 'lower_is_better').ratio, 1.25);
    assert.equal(attainment(5, 4, 'lower_is_better').ratio, 0.8);
    assert.equal(attainment(0, 4, 'lower_is_better').ratio, undefined);
    assert.equal(attainment(5, 0, 'higher_is_better').ratio, undefined);
  });

  const kpi = {
    direction: 'lower_is_better',
    targets: [
      { scope: 'global', period: '2026-H1', target: 4.2, warn: 4.6 },
      { scope: 'global', period: '2026-03', target: 4.4, warn: 4.8 },
      { scope: 'atlantico-cx', period: '2026-H1', target: 3.9 },
    ],
    actuals: [
      { period: '2026-03', value: 4.55 },
      { period: '2026-04', value: 4.7 },
      { period: '2026-04', scope: 'atlantico-cx', value: 3.8 },
    ],
  };

  it('finds the target for the exact period first, else one whose period contains it', () => {
    assert.equal(findTarget(kpi, 'global', '2026-03')?.target, 4.4);
    assert.equal(findTarget(kpi, 'global', '2026-04')?.target, 4.2);
    assert.equal(findTarget(kpi, 'global', '2026-08'), undefined);
  });

  it('computes attainment for a scope and period from the KPI', () => {
    assert.deepEqual(kpiAttainment(kpi, 'global', '2026-03'), { actual: 4.55, target: 4.4, warn: 4.8, ratio: 4.4 / 4.55, rag: 'amber' });
    assert.equal(kpiAttainment(kpi, 'global', '2026-04')?.rag, 'red');
    assert.equal(kpiAttainment(kpi, 'atlantico-cx', '2026-04')?.rag, 'green');
    assert.equal(kpiAttainment(kpi, 'frontline', '2026-04'), undefined);
    assert.equal(kpiAttainment({ ...kpi, direction: 'sideways' }, 'global', '2026-03'), undefined);
  });

  it('picks the target independently of file order: Q1 before H1 for a March actual (issue 13)', () => {
    const q1 = { scope: 'global', period: '2026-Q1', target: 3 };
    const h1 = { scope: 'global', period: '2026-H1', target: 2 };
    const actuals = [{ period: '2026-03', value: 2.5 }];
    for (const targets of [
      [q1, h1],
      [h1, q1],
    ]) {
      const frt = { direction: 'lower_is_better', targets, actuals };
      assert.equal(findTarget(frt, 'global', '2026-03')?.target, 3);
      assert.equal(kpiAttainment(frt, 'global', '2026-03')?.rag, 'green');
      assert.equal(kpiAttainment(frt, 'global', '2026-03')?.ratio, 1.2);
    }
  });

  it("takes the scope's own target before global, whatever its period", () => {
    const frt = {
      direction: 'lower_is_better',
      targets: [
        { scope: 'global', period: '2026-03', target: 3 },
        { scope: 'tier-1', period: '2026-H1', target: 1 },
        { scope: 'global', period: '2026-W14', target: 2.5 },
      ],
    };
    assert.equal(findTarget(frt, 'tier-1', '2026-03')?.target, 1);
    assert.equal(findTarget(frt, 'tier-2', '2026-03')?.target, 3);
    assert.equal(findTarget(frt, 'tier-2', '2026-04-01')?.target, 2.5);
    assert.equal(findTarget(frt, 'global', '2026-07'), undefined);
  });

  describe('roll-up of actuals to a longer period (aggregation)', () => {
    const monthly = [
      { period: '2026-01', value: 80, volume: 1000 },
      { period: '2026-02', value: 90, volume: 3000 },
      { period: '2026-03', value: 70, volume: 1000 },
      { period: '2026-04', value: 100 },
      { period: '2026-07', value: 10, volume: 10 },
      { period: '2026-04', scope: 'tier-1', value: 1 },
    ];
    const kpi = (aggregation?: string) => ({
      direction: 'higher_is_better',
      aggregation,
      actuals: monthly,
      targets: [{ scope: 'global', period: '2026-H1', target: 85, warn: 80 }],
    });

    it('rolls monthly actuals up to H1 with each aggregation', () => {
      assert.equal(findActual(kpi(), 'global', '2026-H1'), 85);
      assert.equal(findActual(kpi('mean'), 'global', '2026-H1'), 85);
      assert.equal(findActual(kpi('sum'), 'global', '2026-H1'), 340);
      assert.equal(findActual(kpi('last'), 'global', '2026-H1'), 100);
      assert.equal(findActual(kpi('max'), 'global', '2026-H1'), 100);
      assert.equal(findActual(kpi('min'), 'global', '2026-H1'), 70);
      // (80×1000 + 90×3000 + 70×1000) ÷ 5000; April has no volume and does not weigh.
      assert.equal(findActual(kpi('volume_weighted'), 'global', '2026-H1'), 84);
      assert.equal(findActual(kpi(), 'tier-1', '2026-H1'), 1);
      assert.equal(findActual(kpi(), 'global', '2025'), undefined);
    });

    it('gives H1 attainment from the roll-up, not from the latest month', () => {
      assert.deepEqual(kpiAttainment(kpi(), 'global', '2026-H1'), { actual: 85, target: 85, warn: 80, ratio: 1, rag: 'green' });
      assert.equal(kpiAttainment(kpi('min'), 'global', '2026-H1')?.rag, 'red');
    });

    it('prefers the actual written for exactly the period, and counts nested actuals once', () => {
      const withH1 = { ...kpi(), actuals: [...monthly, { period: '2026-H1', value: 60 }] };
      assert.equal(findActual(withH1, 'global', '2026-H1'), 60);
      const weeks = {
        aggregation: 'sum',
        actuals: [
          { period: '2026-03', value: 100 },
          { period: '2026-W10', value: 30 },
          { period: '2026-W11', value: 20 },
          { period: '2026-W15', value: 7 },
          { period: '2026-04-07', value: 3 },
        ],
      };
      // March counts once (its weeks are inside it); week 15 holds 7 April.
      assert.equal(findActual(weeks, 'global', '2026-Q1'), 100);
      assert.equal(findActual(weeks, 'global', '2026-04'), 7);
      assert.equal(findActual(weeks, 'global', '2026-W15'), 7);
      assert.equal(findActual(weeks, 'global', '2026-03'), 100);
    });
  });

  describe('within_band (issue 13: occupancy is a band)', () => {
    it('is green inside the band, amber in the warn band, red outside', () => {
      const band = { min: 75, max: 85, warnMin: 70, warnMax: 88 };
      assert.equal(bandAttainment(80, band).rag, 'green');
      assert.equal(bandAttainment(75, band).rag, 'green');
      assert.equal(bandAttainment(85, band).rag, 'green');
      assert.equal(bandAttainment(87, band).rag, 'amber');
      assert.equal(bandAttainment(72, band).rag, 'amber');
      assert.equal(bandAttainment(69, band).rag, 'red');
      assert.equal(bandAttainment(89, band).rag, 'red');
      // Without warn bounds, anything outside the band is red.
      assert.equal(bandAttainment(86, { min: 75, max: 85 }).rag, 'red');
    });

    it('shows occupancy of 92 % against a 75–85 band as red', () => {
      const occupancy = {
        direction: 'within_band',
        targets: [{ scope: 'global', period: '2026-Q2', min: 75, max: 85, warn_max: 88 }],
        actuals: [
          { period: '2026-W15', value: 92 },
          { period: '2026-W16', value: 80 },
        ],
      };
      const result = kpiAttainment(occupancy, 'global', '2026-W15')!;
      assert.equal(result.rag, 'red');
      assert.equal(result.target, 85);
      assert.equal(result.ratio, 85 / 92);
      assert.deepEqual(result.band, { min: 75, max: 85, warnMax: 88 });
      assert.equal(kpiAttainment(occupancy, 'global', '2026-W16')?.rag, 'green');
      // The quarter rolls the two weeks up (mean 86): amber.
      assert.equal(kpiAttainment(occupancy, 'global', '2026-Q2')?.rag, 'amber');
    });
  });
});
