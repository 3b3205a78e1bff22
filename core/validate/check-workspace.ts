import { compareDiagnostics, type Diagnostic, type RuleLevel } from '../diagnostics';
import { isRecord } from '../util/is-record';
import { buildModel, type WorkspaceModel } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import { isSuppressed } from '../parse/suppressions';
import type { Plugin } from '../plugins/define-plugin';
import { didYouMeanHint } from '../util/did-you-mean';
import { collectRules, runRules, type LoadedRule } from './run-rules';

export interface CheckResult {
  model: WorkspaceModel;
  rules: LoadedRule[];
  /** Every diagnostic of the workspace, sorted by file and position. */
  diagnostics: Diagnostic[];
}

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** Rule levels from `okra.config.yaml`'s `rules:`, with diagnostics for unknown rule ids. */
function readLevels(model: WorkspaceModel, known: ReadonlySet<string>): { levels: Record<string, RuleLevel>; diagnostics: Diagnostic[] } {
  const levels: Record<string, RuleLevel> = {};
  const diagnostics: Diagnostic[] = [];
  const config = model.config;
  const rules = config?.value.rules;
  if (!config || !isRecord(rules)) return { levels, diagnostics };
  const file = model.byPath.get(config.file);
  for (const [id, level] of Object.entries(rules)) {
    if (typeof level === 'string' && LEVELS.has(level)) levels[id] = level as RuleLevel;
    // Schema, YAML and config ids are not in the rule list but may be configured too.
    if (!known.has(id) && !/^(schema|yaml|config)\//.test(id) && file) {
      diagnostics.push({
        file: config.file,
        range: file.locate(['rules', id], 'key'),
        severity: 'warning',
        rule: 'config/unknown-rule',
        message: `No rule is called "${id}"${didYouMeanHint(id, known)}`,
      });
    }
  }
  return { levels, diagnostics };
}

function applyLevel(diagnostic: Diagnostic, levels: Record<string, RuleLevel>): Diagnostic | undefined {
  const level = levels[diagnostic.rule];
  if (level === undefined) return diagnostic;
  if (level === 'off') return undefined;
  return level === diagnostic.severity ? diagnostic : { ...diagnostic, severity: level };
}

/** Rules of the plugins and the levels the config sets, ready to run. */
export interface RuleSetup {
  rules: LoadedRule[];
  levels: Record<string, RuleLevel>;
  configDiagnostics: Diagnostic[];
}

export function setupRules(model: WorkspaceModel, plugins: readonly Plugin[]): RuleSetup {
  const rules = collectRules(plugins);
  const { levels, diagnostics } = readLevels(model, new Set(rules.map((r) => r.id)));
  return { rules, levels, configDiagnostics: diagnostics };
}

/** A file's own diagnostics (YAML, schema) with suppressions and configured levels applied. */
export function fileDiagnostics(file: ParsedFile, levels: Record<string, RuleLevel>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const diagnostic of file.diagnostics) {
    if (isSuppressed(file.suppressions, diagnostic.range.start.line, diagnostic.rule)) continue;
    const leveled = applyLevel(diagnostic, levels);
    if (leveled) out.push(leveled);
  }
  return out;
}

/** Checks a model: every file's own diagnostics, the config, and every workspace rule. */
export function checkModel(model: WorkspaceModel, setup: RuleSetup): Diagnostic[] {
  const all: Diagnostic[] = [...setup.configDiagnostics];
  for (const file of model.files) all.push(...fileDiagnostics(file, setup.levels));
  all.push(...runRules(model, setup.rules, setup.levels));
  return all.sort(compareDiagnostics);
}

/**
 * Checks parsed files as one workspace: their own diagnostics (YAML, schema), the config, and
 * every plugin's workspace rules, with the severities and suppressions the user set.
 */
export function checkWorkspace(files: readonly ParsedFile[], plugins: readonly Plugin[]): CheckResult {
  const model = buildModel(files);
  const setup = setupRules(model, plugins);
  return { model, rules: setup.rules, diagnostics: checkModel(model, setup) };
}
