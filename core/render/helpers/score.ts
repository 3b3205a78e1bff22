import { helperArgs, isFiniteNumber } from './args';

/** `{{score 0.5}}` → `0.50`: a 0.0–1.0 OKR score with two decimals. '' for anything else. */
export function score(...args: unknown[]): string {
  const [value] = helperArgs(args).positional;
  if (!isFiniteNumber(value)) return '';
  return Math.min(1, Math.max(0, value)).toFixed(2);
}
