/** Token-bucket settings: the sustained rate and how many requests may arrive at once. */
export interface RateLimitOptions {
  /** Average requests per second (Notion: 3). */
  ratePerSecond: number;
  /** Bucket size: requests allowed in a burst before throttling starts. */
  burst: number;
}

/** Notion's documented limit: an average of three requests per second, with some bursting. */
export const NOTION_RATE_LIMIT: RateLimitOptions = { ratePerSecond: 3, burst: 10 };

/** The outcome of asking for one request's worth of budget. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket refilled continuously at `ratePerSecond`. Denials carry
 * `Retry-After` as whole seconds (at least 1), as Notion's header does.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = options.burst;
    this.last = now();
  }

  /** Replaces the limits; the bucket starts full under the new ones. */
  reconfigure(options: RateLimitOptions): void {
    this.options = options;
    this.tokens = options.burst;
    this.last = this.now();
  }

  /** Takes one token if available. */
  take(): RateDecision {
    const t = this.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((t - this.last) / 1000) * this.options.ratePerSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const seconds = (1 - this.tokens) / this.options.ratePerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
  }
}
