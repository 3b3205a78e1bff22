import { createRandom, type Random } from './model/prng';

/** Failures the sandbox can inject: HTTP statuses Notion (or its edge) returns, or a dropped connection. */
export type FaultKind = '409' | '429' | '500' | '502' | '503' | '504' | '529' | 'drop';

/** Every fault kind, in the order random draws consider them. */
export const FAULT_KINDS: readonly FaultKind[] = ['429', '409', '500', '502', '503', '504', '529', 'drop'];

/** Random fault injection settings. */
export interface FaultSpec {
  /** Probability (0–1) per API request of each fault. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Extra latency per API request: fixed ms, or a [min, max] range drawn uniformly. */
  latencyMs?: number | [number, number];
  /** Probability (0–1) that a fault hitting a write lands after the write was committed (a lost response). */
  afterWrite?: number;
  /** `Retry-After` seconds on injected 429 and 529 responses (default 1). */
  retryAfterSeconds?: number;
  /** Seed for the fault draws, for reproducible runs. */
  seed?: number;
}

/** A scheduled one-off fault. */
export interface QueuedFault {
  kind: FaultKind;
  /** Only requests whose `METHOD /path` contains this string are hit (default: any). */
  match?: string;
  /** Apply after the handler ran (the write happened, the response is lost). */
  afterWrite?: boolean;
}

/** What to do to one request. */
export interface FaultDecision {
  kind: FaultKind;
  afterWrite: boolean;
}

/**
 * Decides, per API request, whether to inject a fault and how much latency to
 * add. Queued faults (from `failNext`) win over random ones.
 */
export class FaultInjector {
  private spec: FaultSpec = {};
  private random: Random = createRandom(1);
  private readonly queue: QueuedFault[] = [];

  constructor(spec?: FaultSpec, seed?: number) {
    this.configure(spec ?? {}, seed);
  }

  /** Replaces the random fault settings (queued faults stay). */
  configure(spec: FaultSpec, fallbackSeed?: number): void {
    for (const [kind, rate] of Object.entries(spec.rates ?? {})) {
      if (!(FAULT_KINDS as readonly string[]).includes(kind))
        throw new Error(`Unknown fault kind "${kind}"; use one of ${FAULT_KINDS.join(', ')}.`);
      if (typeof rate !== 'number' || rate < 0 || rate > 1)
        throw new Error(`Fault rate for ${kind} must be between 0 and 1, got ${String(rate)}.`);
    }
    this.spec = spec;
    this.random = createRandom(spec.seed ?? fallbackSeed ?? Date.now());
  }

  /** The current random settings. */
  current(): FaultSpec {
    return this.spec;
  }

  /** Schedules `count` faults of one kind for the next matching requests. */
  enqueue(fault: QueuedFault, count = 1): void {
    for (let i = 0; i < count; i++) this.queue.push({ ...fault });
  }

  /** Forgets queued faults. */
  clearQueue(): void {
    this.queue.length = 0;
  }

  /** `Retry-After` for injected 429/529. */
  retryAfterSeconds(): number {
    return this.spec.retryAfterSeconds ?? 1;
  }

  /** Milliseconds of latency to add to this request. */
  latency(): number {
    const l = this.spec.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === 'number') return l;
    return l[0] + Math.floor(this.random() * (l[1] - l[0] + 1));
  }

  /** The fault for a request, if any. */
  decide(method: string, path: string, writes: boolean): FaultDecision | null {
    const target = `${method} ${path}`;
    const index = this.queue.findIndex((q) => !q.match || target.includes(q.match));
    if (index >= 0) {
      const [fault] = this.queue.splice(index, 1);
      return { kind: fault.kind, afterWrite: writes && fault.afterWrite === true };
    }
    const rates = this.spec.rates;
    if (!rates) return null;
    const roll = this.random();
    let acc = 0;
    for (const kind of FAULT_KINDS) {
      acc += rates[kind] ?? 0;
      if (roll < acc) return { kind, afterWrite: writes && this.random() < (this.spec.afterWrite ?? 0) };
    }
    return null;
  }
}

/**
 * Parses the CLI form, e.g. `429=0.1,502=0.05,drop=0.01,latency=20-200,after-write=0.5,retry-after=1,seed=42`.
 */
export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = { rates: {} };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (value === undefined) throw new Error(`Fault setting "${part}" needs a value, e.g. 502=0.05.`);
    const number = Number(value);
    if (key === 'latency') {
      const [min, max] = value.split('-').map(Number);
      if (!Number.isFinite(min) || (max !== undefined && !Number.isFinite(max)))
        throw new Error(`latency must be ms or min-max ms, got "${value}".`);
      spec.latencyMs = max === undefined ? min : [min, max];
    } else if (key === 'after-write') {
      spec.afterWrite = number;
    } else if (key === 'retry-after') {
      spec.retryAfterSeconds = number;
    } else if (key === 'seed') {
      spec.seed = number;
    } else if ((FAULT_KINDS as readonly string[]).includes(key)) {
      if (!Number.isFinite(number) || number < 0 || number > 1)
        throw new Error(`Fault rate for ${key} must be between 0 and 1, got "${value}".`);
      (spec.rates as Record<string, number>)[key] = number;
    } else {
      throw new Error(`Unknown fault setting "${key}"; use ${FAULT_KINDS.join(', ')}, latency, after-write, retry-after or seed.`);
    }
  }
  return spec;
}
