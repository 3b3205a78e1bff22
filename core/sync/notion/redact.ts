/**
 * Removes a secret from text. Besides the token itself, anything that looks like a Notion
 * token (`secret_…`, `ntn_…`) and Authorization header values are masked, so a token that
 * okra was not told about (a stale one in the environment) does not leak either.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out
    .replace(/\b(secret|ntn)_[A-Za-z0-9]{8,}/g, '[redacted]')
    .replace(/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',}]+/gi, '$1[redacted]');
}

/** An error whose message is safe to print: the original's text with secrets removed. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    message: string,
    /** HTTP status or error code of the underlying failure, when there was one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Rewrites any thrown value as a {@link SyncError} with a redacted message (and no cause chain that could hold the token). */
export function redactError(error: unknown, secrets: readonly (string | undefined)[]): SyncError {
  if (error instanceof SyncError) return new SyncError(redact(error.message, secrets), error.code);
  const e = error as { message?: unknown; code?: unknown; status?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const code = typeof e?.status === 'number' ? String(e.status) : typeof e?.code === 'string' ? e.code : undefined;
  return new SyncError(redact(message, secrets), code);
}
