/**
 * A worker thread of `AnalysisPool`: parses and schema-checks the files it is sent. Bundled on
 * its own (dist/analysis-worker.js) with only the parts of the core it needs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFileData } from '../core/workspace/file-analysis';
import type { WorkerMessage } from './analysis-pool';

const pluginKinds = new Set<string>((workerData as { pluginKinds: string[] }).pluginKinds);

parentPort?.on('message', ({ id, path, bytes }: { id: number; path: string; bytes: Uint8Array }) => {
  let reply: WorkerMessage;
  try {
    reply = { id, analysis: analyzeFileData(path, bytes, pluginKinds) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
