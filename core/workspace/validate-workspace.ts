import type { Diagnostic } from '../diagnostics';
import { compareDiagnostics } from '../diagnostics';
import type { WorkspaceModel } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import { builtinPlugin } from '../plugins/builtin';
import type { Plugin } from '../plugins/define-plugin';
import { loadPlugins, type PluginImporter } from '../plugins/load-plugins';
import { checkWorkspace } from '../validate/check-workspace';
import type { LoadedRule } from '../validate/run-rules';
import type { FileAnalyzer } from './file-analysis';
import type { WorkspaceHost } from './host';
import { loadWorkspace, readConfig, type ConfigSource } from './load-workspace';
import type { ParseCache } from './parse-cache';
import { pluginValidators } from './plugin-validators';

export { pluginValidators } from './plugin-validators';

export interface ValidateOptions {
  /** Imports the plugins the config names; without it, only the built-in plugin runs. */
  importPlugin?: PluginImporter;
  /** Workspace plugins load only when true (VS Code's Workspace Trust; the CLI trusts). */
  trusted?: boolean;
  /** Plugins given by the caller (e.g. tests, or an editor's bundled plugins). */
  extraPlugins?: Plugin[];
  cache?: ParseCache;
  onProgress?: (done: number, total: number) => void;
  /** Parses files in worker threads (see `FileAnalyzer`); given the kinds plugins add. */
  analyzer?: AnalyzerFactory;
}

/** Makes a FileAnalyzer once the plugins, and so the kinds they add, are known. */
export type AnalyzerFactory = (pluginKinds: readonly string[]) => FileAnalyzer;

export interface ValidationResult {
  files: ParsedFile[];
  model: WorkspaceModel;
  plugins: Plugin[];
  rules: LoadedRule[];
  diagnostics: Diagnostic[];
}

/** The config and the plugins a validation runs with: okra's own, the caller's, and those the config names. */
export interface WorkspaceSetup {
  config: ConfigSource;
  plugins: Plugin[];
  /** Plugins that could not load, or were not loaded in an untrusted workspace. */
  pluginDiagnostics: Diagnostic[];
}

/** Reads the config and loads its plugins; throws `WorkspaceError` when there is no config. */
export async function readWorkspaceSetup(
  host: WorkspaceHost,
  options: Pick<ValidateOptions, 'importPlugin' | 'trusted' | 'extraPlugins'> = {},
): Promise<WorkspaceSetup> {
  const config = await readConfig(host);
  const loaded = options.importPlugin
    ? await loadPlugins(config.file, options.importPlugin, { trusted: options.trusted ?? false })
    : { plugins: [], diagnostics: [] };
  return { config, plugins: [builtinPlugin, ...(options.extraPlugins ?? []), ...loaded.plugins], pluginDiagnostics: loaded.diagnostics };
}

/**
 * Validates a whole workspace: reads the config, loads plugins, parses and schema-checks every
 * file, runs the workspace rules. Throws `WorkspaceError` only when there is no workspace.
 * `setup`, when the caller has read the config and loaded the plugins already.
 */
export async function validateWorkspace(
  host: WorkspaceHost,
  options: ValidateOptions = {},
  setup?: WorkspaceSetup,
): Promise<ValidationResult> {
  const { config, plugins, pluginDiagnostics } = setup ?? (await readWorkspaceSetup(host, options));
  const extraValidators = pluginValidators(plugins);
  const analyzer = options.analyzer?.([...extraValidators.keys()]);
  const { files } = await loadWorkspace(host, { config, cache: options.cache, extraValidators, onProgress: options.onProgress, analyzer });
  const checked = checkWorkspace(files, plugins);
  const diagnostics = [...pluginDiagnostics, ...checked.diagnostics].sort(compareDiagnostics);
  return { files, model: checked.model, plugins, rules: checked.rules, diagnostics };
}
