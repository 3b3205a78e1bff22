import type { PullEdit, PullPlan } from '../sync/notion/pull';
import { writePullEdits } from '../sync/notion/write-back';
import { AppError, errorsText } from './errors';
import type { AppContext } from './host';
import { loadChecked, type CheckedWorkspace } from './load-checked';

/**
 * Writes a pull's check-ins into the workspace's YAML through the host: each changed file once,
 * atomically (the host's `writeFile`), its comments and layout kept (`writePullEdits` splices the
 * text); untouched files are not written. A file that changed since Notion was read is not
 * written at all. The workspace is then read again: that is what gets pushed, and it must have
 * no errors.
 */
export async function writePulledCheckIns(ctx: AppContext, pull: PullPlan): Promise<{ checked: CheckedWorkspace; written: string[] }> {
  const byFile = new Map<string, PullEdit[]>();
  for (const edit of pull.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const decoder = new TextDecoder();
  const changed: Array<{ file: string; text: string }> = [];
  // Every file is worked out before any is written, so a stale one stops the pull with nothing half-written.
  for (const [file, edits] of byFile) {
    const out = writePullEdits(decoder.decode(await ctx.host.readFile(file)), edits);
    if (out.missing.length > 0)
      throw new AppError('pull-stale', `${file} changed while okra was pulling (${out.missing.join(', ')} not found); pull again`);
    if (out.changed) changed.push({ file, text: out.text });
  }
  for (const { file, text } of changed) await ctx.host.writeFile(file, text);
  const checked = await loadChecked(ctx);
  if (checked.errors > 0)
    throw new AppError(
      'errors-after-pull',
      `After the pull the workspace has ${errorsText(checked.errors)} (okra validate); nothing was pushed`,
    );
  return { checked, written: changed.map((c) => c.file) };
}
