import { DateTime } from 'luxon';
import { helperArgs } from './args';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_DATE_FORMAT = 'd LLL yyyy';
export const DEFAULT_LOCALE = 'en-GB';

/**
 * `{{formatDate due}}` → `5 Jun 2026`; `{{formatDate meeting "cccc d LLLL yyyy, HH:mm" zone="Europe/Lisbon"}}`.
 * A calendar date (`2026-06-05`) is that day wherever it is read. A date-time with an offset is
 * shown in `zone=` if given, else in the view model's `zone`, else in its own offset. Formats
 * are luxon's tokens; the locale is fixed (`locale=`, default en-GB) so that output never
 * depends on the machine. Returns '' for anything unreadable.
 */
export function formatDate(...args: unknown[]): string {
  try {
    const { positional, hash, root } = helperArgs(args);
    const [value, format] = positional;
    if (typeof value !== 'string') return '';
    const locale = typeof hash.locale === 'string' ? hash.locale : DEFAULT_LOCALE;
    const pattern = typeof format === 'string' && format !== '' ? format : DEFAULT_DATE_FORMAT;
    const calendarDay = ISO_DATE.test(value);
    const rootZone =
      !calendarDay && typeof root === 'object' && root !== null && 'zone' in root ? (root as { zone?: unknown }).zone : undefined;
    const zone = calendarDay ? 'UTC' : typeof hash.zone === 'string' ? hash.zone : typeof rootZone === 'string' ? rootZone : undefined;
    const key = `${value}\u0000${pattern}\u0000${locale}\u0000${zone ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let date = calendarDay ? DateTime.fromISO(value, { zone: 'UTC', locale }) : DateTime.fromISO(value, { setZone: true, locale });
    if (!calendarDay && zone !== undefined) date = date.setZone(zone);
    const text = date.isValid ? date.toFormat(pattern) : '';
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(key, text);
    return text;
  } catch {
    return '';
  }
}

/** Formatting a date with luxon costs tens of microseconds; documents repeat the same few dates. */
const MEMO_SIZE = 5000;
const memo = new Map<string, string>();
