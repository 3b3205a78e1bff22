import type { Diagnostic } from '../diagnostics';
import { isRecord } from '../util/is-record';
import type { ParsedFile } from '../parse/parse-file';
import { pluginLeavesWorkspace } from '../config/workspace-bounds';
import type { Plugin } from './define-plugin';

/** Imports a plugin module by the specifier written in the config (npm name or relative path). */
export type PluginImporter = (specifier: string) => Promise<unknown>;

export interface LoadPluginsOptions {
  /** Workspace plugins run code: they load only in a trusted workspace. */
  trusted: boolean;
}

function asPlugin(module: unknown): Plugin | undefined {
  const candidate = isRecord(module) && 'default' in module ? module.default : module;
  // A CommonJS module compiled from ESM may wrap the export once more.
  const unwrapped = isRecord(candidate) && isRecord(candidate.default) && !('name' in candidate) ? candidate.default : candidate;
  if (!isRecord(unwrapped) || typeof unwrapped.name !== 'string') return undefined;
  if (unwrapped.rules !== undefined && !Array.isArray(unwrapped.rules)) return undefined;
  return unwrapped as unknown as Plugin;
}

/** Loads the plugins named in `okra.config.yaml`; failures become diagnostics on the config entry. */
export async function loadPlugins(
  config: ParsedFile,
  importer: PluginImporter,
  options: LoadPluginsOptions,
): Promise<{ plugins: Plugin[]; diagnostics: Diagnostic[] }> {
  const plugins: Plugin[] = [];
  const diagnostics: Diagnostic[] = [];
  const list = isRecord(config.data) && Array.isArray(config.data.plugins) ? config.data.plugins : [];
  if (list.length > 0 && !options.trusted) {
    diagnostics.push({
      file: config.path,
      range: config.locate(['plugins'], 'key'),
      severity: 'info',
      rule: 'config/plugins-untrusted',
      message: 'Workspace plugins are not loaded because this workspace is not trusted',
    });
    return { plugins, diagnostics };
  }
  for (const [index, specifier] of list.entries()) {
    // Reported on the config by outsideWorkspaceDiagnostics; never imported.
    if (typeof specifier !== 'string' || pluginLeavesWorkspace(specifier)) continue;
    const at = { file: config.path, range: config.locate(['plugins', index]), severity: 'error' as const, rule: 'config/plugin' };
    try {
      const plugin = asPlugin(await importer(specifier));
      if (plugin) plugins.push(plugin);
      else
        diagnostics.push({
          ...at,
          message: `"${specifier}" is not an okra plugin: its default export must come from definePlugin({ name, … })`,
        });
    } catch (error) {
      const reason =
        (error as { code?: string }).code === 'MODULE_NOT_FOUND' || (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND'
          ? 'it was not found (install it with npm, or check the relative path)'
          : (error as Error).message;
      diagnostics.push({ ...at, message: `Plugin "${specifier}" could not be loaded: ${reason}` });
    }
  }
  return { plugins, diagnostics };
}
