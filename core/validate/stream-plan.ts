import { CONFIG_FILE } from '../model/workspace-model';
import type { RuleSetup } from './check-workspace';
import type { LoadedRule } from './run-rules';

/**
 * How `validateStreaming` can run a workspace's rules without holding every file: file rules
 * beside each file's parse, the workspace rules afterwards on the files of the kinds they read
 * (plus, for okra's outline rules, the files the outline involves).
 */
export interface StreamPlan {
  fileRules: LoadedRule[];
  workspaceRules: LoadedRule[];
  /** Kinds whose files are kept in full for the workspace rules. */
  contextKinds: ReadonlySet<string>;
}

/** The plan, or `undefined` when a rule in force reads the whole workspace without saying which kinds. */
export function streamPlan(setup: RuleSetup): StreamPlan | undefined {
  const fileRules: LoadedRule[] = [];
  const workspaceRules: LoadedRule[] = [];
  const contextKinds = new Set<string>(['Config']);
  for (const loaded of setup.rules) {
    const { rule } = loaded;
    if ((setup.levels[loaded.id] ?? rule.severity) === 'off') continue;
    if (rule.scope === 'file') {
      fileRules.push(loaded);
      continue;
    }
    if (!rule.kinds) return undefined;
    for (const kind of rule.kinds) contextKinds.add(kind);
    workspaceRules.push(loaded);
  }
  return { fileRules, workspaceRules, contextKinds };
}

/** True when the file at `path` of `kind` is kept in full under `plan`. */
export function isContextFile(plan: StreamPlan, path: string, kind: string | undefined): boolean {
  return path === CONFIG_FILE || (kind !== undefined && plan.contextKinds.has(kind));
}
