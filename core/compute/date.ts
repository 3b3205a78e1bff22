import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The start of an ISO date (`2026-03-31`) in `zone`. YAML timestamps read as JavaScript dates
 * are accepted too (their UTC calendar day is taken, which is what the file said). Returns
 * `undefined` for anything else: wrong types are the schema's to report.
 */
export function parseDate(value: unknown, zone = 'UTC'): DateTime | undefined {
  let text: string | undefined;
  if (typeof value === 'string' && ISO_DATE.test(value)) text = value;
  else if (value instanceof Date && !Number.isNaN(value.getTime())) text = value.toISOString().slice(0, 10);
  if (text === undefined) return undefined;
  // luxon works out an IANA zone's offset through Intl on every call, and a workspace repeats
  // the same few hundred dates: DateTimes are immutable, so one per (zone, date) serves all.
  const key = `${zone}|${text}`;
  if (memo.has(key)) return memo.get(key);
  const date = DateTime.fromISO(text, { zone });
  const result = date.isValid ? date.startOf('day') : undefined;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, DateTime | undefined>();

/** The current time in `zone`: what adapters judge progress against when no as-of date is given. */
export function nowIn(zone: string): DateTime {
  return DateTime.now().setZone(zone);
}
