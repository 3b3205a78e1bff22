import { strict as assert } from 'node:assert';
import { buildModel } from '../../core/model/workspace-model';
import { parseFile } from '../../core/parse/parse-file';
import { meetingsAround } from '../../core/schedule';
import type { OneOnOne } from '../../core/model/types.generated';

const ORG = `kind: Org
version: 1
people:
  - { id: anna, name: Anna, timezone: America/New_York }
  - { id: bela, name: Bela }
  - { id: cleo, name: Cleo }
`;
const model = buildModel([
  parseFile('okra.config.yaml', 'kind: Config\nversion: 1\ntimezone: Europe/Berlin\n'),
  parseFile('org.yaml', ORG),
]);
const entry = (fields: Partial<OneOnOne>): OneOnOne =>
  ({ manager: 'anna', reports: ['bela', 'cleo'], cadence: 'weekly', starts: '2026-01-06', ...fields }) as OneOnOne;
const dates = (a: ReturnType<typeof meetingsAround>) => a && { previous: a.previous, next: a.next, following: a.following };

describe('schedule: meetingsAround (the dates a 1:1 agenda shows)', () => {
  it('weekly, biweekly, monthly on the n-th weekday, monthly by day of month, with ends', () => {
    const weekly = entry({ weekday: 'tuesday', ends: '2026-06-30' });
    assert.deepEqual(dates(meetingsAround(model, weekly, 'bela', '2026-04-07')), {
      previous: '2026-03-31',
      next: '2026-04-07',
      following: '2026-04-14',
    });
    assert.deepEqual(dates(meetingsAround(model, weekly, 'bela', '2026-01-01')), {
      previous: undefined,
      next: '2026-01-06',
      following: '2026-01-13',
    });
    assert.deepEqual(dates(meetingsAround(model, weekly, 'bela', '2026-08-01')), {
      previous: '2026-06-30',
      next: undefined,
      following: undefined,
    });
    const biweekly = entry({ cadence: 'biweekly', weekday: 'wednesday', starts: '2026-01-07' });
    assert.deepEqual(dates(meetingsAround(model, biweekly, 'bela', '2026-04-14')), {
      previous: '2026-04-01',
      next: '2026-04-15',
      following: '2026-04-29',
    });
    const monthly = entry({ cadence: 'monthly', weekday: 'wednesday', starts: '2026-01-14' });
    assert.deepEqual(dates(meetingsAround(model, monthly, 'bela', '2026-04-14')), {
      previous: '2026-04-08',
      next: '2026-05-13',
      following: '2026-06-10',
    });
    const lastDay = entry({ cadence: 'monthly', starts: '2026-01-31' });
    assert.deepEqual(dates(meetingsAround(model, lastDay, 'bela', '2026-03-01')), {
      previous: '2026-02-28',
      next: '2026-03-31',
      following: '2026-04-30',
    });
    assert.equal(meetingsAround(model, entry({ cadence: 'daily' as OneOnOne['cadence'] }), 'bela', '2026-03-01'), undefined);
  });

  it("starts in the manager's zone, the second report right after the first", () => {
    const e = entry({ weekday: 'tuesday', time: '09:00' });
    const first = meetingsAround(model, e, 'bela', '2026-03-09')!;
    const second = meetingsAround(model, e, 'cleo', '2026-03-09')!;
    assert.equal(first.zone, 'America/New_York');
    assert.equal(first.start?.toISO(), '2026-03-10T09:00:00.000-04:00');
    assert.equal(second.start?.toISO(), '2026-03-10T09:30:00.000-04:00');
  });
});
