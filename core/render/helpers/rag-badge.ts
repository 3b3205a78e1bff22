import { helperArgs } from './args';

export const RAG_BADGES: Readonly<Record<string, string>> = Object.freeze({
  green: '🟢 Green',
  amber: '🟠 Amber',
  red: '🔴 Red',
});

/** `{{ragBadge rag}}` → `🟢 Green` for `green` / `amber` / `red` (KPI attainment, score bands); '' otherwise. */
export function ragBadge(...args: unknown[]): string {
  const [value] = helperArgs(args).positional;
  return typeof value === 'string' && Object.hasOwn(RAG_BADGES, value) ? RAG_BADGES[value] : '';
}
