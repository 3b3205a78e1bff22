import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PARALLEL_MIN_FILES, type FileCheck, type FileChecker, type Keep, type WorkerFactory } from '../core';

/** The worker's bundle, next to dist/cli.js. Absent when okra runs from source (tests with tsx). */
export const WORKER_FILE = join(__dirname, 'analysis-worker.js');

/** Workers to start: `OKRA_WORKERS` (0 turns them off), else one per core. */
export function workerCount(workerFile = WORKER_FILE): number {
  if (!existsSync(workerFile)) return 0;
  const fromEnv = process.env.OKRA_WORKERS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Number(fromEnv);
  return availableParallelism();
}

/**
 * A worker holds one file's parse at a time (a few MB for a 60 KB file), but left to itself V8
 * lets a heap grow to hundreds of MB of garbage before it collects: two uncapped workers were
 * half of a 10,000-file run's 509 MB peak. 128 MB holds a 4.8 MB file read the fast way; one
 * read the slow way (an anchor in it) can need more: its worker fails, the main thread reads the
 * file instead, and a new worker takes the failed one's place.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/** What every worker of a run is set up with: the workspace, its config and what to keep of each file. */
export interface WorkerSetup {
  root: string;
  configBytes: Uint8Array;
  trusted: boolean;
  keep: Keep;
}

export interface WorkerRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
}

export interface WorkerMessage {
  id: number;
  result?: FileCheck;
  error?: string;
}

interface Pending {
  resolve(result: FileCheck): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Set once the worker failed or stopped: it gets no more files. */
  dead: boolean;
}

/**
 * Worker threads that check files for `validate`, so that a cold run parses on every core. They
 * start on the first file (the core uses them only for large workspaces), set up for that run;
 * a file whose worker fails, or of another run, is left to the main thread: the pool can make a
 * run faster, never different.
 */
export class AnalysisPool {
  private slots: Slot[] | undefined;
  /** The setup the workers were started with: one run's. */
  private setup: WorkerSetup | undefined;
  private nextId = 0;
  /** Failed workers that may still be replaced. */
  private replacements = 0;

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

  /**
   * The workers of `validate` in the workspace at `root`, or undefined without workers. A file
   * whose worker fails is rejected; `validate` then checks it itself.
   */
  workersFor(root: string): WorkerFactory | undefined {
    if (this.size === 0) return undefined;
    return ({ files, ...job }) => {
      if (files < PARALLEL_MIN_FILES) return undefined;
      const setup: WorkerSetup = { root, ...job };
      const checker: FileChecker = (path, bytes) => this.post(setup, path, bytes);
      return checker;
    };
  }

  private start(setup: WorkerSetup): Slot[] {
    this.replacements = this.size;
    return Array.from({ length: this.size }, () => this.spawn(setup));
  }

  /**
   * One worker. One that fails (say, out of its heap on a file of several MB read the slow way)
   * rejects what it had, which the main thread then checks, and is replaced, once per worker
   * of the pool, so that the rest of the run keeps every core.
   */
  private spawn(setup: WorkerSetup): Slot {
    const slot: Slot = {
      worker: new Worker(this.workerFile, { workerData: setup, resourceLimits: WORKER_HEAP }),
      pending: new Map(),
      dead: false,
    };
    // Kept referenced: a run waiting only on a worker's answer must not end for want of anything
    // else to wait on (an unreferenced worker let the process exit with its file unanswered).
    // Every caller closes the pool when done.
    slot.worker.on('message', ({ id, result, error }: WorkerMessage) => {
      const job = slot.pending.get(id);
      slot.pending.delete(id);
      if (result) job?.resolve(result);
      else job?.reject(new Error(error ?? 'no result'));
    });
    const fail = (error: Error) => {
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
      if (slot.dead) return;
      slot.dead = true;
      if (this.slots?.includes(slot) && this.replacements > 0) {
        this.replacements--;
        this.slots.push(this.spawn(setup));
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', () => fail(new Error('the worker stopped')));
    return slot;
  }

  private post(setup: WorkerSetup, path: string, bytes: Uint8Array): Promise<FileCheck> {
    if (!this.slots) {
      this.slots = this.start(setup);
      this.setup = setup;
    }
    if (this.setup !== setup) return Promise.reject(new Error('the workers are set up for another run'));
    const live = this.slots.filter((s) => !s.dead);
    if (live.length === 0) return Promise.reject(new Error('no worker is running'));
    const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, path, bytes } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    const slots = this.slots ?? [];
    this.slots = undefined;
    await Promise.all(slots.filter((slot) => !slot.dead).map((slot) => slot.worker.terminate()));
  }
}
