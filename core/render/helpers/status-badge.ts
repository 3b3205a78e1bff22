import { helperArgs } from './args';

export const STATUS_BADGES: Readonly<Record<string, string>> = Object.freeze({
  on_track: '🟢 On track',
  at_risk: '🟠 At risk',
  off_track: '🔴 Off track',
});

/** `{{statusBadge status}}` → `🟠 At risk` for `on_track` / `at_risk` / `off_track`; '' otherwise. */
export function statusBadge(...args: unknown[]): string {
  const [value] = helperArgs(args).positional;
  return typeof value === 'string' && Object.hasOwn(STATUS_BADGES, value) ? STATUS_BADGES[value] : '';
}
