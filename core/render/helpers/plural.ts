import { helperArgs, isFiniteNumber } from './args';

/** `{{plural 3 "key result"}}` → `3 key results`; `{{plural 1 "person" "people"}}` → `1 person`. '' for a bad count. */
export function plural(...args: unknown[]): string {
  const [count, singular, pluralForm] = helperArgs(args).positional;
  if (!isFiniteNumber(count) || typeof singular !== 'string') return '';
  const word = count === 1 ? singular : typeof pluralForm === 'string' ? pluralForm : `${singular}s`;
  return `${count} ${word}`;
}
