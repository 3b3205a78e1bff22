import { helperArgs } from './args';

/** `{{fallback role "—"}}`: the value when it is a non-empty string or a number, else the fallback (else ''). */
export function fallback(...args: unknown[]): string {
  const [value, alternative] = helperArgs(args).positional;
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof alternative === 'string' ? alternative : '';
}
