import { strict as assert } from 'node:assert';
import { coveredHoursPerDay, longestWaitMinutes, parseCoverage } from '../../core/compute/coverage';

describe('compute/coverage', () => {
  it('reads 24x7 as always open, 24 hours a day, with no wait', () => {
    const c = parseCoverage('24x7');
    assert.ok(c?.always);
    assert.equal(coveredHoursPerDay(c), 24);
    assert.equal(longestWaitMinutes(c), 0);
  });

  it('finds the weekend as the longest gap of a weekday desk (Fri 19:00 to Mon 07:00 = 60 h)', () => {
    const c = parseCoverage('Mon-Fri 07:00-19:00 Europe/Berlin');
    assert.ok(c);
    assert.equal(coveredHoursPerDay(c), 12);
    assert.equal(longestWaitMinutes(c, parseCoverage('24x7')), 60 * 60);
  });

  it('compares time zones: a Lisbon tier open 08-20 hands to a Berlin desk open 07-19 (an hour earlier in UTC)', () => {
    const desk = parseCoverage('Mon-Fri 07:00-19:00 Europe/Berlin');
    const sameHours = parseCoverage('Mon-Fri 07:00-19:00 Europe/Berlin');
    assert.ok(desk && sameHours);
    assert.equal(longestWaitMinutes(desk, sameHours), 0);
    // Friday 18:00 UTC the desk closes while Lisbon is open until 20:00 UTC: wait until Monday 06:00 UTC.
    assert.equal(longestWaitMinutes(desk, parseCoverage('Mon-Fri 08:00-20:00 Europe/Lisbon')), 60 * 60);
  });

  it('reads several windows, the default zone and windows through midnight, and rejects an unknown zone', () => {
    const c = parseCoverage('Mon-Fri 08:00-20:00; Sat,Sun 10:00-16:00', 'UTC');
    assert.ok(c);
    assert.equal(coveredHoursPerDay(c), (5 * 12 + 2 * 6) / 7);
    assert.equal(longestWaitMinutes(c), 18 * 60); // Sat 16:00 to Sun 10:00
    const night = parseCoverage('Mon-Sun 22:00-06:00 UTC');
    assert.equal(longestWaitMinutes(night!), 16 * 60);
    assert.equal(parseCoverage('Mon-Fri 08:00-20:00 Nowhere/Bad'), undefined);
  });
});
