import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzeFileData, type AnalyzerFactory, type FileAnalysis } from '../core';

/** The worker's bundle, next to dist/cli.js. Absent when okra runs from source (tests with tsx). */
export const WORKER_FILE = join(__dirname, 'analysis-worker.js');

/** Workers to start: `OKRA_WORKERS` (0 turns them off), else one per core. */
export function workerCount(workerFile = WORKER_FILE): number {
  if (!existsSync(workerFile)) return 0;
  const fromEnv = process.env.OKRA_WORKERS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Number(fromEnv);
  return availableParallelism();
}

interface Pending {
  resolve(analysis: FileAnalysis): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Set once the worker failed or stopped: it gets no more files. */
  dead: boolean;
}

export interface WorkerMessage {
  id: number;
  analysis?: FileAnalysis;
  error?: string;
}

/**
 * Worker threads that parse and schema-check files for `validateWorkspace`, so that a cold run
 * parses on every core. They start on the first file (the core uses them only for large
 * workspaces) and a file whose worker fails is analysed in this thread instead: the pool can
 * make a run faster, never different.
 */
export class AnalysisPool {
  private slots: Slot[] | undefined;
  private nextId = 0;

  private readonly size: number;
  private readonly workerFile: string;

  constructor(options: { size?: number; workerFile?: string } = {}) {
    this.workerFile = options.workerFile ?? WORKER_FILE;
    this.size = options.size ?? workerCount(this.workerFile);
  }

  /** Workers started so far (0 until the first file). */
  get started(): number {
    return this.slots?.length ?? 0;
  }

  /** The analyzer for `validateWorkspace`, or undefined when there are no workers to use. */
  get factory(): AnalyzerFactory | undefined {
    if (this.size === 0) return undefined;
    return (pluginKinds) => {
      const kinds = new Set(pluginKinds);
      return async (path, bytes) => {
        try {
          return await this.post(pluginKinds, path, bytes);
        } catch {
          return analyzeFileData(path, bytes, kinds);
        }
      };
    };
  }

  private start(pluginKinds: readonly string[]): Slot[] {
    return Array.from({ length: this.size }, () => {
      const slot: Slot = { worker: new Worker(this.workerFile, { workerData: { pluginKinds } }), pending: new Map(), dead: false };
      slot.worker.unref();
      slot.worker.on('message', ({ id, analysis, error }: WorkerMessage) => {
        const job = slot.pending.get(id);
        slot.pending.delete(id);
        if (analysis) job?.resolve(analysis);
        else job?.reject(new Error(error ?? 'no result'));
      });
      const failAll = (error: Error) => {
        slot.dead = true;
        for (const job of slot.pending.values()) job.reject(error);
        slot.pending.clear();
      };
      slot.worker.on('error', failAll);
      slot.worker.on('exit', () => failAll(new Error('the worker stopped')));
      return slot;
    });
  }

  private post(pluginKinds: readonly string[], path: string, bytes: Uint8Array): Promise<FileAnalysis> {
    this.slots ??= this.start(pluginKinds);
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(new Error('no worker is running'));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, path, bytes });
    });
  }

  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = undefined;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
