import { formatNumber, helperArgs, isFiniteNumber, MINUS } from './args';

/**
 * A signed change: `{{delta 0.16 points=true}}` → `+16 pp` (a change of a 0..1 share, in
 * percentage points); `{{delta -0.11 unit="EUR"}}` → `−0.11 EUR`; zero → `±0`.
 * `digits=` sets the decimals (default 0 for points, else 2). '' for anything not a number.
 */
export function delta(...args: unknown[]): string {
  const { positional, hash } = helperArgs(args);
  const [value] = positional;
  if (!isFiniteNumber(value)) return '';
  const points = hash.points === true;
  const digits = isFiniteNumber(hash.digits) && hash.digits >= 0 && hash.digits <= 6 ? Math.floor(hash.digits) : points ? 0 : 2;
  const scaled = points ? value * 100 : value;
  const unit = points ? ' pp' : typeof hash.unit === 'string' && hash.unit !== '' ? ` ${hash.unit}` : '';
  const rounded = Number(scaled.toFixed(digits));
  if (rounded === 0) return `±0${unit}`;
  const sign = rounded > 0 ? '+' : MINUS;
  return `${sign}${formatNumber(Math.abs(rounded), digits)}${unit}`;
}
