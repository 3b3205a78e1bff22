import { Duration } from 'luxon';

/**
 * Seconds in an ISO 8601 duration (`PT20S`, `PT8M30S`, `P3D`). Returns `undefined` for
 * anything that is not a valid duration, so callers can skip a check instead of guessing.
 * Months and years use luxon's casual conversion (30 and 365 days): SLA durations in
 * support are hours and days, where this never matters.
 */
export function durationSeconds(value: unknown): number | undefined {
  // luxon reads a bare `P` or `PT` as zero; ISO 8601 needs at least one number.
  if (typeof value !== 'string' || !/\d/.test(value)) return undefined;
  const duration = Duration.fromISO(value);
  if (!duration.isValid) return undefined;
  const seconds = duration.as('seconds');
  return Number.isFinite(seconds) ? seconds : undefined;
}
