import { APIErrorCode, APIResponseError, ClientErrorCode, isNotionClientError, UnknownHTTPResponseError } from '@notionhq/client';

/** How okra retries a failed request. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff base: attempt n waits up to base · 2^(n−1), with full jitter. */
  baseDelayMs: number;
  /** Longest backoff, and longest `Retry-After` honoured. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 60_000 });

/** How to handle an error. */
export interface RetryDecision {
  retry: boolean;
  /** Why, for the log: `429`, `502`, `ECONNRESET`, `timeout` … */
  reason: string;
  /** The server asked to wait this long (Retry-After), in ms. */
  retryAfterMs?: number;
  /** The write may have happened (the response, not the request, was lost). */
  ambiguous: boolean;
  /** A rate limit: the whole client should slow down. */
  rateLimited: boolean;
}

const RETRY_CODES = new Set<string>([
  APIErrorCode.RateLimited,
  APIErrorCode.ConflictError,
  APIErrorCode.InternalServerError,
  APIErrorCode.ServiceUnavailable,
  APIErrorCode.GatewayTimeout,
  'service_overload',
]);

const RETRY_STATUS = new Set([409, 429, 500, 502, 503, 504, 529]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/** `Retry-After` as delta-seconds or an HTTP date, in ms. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function header(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  if (headers && typeof headers === 'object') {
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /socket hang up|other side closed|fetch failed|network|terminated/i.test(message))
      return 'connection lost';
  }
  return undefined;
}

/**
 * Which failures are worth another attempt. Retried: 429 (after Retry-After), 529, 409
 * conflicts, 500/502/503/504 (including the HTML 502s of Notion's edge, which the SDK reports
 * as UnknownHTTPResponseError), dropped connections and timeouts. Never retried: 400, 401,
 * 403, 404 and anything else: they fail the same way every time.
 */
export function classifyError(error: unknown): RetryDecision {
  if (APIResponseError.isAPIResponseError(error) || UnknownHTTPResponseError.isUnknownHTTPResponseError(error)) {
    const status = error.status;
    const code = String(error.code);
    const retryAfterMs = parseRetryAfter(header(error.headers, 'retry-after'));
    const retry = RETRY_STATUS.has(status) || RETRY_CODES.has(code);
    return {
      retry,
      reason: String(status),
      retryAfterMs,
      ambiguous: status !== 429 && status !== 409,
      rateLimited: status === 429 || status === 529,
    };
  }
  if (isNotionClientError(error) && error.code === ClientErrorCode.RequestTimeout) {
    return { retry: true, reason: 'timeout', ambiguous: true, rateLimited: false };
  }
  if (isNotionClientError(error)) return { retry: false, reason: String(error.code), ambiguous: false, rateLimited: false };
  const code = networkCode(error);
  if (code) return { retry: true, reason: code, ambiguous: true, rateLimited: false };
  return { retry: false, reason: 'error', ambiguous: false, rateLimited: false };
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): the server's Retry-After when
 * it gave one (capped), else exponential backoff with full jitter.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, decision: RetryDecision, random: () => number = Math.random): number {
  if (decision.retryAfterMs !== undefined) return Math.min(policy.maxDelayMs, decision.retryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
