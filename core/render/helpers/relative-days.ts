import { helperArgs, isFiniteNumber } from './args';

/** `{{relativeDays 5}}` → `in 5 days`; `-1` → `yesterday`; `0` → `today`. '' for anything not a whole number. */
export function relativeDays(...args: unknown[]): string {
  const [value] = helperArgs(args).positional;
  if (!isFiniteNumber(value) || !Number.isInteger(value)) return '';
  if (value === 0) return 'today';
  if (value === 1) return 'tomorrow';
  if (value === -1) return 'yesterday';
  return value > 0 ? `in ${value} days` : `${-value} days ago`;
}
