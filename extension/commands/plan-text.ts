/** Words for a sync plan and its outcome. Pure (no vscode): unit-tested in test/extension-unit/. */

export interface PlanCounts {
  create: number;
  update: number;
  archive: number;
  unchanged: number;
  conflicts: number;
}

/** "3 to create, 5 to update, 1 to archive" (plus conflicts, when there are any). */
export function planSummary(counts: PlanCounts): string {
  const parts = [`${counts.create} to create`, `${counts.update} to update`, `${counts.archive} to archive`];
  if (counts.conflicts > 0) parts.push(`${counts.conflicts} in conflict (left alone)`);
  return parts.join(', ');
}

/** "2 key results to update from Notion" (plus conflicts, when there are any). */
export function pullSummary(edits: number, conflicts: number): string {
  const text = `${edits} key result${edits === 1 ? '' : 's'} to update from Notion`;
  return conflicts > 0 ? `${text}, ${conflicts} in conflict (left alone)` : text;
}

/** The confirmation question: "okra: 3 to create, 5 to update, 1 to archive, 4 documents to write in Notion — Apply?" */
export function planQuestion(counts: PlanCounts, databaseOps: number, target: string, documentOps = 0): string {
  const databases = databaseOps > 0 ? ` (and ${databaseOps} database${databaseOps === 1 ? '' : 's'} to create or repair)` : '';
  const documents = documentOps > 0 ? `, ${documentOps} document${documentOps === 1 ? '' : 's'} to write` : '';
  return `okra: ${planSummary(counts)}${documents}${databases} in ${target} — Apply?`;
}

/** Progress text: "12 of 40 rows". */
export function progressText(done: number, total: number): string {
  return total > 0 ? `${Math.max(0, done)} of ${total} rows` : 'reading Notion…';
}

/** Up to `max` lines of a long text, with "… and N more" after. */
export function firstLines(text: string, max: number): string {
  const lines = text.trimEnd().split('\n');
  if (lines.length <= max) return lines.join('\n');
  return [...lines.slice(0, max), `… and ${lines.length - max} more`].join('\n');
}
