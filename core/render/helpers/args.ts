import type { HelperOptions } from 'handlebars';

/** Handlebars passes its options object last; this tells it apart from a positional argument. */
export function isHelperOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

/** The positional arguments of a helper call, and its hash (named arguments). */
export function helperArgs(args: readonly unknown[]): { positional: unknown[]; hash: Record<string, unknown>; root: unknown } {
  const last = args[args.length - 1];
  if (!isHelperOptions(last)) return { positional: [...args], hash: {}, root: undefined };
  const data = (last as { data?: { root?: unknown } }).data;
  return { positional: args.slice(0, -1), hash: (last.hash as Record<string, unknown>) ?? {}, root: data?.root };
}

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** U+2212 MINUS SIGN: typographically right, and it cannot start a Markdown list item. */
export const MINUS = '\u2212';

/** A number with at most `digits` decimals, trailing zeros dropped, with a true minus sign. */
export function formatNumber(value: number, digits = 2): string {
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toString();
  return rounded < 0 ? MINUS + text : text;
}
