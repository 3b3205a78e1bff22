import { formatNumber, helperArgs, isFiniteNumber } from './args';

/** `{{percent 0.473}}` → `47%`; `{{percent 0.473 1}}` → `47.3%`. '' for anything not a finite number. */
export function percent(...args: unknown[]): string {
  const [value, digits] = helperArgs(args).positional;
  if (!isFiniteNumber(value)) return '';
  const places = isFiniteNumber(digits) && digits >= 0 && digits <= 6 ? Math.floor(digits) : 0;
  return `${formatNumber(value * 100, places)}%`;
}
