import type { Diagnostic } from '../diagnostics';
import { isRecord } from '../util/is-record';
import type { ParsedFile } from '../parse/parse-file';
import { didYouMeanHint } from '../util/did-you-mean';
import { leavesWorkspace } from '../config/workspace-bounds';

/** A folder the host could not list: its files are missing from the check. */
export interface UnreadableFolder {
  /** Workspace-relative, `/` separators. */
  folder: string;
  reason: string;
}

/**
 * What the listing of the workspace dropped without a word: `include` patterns of the config
 * that match no file (a typo such as `objectives/*.yaml` for `okrs/` skips every OKR file and
 * still reports "no problems"), and folders that could not be read.
 */
export async function listingDiagnostics(
  config: ParsedFile,
  paths: readonly string[],
  unreadable: readonly UnreadableFolder[],
  /** Every YAML file of the workspace, asked for only when a pattern matched nothing. */
  allYaml: () => Promise<string[]>,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const include = isRecord(config.data) && Array.isArray(config.data.include) ? config.data.include : [];
  const { default: picomatch } = await import('picomatch');
  let folders: string[] | undefined;
  for (const [index, glob] of include.entries()) {
    // Globs outside the workspace are refused and reported as such (config/outside-workspace).
    if (typeof glob !== 'string' || leavesWorkspace(glob)) continue;
    const matches = picomatch(glob, { dot: false });
    if (paths.some((p) => matches(p))) continue;
    folders ??= [...new Set((await allYaml()).flatMap((p) => (p.includes('/') ? [p.slice(0, p.indexOf('/'))] : [])))].sort();
    const top = glob.includes('/') ? glob.slice(0, glob.indexOf('/')) : undefined;
    const hint = top && !/[*?{[]/.test(top) ? didYouMeanHint(top, folders) : '';
    diagnostics.push({
      file: config.path,
      range: config.locate(['include', index]),
      severity: 'warning',
      rule: 'config/include-matches-nothing',
      message: `include "${glob}" matches no file, so nothing is read through it${hint || (folders.length > 0 ? `; the folders with YAML files here are: ${folders.join(', ')}` : '')}`,
    });
  }
  for (const { folder, reason } of unreadable) {
    diagnostics.push({
      file: config.path,
      range: config.locate(include.length > 0 ? ['include'] : ['kind'], 'key'),
      severity: 'warning',
      rule: 'config/unreadable-folder',
      message: `Folder "${folder}" could not be read (${reason}); the files in it are not checked`,
    });
  }
  return diagnostics;
}
