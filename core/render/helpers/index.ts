import type { HelperDelegate } from 'handlebars';
import { delta } from './delta';
import { fallback } from './fallback';
import { formatDate } from './format-date';
import { join } from './join';
import { percent } from './percent';
import { plural } from './plural';
import { ragBadge } from './rag-badge';
import { relativeDays } from './relative-days';
import { score } from './score';
import { statusBadge } from './status-badge';

/**
 * okra's template helpers. Each is pure and total: it formats what the view model computed and
 * returns '' for bad input instead of throwing.
 */
export const builtinHelpers: Readonly<Record<string, HelperDelegate>> = Object.freeze({
  delta,
  fallback,
  formatDate,
  join,
  percent,
  plural,
  ragBadge,
  relativeDays,
  score,
  statusBadge,
});

export { delta, fallback, formatDate, join, percent, plural, ragBadge, relativeDays, score, statusBadge };
