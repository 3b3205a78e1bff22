import type { Diagnostic, RuleLevel } from '../diagnostics';
import type { EntityIndex, WorkspaceModel } from '../model/workspace-model';
import { isSuppressed } from '../parse/suppressions';
import { BUILTIN_PLUGIN_NAME, pluginNamespace, type Plugin } from '../plugins/define-plugin';
import { formatMessage, type Location, type Report, type Rule, type RuleContext } from '../plugins/define-rule';

/** A rule as loaded: its final id and the plugin it came from. */
export interface LoadedRule {
  id: string;
  plugin: string;
  rule: Rule<string>;
}

/** Rules of all plugins; a third-party plugin's ids are namespaced, the built-ins' are not. */
export function collectRules(plugins: readonly Plugin[]): LoadedRule[] {
  const rules: LoadedRule[] = [];
  for (const plugin of plugins) {
    const namespace = plugin.name === BUILTIN_PLUGIN_NAME ? '' : `${pluginNamespace(plugin.name)}/`;
    for (const rule of plugin.rules ?? []) {
      const id = namespace && !rule.id.startsWith(namespace) ? namespace + rule.id : rule.id;
      rules.push({ id, plugin: plugin.name, rule });
    }
  }
  return rules;
}

/** Turns a location given as data into a range; files missing from the model get 1:1. */
function resolve(model: WorkspaceModel, at: Location) {
  const file = model.byPath.get(at.file);
  return file ? file.locate(at.path, at.target) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The items of a list in the target files, in the list's order. */
function itemsIn<T extends { file: string }>(
  list: { readonly all: readonly T[] } | readonly T[],
  targets: ReadonlySet<string> | undefined,
): readonly T[] {
  if (!Array.isArray(list)) {
    const index = list as unknown as EntityIndex<unknown>;
    if (!targets) return index.all as unknown as T[];
    if (targets.size === 1) return (index.byFile.get(targets.values().next().value!) ?? []) as unknown as T[];
    return (index.all as unknown as T[]).filter((item) => targets.has(item.file));
  }
  const items = list as readonly T[];
  return targets ? items.filter((item) => targets.has(item.file)) : items;
}

/**
 * Runs rules over the model and reports on `targets` (every file when undefined). A rule that
 * throws is reported as a diagnostic of its own (`okra/rule-error`) rather than ending the run:
 * one broken plugin must not hide the rest.
 */
export function runRules(
  model: WorkspaceModel,
  rules: readonly LoadedRule[],
  levels: Readonly<Record<string, RuleLevel>> = {},
  targets?: ReadonlySet<string>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Rules may memoise work per model object (the six reference rules share one walk). A session
  // edits its model in place, so each run gets an object of its own and no memo outlives it.
  const runModel: WorkspaceModel = { ...model };
  const reportsOn = targets ? (file: string) => targets.has(file) : () => true;
  const itemsToCheck: RuleContext['itemsToCheck'] = (list) => itemsIn(list, targets);
  for (const { id, rule } of rules) {
    const level = levels[id] ?? rule.severity;
    if (level === 'off') continue;
    const report = (r: Report<string>) => {
      const template = (rule.messages as Record<string, string>)[r.message];
      if (template === undefined) throw new Error(`rule ${id} reported an undeclared message "${r.message}"`);
      if (!reportsOn(r.at.file)) return;
      const range = resolve(runModel, r.at);
      const file = model.byPath.get(r.at.file);
      if (file && isSuppressed(file.suppressions, range.start.line, id)) return;
      const diagnostic: Diagnostic = { file: r.at.file, range, severity: level, rule: id, message: formatMessage(template, r.data) };
      if (r.related?.length)
        diagnostic.related = r.related.map((rel) => ({ file: rel.at.file, range: resolve(model, rel.at), message: rel.message }));
      if (r.fix) {
        diagnostic.fix = {
          title: r.fix.title,
          edits: r.fix.edits.map((e) => ({ file: e.at.file, range: resolve(model, e.at), newText: e.newText })),
        };
      }
      diagnostics.push(diagnostic);
    };
    try {
      rule.check({ model: runModel, reportsOn, itemsToCheck, report });
    } catch (error) {
      diagnostics.push({
        file: model.config?.file ?? 'okra.config.yaml',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        rule: 'okra/rule-error',
        message: `Rule ${id} failed: ${(error as Error)?.message ?? String(error)}. This is a bug in the rule, not in your files`,
      });
    }
  }
  return diagnostics;
}

/** A rule that throws does so for every file it checks: one report of each failure is enough. */
export function withoutRepeatedRuleErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.rule !== 'okra/rule-error') return true;
    if (seen.has(d.message)) return false;
    seen.add(d.message);
    return true;
  });
}
