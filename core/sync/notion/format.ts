import type { ApplyResult } from './apply';
import type { SyncPlan } from './plan';
import type { SyncCounters } from './transport';
import { DATABASES } from './databases';
import { KIND_NOUN } from './types';

/** Colours for the plan; identity when printing to a pipe. */
export type PlanPaint = (style: 'green' | 'yellow' | 'red' | 'bold' | 'dim', text: string) => string;

const plain: PlanPaint = (_style, text) => text;

/**
 * The plan the way `terraform plan` shows one: databases to create or repair, then one line
 * per row to create (`+`), update (`~`, with the properties that change) or archive (`-`),
 * conflicts (`!`), and a count line.
 */
export function formatPlan(plan: SyncPlan, paint: PlanPaint = plain): string {
  const lines: string[] = [];
  for (const op of plan.databases) {
    const title = DATABASES[op.kind].title;
    if (op.op === 'create') lines.push(paint('green', `+ create database ${title}`));
    else {
      const what = op.drift
        .map((d) => (d.problem === 'renamed' ? `"${d.actualName}" → "${d.property}"` : `${d.property} (${d.problem})`))
        .join(', ');
      lines.push(paint('yellow', `~ repair database ${title}: ${what}`));
    }
  }
  for (const op of plan.rows) {
    const name = `${KIND_NOUN[op.kind]} ${op.okraId}`;
    if (op.op === 'create') lines.push(paint('green', `+ create ${name}`));
    else if (op.op === 'update')
      lines.push(paint('yellow', `~ update ${name}${op.changed.length > 0 ? ` (${op.changed.join(', ')})` : ' (okra hash)'}`));
    else if (op.op === 'archive') lines.push(paint('red', `- archive ${name}${op.reason === 'duplicate' ? ' (duplicate)' : ''}`));
  }
  for (const c of plan.conflicts) {
    lines.push(
      paint(
        'red',
        `! conflict ${KIND_NOUN[c.kind]} ${c.okraId}: edited in Notion and in the YAML (${c.properties.join(', ')}); left as it is`,
      ),
    );
  }
  const n = plan.counts;
  if (lines.length > 0) lines.push('');
  const extra = [
    n.conflicts > 0 ? `${n.conflicts} in conflict` : '',
    n.remoteEdits > 0 ? `${n.remoteEdits} edited in Notion only` : '',
  ].filter(Boolean);
  lines.push(
    paint(
      'bold',
      `Plan: ${n.create} to create, ${n.update} to update, ${n.archive} to archive, ${n.unchanged} unchanged${extra.length ? `, ${extra.join(', ')}` : ''}.`,
    ),
  );
  return lines.join('\n') + '\n';
}

/** The line after a run: what was written, and what it cost. */
export function formatSummary(result: ApplyResult, counters: SyncCounters, ms: number): string {
  const parts = [`${result.created} created`, `${result.updated} updated`, `${result.archived} archived`];
  if (result.relinked > 0) parts.push(`${result.relinked} relinked`);
  if (result.databasesCreated > 0) parts.push(`${result.databasesCreated} databases created`);
  if (result.databasesRepaired > 0) parts.push(`${result.databasesRepaired} databases repaired`);
  const cost = `${counters.requests} requests (${counters.writes} writes, ${counters.retries} retries, ${counters.rateLimited} rate-limited) in ${(ms / 1000).toFixed(1)} s`;
  const lines = [`Synced: ${parts.join(', ')}; ${cost}.`];
  for (const f of result.failed) lines.push(`  failed to ${f.op} ${f.key}: ${f.message}`);
  return lines.join('\n') + '\n';
}
