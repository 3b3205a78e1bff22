/** Token-bucket settings: the sustained rate and how many requests may go at once. */
export interface RateLimit {
  /** Average requests per second (Notion: 3 per integration). */
  ratePerSecond: number;
  /** Requests that may be sent back to back before pacing starts. */
  burst: number;
}

/**
 * Notion's documented average, with a small burst. Staying at the average (not just capping
 * concurrency) is what keeps a long sync free of 429s.
 */
export const NOTION_RATE: RateLimit = Object.freeze({ ratePerSecond: 3, burst: 3 });

/** Sleeping that a test or an abort signal can cut short. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** `setTimeout` as a promise that rejects when `signal` aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'));
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * A token bucket refilled continuously at `ratePerSecond`, holding at most `burst` tokens.
 * Every request takes one token, waiting for it if need be; callers are served in order.
 * `pause(ms)` empties the bucket until then (a `Retry-After` applies to everyone, not just
 * the request that got it).
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private blockedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: RateLimit = NOTION_RATE,
    private readonly now: () => number = () => performance.now(),
    private readonly wait: Sleep = sleep,
  ) {
    if (!(limit.ratePerSecond > 0) || !(limit.burst >= 1)) throw new Error('A rate limit needs ratePerSecond > 0 and burst ≥ 1.');
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Resolves when the caller may send one request. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    // A failed (aborted) turn must not block the ones after it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Sends nothing for `ms` from now. */
  pause(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.last) / 1000) * this.limit.ratePerSecond);
    this.last = t;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const blocked = this.blockedUntil - this.now();
      if (blocked > 0) {
        await this.wait(blocked, signal);
        this.last = this.now();
        continue;
      }
      this.refill();
      // The epsilon absorbs float error: waiting exactly the computed time must be enough.
      if (this.tokens >= 1 - 1e-6) {
        this.tokens = Math.max(0, this.tokens - 1);
        return;
      }
      await this.wait(Math.max(1, ((1 - this.tokens) / this.limit.ratePerSecond) * 1000), signal);
    }
  }
}
