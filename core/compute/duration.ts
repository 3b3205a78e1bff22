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

const UNITS = [
  ['years', 'year', 'years'],
  ['months', 'month', 'months'],
  ['weeks', 'week', 'weeks'],
  ['days', 'day', 'days'],
  ['hours', 'h', 'h'],
  ['minutes', 'min', 'min'],
  ['seconds', 's', 's'],
] as const;

/**
 * An ISO 8601 duration for a person to read, in the units it was written in: `PT30S` → "30 s",
 * `PT4M30S` → "4 min 30 s", `P1D` → "1 day". What is not a valid duration comes back as written.
 */
export function humanDuration(value: string): string {
  if (durationSeconds(value) === undefined) return value;
  const parts = Duration.fromISO(value).toObject();
  const words = UNITS.flatMap(([unit, one, many]) => {
    const amount = parts[unit] ?? 0;
    return amount === 0 ? [] : [`${amount} ${amount === 1 ? one : many}`];
  });
  return words.length > 0 ? words.join(' ') : '0 s';
}
