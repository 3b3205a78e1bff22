import type { Diagnostic, RuleLevel } from '../diagnostics';
import type { OkraConfig } from '../model/types.generated';
import { buildModel, CONFIG_FILE, type Located } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import { isSuppressed } from '../parse/suppressions';
import type { Plugin } from '../plugins/define-plugin';
import { loadPlugins, type PluginImporter } from '../plugins/load-plugins';
import { didYouMeanHint } from '../util/did-you-mean';
import { isRecord } from '../util/is-record';
import { pluginValidators } from '../validate/plugin-validators';
import { collectRules, type LoadedRule } from '../validate/run-rules';
import type { ExtraValidators } from '../validate/schema';
import { builtinRulesPlugin } from '../builtin/rules-plugin';
import { readConfig, type ConfigSource } from '../workspace/load-workspace';
import type { WorkspaceHost } from '../workspace/host';

/**
 * Everything a check runs with, fixed by the config and the plugins: the same in every thread
 * and every strategy.
 */
export interface RuleSetup {
  plugins: readonly Plugin[];
  rules: LoadedRule[];
  levels: Record<string, RuleLevel>;
  /** Rules that read one file: run with each file's parse. */
  fileRules: LoadedRule[];
  /** Rules that read across files: run once the files are read. */
  workspaceRules: LoadedRule[];
  /**
   * The kinds of file the workspace rules read in full, or `undefined` when a rule in force
   * reads the whole workspace without saying which kinds: then every file is held.
   */
  contextKinds: ReadonlySet<string> | undefined;
  /** Diagnostics of the config itself: plugins that did not load, unknown rule ids. */
  configDiagnostics: Diagnostic[];
  /** Those of plugin loading alone: they stay when the config is read again in an editor. */
  pluginDiagnostics: readonly Diagnostic[];
  /** Validators of the kinds plugins add. */
  extraValidators: ExtraValidators;
  config: Located<OkraConfig> | undefined;
  timezone: string;
}

const LEVELS = new Set(['error', 'warning', 'info', 'off']);

/** Rule levels from `okra.config.yaml`'s `rules:`, with diagnostics for unknown rule ids. */
function readLevels(config: ParsedFile, known: ReadonlySet<string>): { levels: Record<string, RuleLevel>; diagnostics: Diagnostic[] } {
  const levels: Record<string, RuleLevel> = {};
  const diagnostics: Diagnostic[] = [];
  const rules = isRecord(config.data) && config.kind === 'Config' ? config.data.rules : undefined;
  if (!isRecord(rules)) return { levels, diagnostics };
  for (const [id, level] of Object.entries(rules)) {
    if (typeof level === 'string' && LEVELS.has(level)) levels[id] = level as RuleLevel;
    // Schema, YAML and config ids are not in the rule list but may be configured too.
    if (!known.has(id) && !/^(schema|yaml|config)\//.test(id)) {
      diagnostics.push({
        file: config.path,
        range: config.locate(['rules', id], 'key'),
        severity: 'warning',
        rule: 'config/unknown-rule',
        message: `No rule is called "${id}"${didYouMeanHint(id, known)}`,
      });
    }
  }
  return { levels, diagnostics };
}

/** The setup of a workspace whose config is `config`, with `plugins` (the built-in one included). */
export function ruleSetup(
  config: ParsedFile | undefined,
  plugins: readonly Plugin[],
  pluginDiagnostics: readonly Diagnostic[] = [],
): RuleSetup {
  const rules = collectRules(plugins);
  const { levels, diagnostics } = config ? readLevels(config, new Set(rules.map((r) => r.id))) : { levels: {}, diagnostics: [] };
  const fileRules: LoadedRule[] = [];
  const workspaceRules: LoadedRule[] = [];
  let contextKinds: Set<string> | undefined = new Set(['Config']);
  for (const loaded of rules) {
    if ((levels[loaded.id] ?? loaded.rule.severity) === 'off') continue;
    if (loaded.rule.scope === 'file') {
      fileRules.push(loaded);
      continue;
    }
    workspaceRules.push(loaded);
    if (!loaded.rule.kinds) contextKinds = undefined;
    else for (const kind of loaded.rule.kinds) contextKinds?.add(kind);
  }
  const configModel = buildModel(config?.path === CONFIG_FILE ? [config] : []);
  return {
    plugins,
    rules,
    levels,
    fileRules,
    workspaceRules,
    contextKinds,
    configDiagnostics: [...pluginDiagnostics, ...diagnostics],
    pluginDiagnostics,
    extraValidators: pluginValidators(plugins),
    config: configModel.config,
    timezone: configModel.timezone,
  };
}

/** How plugins are found and whether they may run. */
export interface PluginOptions {
  /** Imports the plugins the config names; without it, only the built-in plugin runs. */
  importPlugin?: PluginImporter;
  /** Workspace plugins load only when true (VS Code's Workspace Trust; the CLI trusts). */
  trusted?: boolean;
  /** Plugins given by the caller (tests, an editor's bundled plugins). */
  extraPlugins?: readonly Plugin[];
}

/** Reads the config and loads its plugins; throws `WorkspaceError` when there is no config. */
export async function readSetup(host: WorkspaceHost, options: PluginOptions = {}): Promise<{ config: ConfigSource; setup: RuleSetup }> {
  const config = await readConfig(host);
  const loaded = options.importPlugin
    ? await loadPlugins(config.file, options.importPlugin, { trusted: options.trusted ?? false })
    : { plugins: [], diagnostics: [] };
  const plugins = [builtinRulesPlugin, ...(options.extraPlugins ?? []), ...loaded.plugins];
  return { config, setup: ruleSetup(config.file, plugins, loaded.diagnostics) };
}

/** Whether the workspace rules read the file at `path` of `kind` in full under `setup`. */
export function isContextFile(setup: RuleSetup, path: string, kind: string | undefined): boolean {
  return path === CONFIG_FILE || !setup.contextKinds || (kind !== undefined && setup.contextKinds.has(kind));
}

/** A file's own diagnostics (YAML, schema) with suppressions and configured levels applied. */
export function leveledDiagnostics(file: ParsedFile, levels: Record<string, RuleLevel>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const diagnostic of file.diagnostics) {
    if (isSuppressed(file.suppressions, diagnostic.range.start.line, diagnostic.rule)) continue;
    const level = levels[diagnostic.rule];
    if (level === 'off') continue;
    out.push(level === undefined || level === diagnostic.severity ? diagnostic : { ...diagnostic, severity: level });
  }
  return out;
}
