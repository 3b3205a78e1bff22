/**
 * A worker thread of `AnalysisPool`: checks each file it is sent on its own (YAML, schema, file
 * rules) exactly as the main thread would, with the config's plugins, which it loads itself.
 * Bundled on its own (dist/analysis-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndCheckFile, type FileCheck } from '../core/engine/check-file';
import { readSetup } from '../core/engine/rule-setup';
import { memoryHost } from '../core/workspace/host';
import { CONFIG_FILE } from '../core/workspace/load-workspace';
import type { WorkerMessage, WorkerRequest, WorkerSetup } from './analysis-pool';
import { pluginImporter } from './import-plugin';

const job = workerData as WorkerSetup;

/** The same setup as the main thread's: the same config, the same plugins. */
const setup = readSetup(memoryHost({ [CONFIG_FILE]: job.configBytes }), {
  importPlugin: pluginImporter(job.root),
  trusted: job.trusted,
}).then((read) => read.setup);
// An unhandled rejection would end the thread before any file asks for the setup.
setup.catch(() => undefined);

async function run(path: string, bytes: Uint8Array): Promise<FileCheck> {
  return readAndCheckFile(path, bytes, await setup, job.keep);
}

parentPort?.on('message', ({ id, path, bytes }: WorkerRequest) => {
  run(path, bytes).then(
    (result) => parentPort?.postMessage({ id, result } satisfies WorkerMessage),
    (error: unknown) => parentPort?.postMessage({ id, error: (error as Error)?.message ?? String(error) } satisfies WorkerMessage),
  );
});
