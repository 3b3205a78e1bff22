import { helperArgs } from './args';

/**
 * `{{join names ", "}}` → `Ana, Rui`; `{{join people ", " key="name"}}` joins a field of each
 * item. Items that are not strings or numbers are skipped; '' for anything not a list.
 */
export function join(...args: unknown[]): string {
  const { positional, hash } = helperArgs(args);
  const [list, separator] = positional;
  if (!Array.isArray(list)) return '';
  const key = typeof hash.key === 'string' ? hash.key : undefined;
  const parts: string[] = [];
  for (const item of list) {
    const value = key !== undefined && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : item;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) parts.push(String(value));
  }
  return parts.join(typeof separator === 'string' ? separator : ', ');
}
