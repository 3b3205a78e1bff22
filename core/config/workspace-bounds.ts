import type { Diagnostic } from '../diagnostics';
import { isRecord } from '../util/is-record';
import type { ParsedFile } from '../parse/parse-file';

export const OUTSIDE_WORKSPACE_RULE = 'config/outside-workspace';

/**
 * A path or glob written in the config that reaches outside the workspace folder: absolute, or
 * climbing above it with `..`. Such a config would read, or run, files its reviewers never see.
 */
export function leavesWorkspace(path: string): boolean {
  if (/^([/\\~]|[A-Za-z]:)/.test(path)) return true;
  // A brace alternative that climbs (`{okrs,../x}`) is refused however deep it sits: simpler
  // than expanding braces, and no workspace needs one.
  if (/[{,]\.\.([/\\},]|$)/.test(path)) return true;
  let depth = 0;
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** A plugin named by path (not an npm package) that leaves the workspace folder. */
export function pluginLeavesWorkspace(specifier: string): boolean {
  return (specifier.startsWith('.') || /^([/\\]|[A-Za-z]:)/.test(specifier)) && leavesWorkspace(specifier);
}

/** Diagnostics on the config's `include`, `plugins` and `templates_dir` entries that leave the workspace. */
export function outsideWorkspaceDiagnostics(config: ParsedFile): Diagnostic[] {
  if (!isRecord(config.data)) return [];
  const { include, plugins, templates_dir: templatesDir } = config.data;
  const diagnostics: Diagnostic[] = [];
  const report = (path: Array<string | number>, message: string) =>
    diagnostics.push({ file: config.path, range: config.locate(path), severity: 'error', rule: OUTSIDE_WORKSPACE_RULE, message });
  for (const [index, glob] of (Array.isArray(include) ? include : []).entries()) {
    if (typeof glob === 'string' && leavesWorkspace(glob))
      report(
        ['include', index],
        `include "${glob}" reaches outside the workspace folder; its files are not read (move them into the workspace)`,
      );
  }
  for (const [index, specifier] of (Array.isArray(plugins) ? plugins : []).entries()) {
    if (typeof specifier === 'string' && pluginLeavesWorkspace(specifier))
      report(
        ['plugins', index],
        `Plugin "${specifier}" is outside the workspace folder and is not run: okra runs only plugins inside the workspace or installed in its node_modules`,
      );
  }
  if (typeof templatesDir === 'string' && leavesWorkspace(templatesDir))
    report(['templates_dir'], `templates_dir "${templatesDir}" is outside the workspace folder; the built-in templates are used instead`);
  return diagnostics;
}
