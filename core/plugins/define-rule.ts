import type { DataPath, Severity } from '../diagnostics';
import type { LocateTarget } from '../parse/locate';
import type { WorkspaceModel } from '../model/workspace-model';

/** A place in the workspace, as data: the runner turns it into a range. */
export interface Location {
  file: string;
  path: DataPath;
  /** Point at the key rather than its value (e.g. an unknown field). */
  target?: LocateTarget;
}

export interface FixSpec {
  title: string;
  edits: Array<{ at: Location; newText: string }>;
}

export interface Report<M extends string = string> {
  /** A name from the rule's `messages`; an undeclared name is a bug in the rule and throws. */
  message: M;
  /** Values for the message's `{{placeholders}}`. */
  data?: Record<string, string | number>;
  at: Location;
  related?: Array<{ at: Location; message: string }>;
  fix?: FixSpec;
}

/**
 * What a rule's `check` is given. A workspace rule sees the whole workspace and is told which
 * files to report on: all of them for `okra validate`, the edited one while the user types.
 * Reports on other files are dropped, so a rule may walk everything and stay correct; walking
 * `itemsToCheck` instead keeps a keystroke from visiting the whole workspace. A file rule
 * (`scope: 'file'`) is given its file alone, the same way wherever it runs.
 */
export interface RuleContext<M extends string = string> {
  readonly model: WorkspaceModel;
  /** Whether reports on `file` are wanted in this run. */
  reportsOn(file: string): boolean;
  /** The items of `list` (an index or a list of the model) that are in the files this run reports on. */
  itemsToCheck<T extends { file: string }>(list: { readonly all: readonly T[] } | readonly T[]): readonly T[];
  report(report: Report<M>): void;
}

export interface RuleDefinition<M extends string = string> {
  /** `area/name`; plugin rules are namespaced with the plugin's name when loaded. */
  id: string;
  severity: Severity;
  /** One sentence for `--help`, the docs and the editor's hover on the rule id. */
  description: string;
  /** Longer documentation (Markdown), e.g. the limits of a model the rule relies on. */
  docs?: string;
  messages: Record<M, string>;
  /**
   * What one check looks at. `'file'`: one file at a time; `ctx.model` then holds that file
   * and the config, and `okra validate` checks it in worker threads as files are read.
   * `'workspace'` (the default): the whole workspace, for checks across files.
   */
  scope?: RuleScope;
  /**
   * For a workspace rule: the kinds of file it reads (e.g. `['TierStructure', 'KpiTargets']`).
   * `okra validate` then keeps only files of those kinds in memory, and can check a workspace
   * of any size; a workspace rule that does not say makes it hold every file.
   */
  kinds?: readonly string[];
  /**
   * okra's own cross-file rules (ids, references, alignment) judge every other file by what the
   * workspace outline records of it (its ids, references and `aligns_to`), and okra loads in
   * full each file a finding involves. Not for plugins: their rules cannot see the outline.
   * @internal
   */
  outline?: true;
  /** Pure and synchronous over the model: rules never read files. */
  check(context: RuleContext<M>): void;
}

export type Rule<M extends string = string> = Readonly<RuleDefinition<M>>;

export type RuleScope = 'file' | 'workspace';

/** Declares a workspace rule; the identity function, there for types and for one obvious shape. */
export function defineRule<M extends string>(rule: RuleDefinition<M>): Rule<M> {
  return Object.freeze(rule);
}

/** Fills `{{name}}` placeholders; unknown placeholders stay visible so a rule author sees them. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
