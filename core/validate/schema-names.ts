import type { DataPath } from '../diagnostics';

/** What one item of each list is called, for messages a support manager reads. */
const ITEM_NOUNS: Record<string, string> = {
  teams: 'team',
  people: 'person',
  vendors: 'vendor',
  objectives: 'objective',
  key_results: 'key result',
  check_ins: 'check-in',
  kpis: 'KPI',
  targets: 'KPI target',
  actuals: 'KPI actual',
  tiers: 'tier',
  escalates_to: 'escalation',
  one_on_ones: '1:1',
  reviews: 'review',
  stages: 'stage',
  retrospectives: 'retrospective',
  reports: 'person or team',
  participants: 'participant',
};

/** What the mappings under these keys are called. */
const MAPPING_NOUNS: Record<string, string> = {
  staffing: 'staffing',
  sla: 'SLA',
  service_level: 'service level',
  forecast: 'forecast',
  period: 'review period',
  notion: 'Notion settings',
  rules: 'rules',
};

/** What one item of the list under `key` is called: `key result` for `key_results`. */
export function itemNoun(key: string | number | undefined): string {
  return (typeof key === 'string' && ITEM_NOUNS[key]) || 'item';
}

/**
 * Names the mapping at `path` in human terms: `objective`, `key result`, `SLA`, or
 * `Objectives file` for the top of a file.
 */
export function describeMapping(kind: string, path: DataPath): string {
  if (path.length === 0) return `${kind} file`;
  const last = path[path.length - 1];
  if (typeof last === 'number') return itemNoun(path[path.length - 2]);
  return MAPPING_NOUNS[last] ?? `"${last}" mapping`;
}

/** Names the value at `path` for a message: `"weight"`, or `item 2 of "reports"`. */
export function describeField(path: DataPath): string | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  if (typeof last === 'string') return `"${last}"`;
  const parent = path[path.length - 2];
  return parent === undefined ? `item ${last + 1}` : `item ${last + 1} of "${parent}"`;
}
