/**
 * A worker thread of `AnalysisPool`: reads the files it is sent, either parsing and
 * schema-checking them (`analyze`) or checking each whole on its own (`check`, with the
 * config's plugins, which it loads itself). Bundled on its own (dist/analysis-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BUILTIN_PLUGIN_NAME, builtinRules } from '../core/plugins/builtin-rules';
import { definePlugin } from '../core/plugins/define-plugin';
import { loadPlugins } from '../core/plugins/load-plugins';
import { checkFileAlone, fileChecking, type FileCheck, type FileChecking } from '../core/workspace/check-file';
import { analyzeFileData, type FileAnalysis } from '../core/workspace/file-analysis';
import { analyzeFile, CONFIG_FILE } from '../core/workspace/load-workspace';
import type { WorkerMessage, WorkerRequest, WorkerSetup } from './analysis-pool';
import { pluginImporter } from './import-plugin';

const setup = workerData as WorkerSetup;

/** The built-in plugin's rules, without its templates: a worker renders nothing. */
const builtinRulesPlugin = definePlugin({ name: BUILTIN_PLUGIN_NAME, rules: [...builtinRules] });

/** The same setup as the main thread's: the same config, the same plugins. */
async function checkingOf(root: string, configBytes: Uint8Array, trusted: boolean): Promise<FileChecking> {
  const config = analyzeFile(CONFIG_FILE, configBytes);
  const { plugins } = await loadPlugins(config, pluginImporter(root), { trusted });
  const checking = fileChecking(config, [builtinRulesPlugin, ...plugins]);
  if (!checking) throw new Error('a rule in force reads the whole workspace');
  return checking;
}

const run: (path: string, bytes: Uint8Array) => Promise<FileAnalysis | FileCheck> = (() => {
  if (setup.mode === 'analyze') {
    const pluginKinds = new Set(setup.pluginKinds);
    return async (path: string, bytes: Uint8Array) => analyzeFileData(path, bytes, pluginKinds);
  }
  const checking = checkingOf(setup.root, setup.configBytes, setup.trusted);
  // An unhandled rejection would end the thread before any file asks for the setup.
  checking.catch(() => undefined);
  return async (path: string, bytes: Uint8Array) => checkFileAlone(path, bytes, await checking);
})();

parentPort?.on('message', ({ id, path, bytes }: WorkerRequest) => {
  run(path, bytes).then(
    (result) => parentPort?.postMessage({ id, result } satisfies WorkerMessage),
    (error: unknown) => parentPort?.postMessage({ id, error: (error as Error)?.message ?? String(error) } satisfies WorkerMessage),
  );
});
